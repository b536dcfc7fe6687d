// Opportunities against DynamoDB Local: a converted lead becomes one opportunity however often its
// event is delivered; quotes attach on both sides; an accepted quote (or its order) wins the
// opportunity once; a closed opportunity stays closed; stale writes are refused.

import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import type { PriceList } from '../../functions/catalogue/domain/catalogue.js';
import { type Lead, leads } from '../../functions/lead-capture/lead-store.js';
import { opportunitiesKeys } from '../../functions/opportunities/keys.js';
import {
  attachQuote,
  changeStage,
  openFromLead,
  openOpportunity,
  updateOpportunity,
  winFromQuote,
} from '../../functions/opportunities/opportunities.js';
import {
  getOpportunity,
  getOpportunityHistory,
  openOpportunities,
} from '../../functions/opportunities/opportunity-store.js';
import { costOf } from '../../functions/opportunities/pipeline.js';
import { getQuote } from '../../functions/quote-approval/quote-store.js';
import { answerQuote, createQuote, markSent, submitQuote } from '../../functions/quote-approval/quotes.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

const longList: PriceList = {
  id: 'it-opp-try',
  name: 'Integration TRY (opportunities)',
  currency: 'TRY',
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  prices: [{ sku: 'TP-20', unitPrice: 1_850_000 }],
};
const owner = { userId: 'rep-ayse', teamId: 'team-istanbul' };
const staff = { actorId: 'rep-ayse', via: 'api' as const };

const newCustomer = async () => {
  const customerId = newId();
  const at = new Date().toISOString();
  const [put] = customers.createItems({
    customerId,
    name: 'Fırsat Müşteri',
    email: `opp-${customerId.toLowerCase()}@example.com`,
    language: 'tr',
    createdAt: at,
    updatedAt: at,
  });
  await transact([put!]);
  return customerId;
};

const outbox = async (field: string, id: string) =>
  (
    await scanAll({
      FilterExpression: '#type = :outbox AND detail.#field = :id',
      ExpressionAttributeNames: { '#type': 'type', '#field': field },
      ExpressionAttributeValues: { ':outbox': 'outbox', ':id': id },
    })
  ).map((item) => ({ detailType: item.detailType as string, detail: item.detail as Record<string, unknown> }));

const opportunitiesOf = async (customerId: string) =>
  (
    await queryAll({
      partition: keys.customerPartition(customerId),
      range: { prefix: opportunitiesKeys.opportunitiesPrefix() },
    })
  ).filter((item) => item.type === 'opportunity');

/** An open opportunity of a new customer, owned by rep-ayse. */
const opportunity = async (amount = 1_000_000) =>
  openOpportunity(
    { customerId: await newCustomer(), name: 'Forklift filosu', amount: { amount, currency: 'TRY' } },
    owner,
  );

/** An auto-approved quote (a small discount) for the opportunity, sent and accepted by the customer. */
const acceptedQuoteFor = async (o: { customerId: string; opportunityId: string }) => {
  const draft = await createQuote(
    { customerId: o.customerId, priceListId: longList.id, lines: [{ sku: 'TP-20', quantity: 3, discountBp: 500 }] },
    owner,
  );
  // Attached twice: the opportunity lists the quote once.
  const listed = await attachQuote((await getOpportunity(o.customerId, o.opportunityId))!, draft, staff);
  await attachQuote(listed, await getQuote(o.customerId, draft.quoteId), staff);
  const sent = await markSent(await submitQuote((await getQuote(o.customerId, draft.quoteId))!, undefined), 'auto');
  return answerQuote(sent, 'accept', { via: 'link' });
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), [
    ...demoItems(),
    ...catalogueItems('priceLists', await liveGeneration('priceLists'), [longList]),
  ]);
});

describe('a converted lead', () => {
  it('becomes one opportunity for its customer and owner, however often and however concurrently the event arrives', async () => {
    const customerId = await newCustomer();
    const at = new Date().toISOString();
    const lead: Lead = {
      leadId: newId(),
      customerId,
      status: 'converted',
      seq: 4,
      name: 'Deniz Örnek',
      company: 'Örnek Lojistik',
      productInterest: 'forklift',
      language: 'tr',
      owner: { type: 'user', id: 'rep-mehmet', ruleId: 'round-robin', teamId: 'team-istanbul' },
      createdAt: at,
      updatedAt: at,
    };
    await transact(leads.createItems(lead));
    const event = {
      eventId: newId(),
      occurredAt: at,
      version: 1 as const,
      leadId: lead.leadId,
      customerId,
      from: 'qualified' as const,
      to: 'converted' as const,
      actorId: 'mgr-zeynep',
    };
    const outcomes = await Promise.all([
      openFromLead(event),
      openFromLead(event),
      openFromLead({ ...event, eventId: newId() }),
    ]);
    expect(outcomes.filter((o) => o === 'opened')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(2);
    expect(await openFromLead(event)).toBe('exists');

    const stored = await opportunitiesOf(customerId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      leadId: lead.leadId,
      ownerId: 'rep-mehmet',
      teamId: 'team-istanbul',
      name: 'Örnek Lojistik: forklift',
      status: 'prospecting',
      probability: 10,
      amount: { amount: 0, currency: 'TRY' },
      quoteIds: [],
    });
    const opened = await outbox('leadId', lead.leadId);
    expect(opened.map((e) => e.detailType)).toEqual(['OpportunityOpened']);
    expect(opened[0]!.detail).toMatchObject({
      opportunityId: stored[0]!.opportunityId,
      ownerId: 'rep-mehmet',
      stage: 'prospecting',
    });
    // A lead that is not stored (erased since) opens nothing.
    expect(await openFromLead({ ...event, leadId: newId() })).toBe('no-lead');
  });
});

describe('quotes and winning', () => {
  it('an accepted quote wins its opportunity once, however many acceptance and order events arrive', async () => {
    const o = await opportunity();
    const accepted = await acceptedQuoteFor(o);
    expect((await getOpportunity(o.customerId, o.opportunityId))!.quoteIds).toEqual([accepted.quoteId]);

    await Promise.all([
      winFromQuote(o.customerId, accepted.quoteId),
      winFromQuote(o.customerId, accepted.quoteId),
      winFromQuote(o.customerId, accepted.quoteId),
    ]);
    await winFromQuote(o.customerId, accepted.quoteId);
    const won = (await getOpportunity(o.customerId, o.opportunityId))!;
    expect(won).toMatchObject({
      status: 'won',
      probability: 100,
      wonQuoteId: accepted.quoteId,
      quoteIds: [accepted.quoteId],
    });
    const changes = (await outbox('opportunityId', o.opportunityId)).filter(
      (e) => e.detailType === 'OpportunityStageChanged',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]!.detail).toMatchObject({
      from: 'prospecting',
      to: 'won',
      quoteId: accepted.quoteId,
      via: 'event',
      actorId: 'system',
    });
    expect((await getOpportunityHistory(won)).map((m) => m.action)).toEqual(['attach-quote', 'win']);

    // The cost analysis reads the accepted quote's own figures.
    const cost = await costOf(won);
    expect(cost.basis).toBe('accepted');
    expect(cost.total.netTotalTry).toEqual(accepted.netTotalTry);
    expect(cost.quotes[0]).toMatchObject({
      quoteId: accepted.quoteId,
      netTotal: accepted.totals.netTotal,
      costTotal: accepted.totals.costTotal,
      marginBp: accepted.totals.marginBp,
    });
  });

  it('a lost opportunity stays lost when its quote is accepted later', async () => {
    const o = await opportunity();
    const accepted = await acceptedQuoteFor(o);
    const listed = (await getOpportunity(o.customerId, o.opportunityId))!;
    const lost = await changeStage(listed, 'lose', { lostReason: 'Rakip daha ucuz' }, staff);
    expect(lost).toMatchObject({ status: 'lost', probability: 0, lostReason: 'Rakip daha ucuz' });
    await winFromQuote(o.customerId, accepted.quoteId);
    expect((await getOpportunity(o.customerId, o.opportunityId))!.status).toBe('lost');
    // Nor does a quote of no opportunity win anything.
    await expect(winFromQuote(o.customerId, newId())).resolves.toBeUndefined();
  });

  it('attaches a quote on both sides once, and refuses a quote of another customer or of another opportunity', async () => {
    const o = await opportunity();
    const draft = await createQuote(
      { customerId: o.customerId, priceListId: longList.id, lines: [{ sku: 'TP-20', quantity: 1, discountBp: 0 }] },
      owner,
    );
    const attached = await attachQuote(o, draft, staff);
    expect(attached).toMatchObject({ quoteIds: [draft.quoteId], seq: 2 });
    const quote = (await getQuote(o.customerId, draft.quoteId))!;
    expect(quote).toMatchObject({ opportunityId: o.opportunityId, seq: draft.seq + 1 });
    // Again: nothing changes.
    expect(await attachQuote(attached, quote, staff)).toEqual(attached);
    expect((await getOpportunity(o.customerId, o.opportunityId))!.seq).toBe(2);

    const other = await opportunity();
    await expect(attachQuote(other, quote, staff)).rejects.toMatchObject({ code: 'quote-not-found', status: 422 });
    const sameCustomer = await openOpportunity(
      { customerId: o.customerId, name: 'Yedek parça', amount: { amount: 5_000, currency: 'EUR' } },
      owner,
    );
    await expect(attachQuote(sameCustomer, quote, staff)).rejects.toMatchObject({
      code: 'quote-attached-elsewhere',
      status: 409,
    });
    // A stale copy of the opportunity is refused, not written over.
    const fresh = await createQuote(
      { customerId: o.customerId, priceListId: longList.id, lines: [{ sku: 'TP-20', quantity: 2, discountBp: 0 }] },
      owner,
    );
    await expect(attachQuote(o, fresh, staff)).rejects.toMatchObject({ code: 'opportunity-changed' });
    expect((await getQuote(o.customerId, fresh.quoteId))!.opportunityId).toBeUndefined();
  });
});

describe('staff changes and the pipeline', () => {
  it('moves and changes only from the seq read, resets the probability on a move, and lists open opportunities by stage', async () => {
    const o = await opportunity(2_000_000);
    const changed = await updateOpportunity(o, { seq: 1, probability: 35, expectedCloseDate: '2030-06-30' }, staff);
    expect(changed).toMatchObject({ seq: 2, probability: 35, probabilitySet: true });
    await expect(updateOpportunity(o, { seq: 1, probability: 40 }, staff)).rejects.toMatchObject({
      code: 'opportunity-changed',
      status: 409,
    });
    await expect(changeStage(o, 'advance', {}, staff)).rejects.toMatchObject({ code: 'opportunity-changed' });
    const advanced = await changeStage(changed, 'advance', { seq: 2 }, staff);
    expect(advanced).toMatchObject({ status: 'needs-analysis', probability: 25, seq: 3 });
    expect(advanced.probabilitySet).toBeUndefined();
    const back = await changeStage(advanced, 'back', {}, staff);
    expect(back.status).toBe('prospecting');
    await expect(changeStage(back, 'back', {}, staff)).rejects.toMatchObject({ code: 'illegal-transition' });

    const mine = await openOpportunities({ ownerId: 'rep-ayse' }, ['prospecting']);
    expect(mine.map((x) => x.opportunityId)).toContain(o.opportunityId);
    const byStage = await openOpportunities({ teamId: 'team-istanbul' }, ['prospecting']);
    expect(byStage.find((x) => x.opportunityId === o.opportunityId)).toMatchObject({
      expectedCloseDate: '2030-06-30',
      seq: 4,
    });
    expect(await openOpportunities({ teamId: 'team-export' }, ['prospecting'])).not.toContainEqual(
      expect.objectContaining({ opportunityId: o.opportunityId }),
    );
    const won = await changeStage(back, 'win', {}, staff);
    expect(await openOpportunities({ ownerId: 'rep-ayse' }, ['prospecting'])).not.toContainEqual(
      expect.objectContaining({ opportunityId: o.opportunityId }),
    );
    await expect(updateOpportunity(won, { amount: { amount: 1, currency: 'TRY' } }, staff)).rejects.toMatchObject({
      code: 'illegal-transition',
    });
  });
});
