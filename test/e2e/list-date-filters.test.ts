// `from` and `to` read the same on every list: a calendar date is the whole Istanbul day, an ISO
// instant is taken as is, and both bounds are inclusive. Leads and quotes are made over HTTP and
// then moved back in time in the table, around the edges of one Istanbul day (28 February 2021,
// whose last minute is in the February partition of the quote month index and next minute in March).

import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import type { Key } from '../../shared/table.js';
import { istanbulMonth } from '../../shared/time.js';
import { captureLead, getLead, keys, listAllLeads, readProblem, send, settle, uniquePerson } from '../support/e2e.js';
import { act, call, createQuote, getQuote, newCustomer, quoteKeys, table } from '../support/quotes.js';

const DAY = '2021-02-28';
/** Istanbul is UTC+3: the day runs from 27 Feb 21:00 UTC to 28 Feb 20:59:59.999 UTC. */
const moments = {
  lastOfDayBefore: '2021-02-27T20:59:59.999Z',
  firstOfDay: '2021-02-27T21:00:00.000Z',
  at2359: '2021-02-28T20:59:00.000Z',
  midnightAfter: '2021-02-28T21:00:00.000Z',
} as const;
type Moment = keyof typeof moments;
const order: Moment[] = ['lastOfDayBefore', 'firstOfDay', 'at2359', 'midnightAfter'];

/**
 * Moves an item's `field` (its creation or sending time) to `at`, with its place in every index
 * ordered by it and, for the quote indexes partitioned by Istanbul month, its partition.
 */
const moveInTime = async (
  key: Key,
  id: string,
  at: string,
  field = 'createdAt',
  monthPartition?: (month: string) => string,
) => {
  const client = table();
  const item = (await client.send(new GetCommand({ TableName: 'pusula', Key: key }))).Item!;
  const sortKeys = ['gsi1sk', 'gsi2sk'].filter((name) => String(item[name]).endsWith(`#${id}`));
  const names: Record<string, string> = { '#field': field };
  const values: Record<string, string> = { ':at': at };
  for (const name of sortKeys) values[`:${name}`] = `${at}#${id}`;
  if (monthPartition) values[':gsi2pk'] = monthPartition(istanbulMonth(at));
  const sets = Object.keys(values).map((value) => `${value === ':at' ? '#field' : value.slice(1)} = ${value}`);
  await client.send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
};

/** The ids among `ids` that a listing returned, in the order it returned them. */
const ours = (listed: string[], ids: Record<Moment, string>) => {
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return listed.filter((id) => names.has(id)).map((id) => names.get(id));
};

describe('GET /leads from/to', () => {
  const ids = {} as Record<Moment, string>;

  beforeAll(async () => {
    for (const moment of order) {
      const p = uniquePerson(`range-${moment}`);
      ids[moment] = (await captureLead({ name: p.name, email: p.email, city: 'Van' })).leadId;
    }
    await settle();
    for (const moment of order) {
      const lead = await getLead(ids[moment]);
      await moveInTime(leadCaptureKeys.lead(lead.customerId, lead.leadId), lead.leadId, moments[moment]);
    }
  });

  const listed = async (query: Record<string, string>) =>
    ours(
      (await listAllLeads({ status: 'new', ...query })).map((l) => l.leadId),
      ids,
    );

  it('a date is the whole Istanbul day: 00:00 and 23:59 are in, the minute either side is out', async () => {
    expect(await listed({ from: DAY, to: DAY })).toEqual(['at2359', 'firstOfDay']);
    expect(await listed({ to: DAY })).toEqual(['at2359', 'firstOfDay', 'lastOfDayBefore']);
    expect(await listed({ from: '2021-03-01' })).toEqual(['midnightAfter']);
  });

  it('an instant is taken as is, both bounds inclusive, in UTC or with an offset', async () => {
    expect(await listed({ from: '2021-02-27T21:00:00Z', to: '2021-02-28T20:59:00Z' })).toEqual([
      'at2359',
      'firstOfDay',
    ]);
    expect(await listed({ from: '2021-02-28T00:00:00+03:00', to: '2021-02-28T23:58:59+03:00' })).toEqual([
      'firstOfDay',
    ]);
    expect(await listed({ from: '2021-02-28T20:59:00.001Z', to: '2021-03-01T00:00:00+03:00' })).toEqual([
      'midnightAfter',
    ]);
  });

  it('refuses what is neither a date nor an instant, and a range that ends before it starts', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2021-02-30', 'to'],
      ['from=2021-02-28T25:00:00Z', 'from'],
      ['from=2021-03-01&to=2021-02-28', 'from'],
    ] as const) {
      const response = await send(`/leads?${query}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${keys().manager}` },
      });
      expect(response.status, query).toBe(400);
      expect(
        (await readProblem(response)).errors?.map((e) => e.path),
        query,
      ).toEqual([field]);
    }
  });
});

describe('GET /quotes from/to', () => {
  const ids = {} as Record<Moment, string>;
  let customerId: string;

  beforeAll(async () => {
    ({ customerId } = await newCustomer('quote-range'));
    for (const moment of order) {
      const quote = await createQuote(quoteKeys().repAyse, {
        customerId,
        priceListId: 'tr-standart',
        lines: [{ sku: 'TP-20', quantity: 1 }],
      });
      ids[moment] = quote.quoteId;
      await moveInTime(
        quoteApprovalKeys.quote(customerId, quote.quoteId),
        quote.quoteId,
        moments[moment],
        'createdAt',
        quoteApprovalKeys.quotesByMonthPartition,
      );
    }
  });

  const listed = async (key: string, query: Record<string, string>) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) });
      const page = await call<{ quotes: { quoteId: string }[]; nextCursor?: string }>('GET', `/quotes?${params}`, key);
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.quotes.map((q) => q.quoteId));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ours(seen, ids);
  };

  /** One listing per index that can answer: the customer's partition, the owner's, the month's. */
  const byEveryIndex = () => {
    const k = quoteKeys();
    return [
      [k.manager, { customer: customerId }],
      [k.repAyse, {}],
      [k.manager, {}],
    ] as const;
  };

  it('a date is the whole Istanbul day, whichever index answers: the customer, the owner, the month', async () => {
    for (const [key, extra] of byEveryIndex()) {
      expect(await listed(key, { ...extra, from: DAY, to: DAY }), JSON.stringify(extra)).toEqual([
        'at2359',
        'firstOfDay',
      ]);
      expect(await listed(key, { ...extra, from: '2021-03-01', to: '2021-03-01' }), JSON.stringify(extra)).toEqual([
        'midnightAfter',
      ]);
    }
  });

  it('an instant is taken as is, both bounds inclusive', async () => {
    for (const [key, extra] of byEveryIndex()) {
      const name = JSON.stringify(extra);
      expect(await listed(key, { ...extra, from: '2021-02-27T21:00:00Z', to: '2021-02-28T20:59:00Z' }), name).toEqual([
        'at2359',
        'firstOfDay',
      ]);
      expect(
        await listed(key, { ...extra, from: '2021-02-28T23:59:00+03:00', to: '2021-03-01T00:00:00+03:00' }),
        name,
      ).toEqual(['midnightAfter', 'at2359']);
    }
  });

  it('refuses a range that ends before it starts, naming from', async () => {
    const refused = await call<{ errors: { path: string }[] }>(
      'GET',
      '/quotes?from=2021-03-01&to=2021-02-28',
      quoteKeys().manager,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => e.path)).toEqual(['from']);
  });
});

describe('GET /reports/quotes from/to', () => {
  beforeAll(async () => {
    const { customerId } = await newCustomer('report-range');
    const made: string[] = [];
    for (let i = 0; i < order.length; i++) {
      const quote = await createQuote(quoteKeys().repAyse, {
        customerId,
        priceListId: 'tr-standart',
        lines: [{ sku: 'TP-20', quantity: 1 }],
      });
      // Within every limit of the approval policy: approved and sent without anyone's hand.
      const submitted = await act(quote.quoteId, 'submit', quoteKeys().repAyse, { seq: quote.seq });
      expect(submitted.status, submitted.text).toBe(200);
      made.push(quote.quoteId);
    }
    await settle();
    for (const [i, quoteId] of made.entries()) {
      expect((await getQuote(quoteId)).status).toBe('sent');
      await moveInTime(
        quoteApprovalKeys.quoteReport(customerId, quoteId),
        quoteId,
        moments[order[i]!],
        'sentAt',
        quoteApprovalKeys.quotesSentInPartition,
      );
    }
  });

  /** Quotes sent in the range, all reps and periods together. */
  const sentIn = async (query: Record<string, string>) => {
    const report = await call<{ overall: { sent: number }[] }>(
      'GET',
      `/reports/quotes?${new URLSearchParams(query)}`,
      quoteKeys().manager,
    );
    expect(report.status, report.text).toBe(200);
    return report.body.overall.reduce((sum, period) => sum + period.sent, 0);
  };

  it('counts a quote sent at 00:00 and at 23:59 of the day, not the minute either side', async () => {
    expect(await sentIn({ from: DAY, to: DAY })).toBe(2);
    expect(await sentIn({ from: '2021-03-01', to: '2021-03-01' })).toBe(1);
  });

  it('takes instants as they are, both bounds inclusive, across the end of a month', async () => {
    expect(await sentIn({ from: '2021-02-27T21:00:00Z', to: '2021-02-28T20:59:00Z' })).toBe(2);
    expect(await sentIn({ from: '2021-02-28T23:59:00+03:00', to: '2021-03-01T00:00:00+03:00' })).toBe(2);
    expect(await sentIn({ from: '2021-02-27T20:59:59.999Z', to: '2021-02-27T20:59:59.999Z' })).toBe(1);
  });
});
