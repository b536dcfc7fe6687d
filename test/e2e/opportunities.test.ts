// Opportunities over HTTP on the local stack: a converted lead's opportunity opened by the real
// consumer, a quote created for an opportunity and accepted winning it, the routes' problem codes,
// and the pipeline by reach (a rep their own, a team manager their team, the director everyone).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { settle } from '../support/e2e.js';
import { call, newCustomer, type ProblemFields } from '../support/quotes.js';

const k = () => inject('opportunityKeys');

interface OpportunityView extends ProblemFields {
  opportunityId: string;
  customerId: string;
  stage: string;
  seq: number;
  probability: number;
  ownerId: string;
  quoteIds: string[];
  leadId?: string;
  moves: string[];
  wonQuoteId?: string;
  costAnalysis?: { basis: string; total: { netTotalTry: { amount: number } } };
}

interface Figures {
  count: number;
  byCurrency: { currency: string; amount: number; weighted: number }[];
  amountTry?: number;
  weightedTry?: number;
}
interface PipelineView extends ProblemFields {
  rows: (Figures & { ownerId: string; stage: string })[];
  byStage: (Figures & { stage: string })[];
  total: Figures;
}

const open = (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call<OpportunityView>('POST', '/opportunities', key, body, headers);
const opened = async (key: string, body: Record<string, unknown>) => {
  const reply = await open(key, body);
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
};
const pipeline = (key: string, query = '') => call<PipelineView>('GET', `/pipeline${query}`, key);
const owners = (p: PipelineView) => [...new Set(p.rows.map((r) => r.ownerId))].sort();

let ayseCustomer = '';
let johnCustomer = '';

beforeAll(async () => {
  ayseCustomer = (await newCustomer('opp-ayse')).customerId;
  johnCustomer = (await newCustomer('opp-john', 'en', ['rep-john'])).customerId;
});

describe('opportunities over HTTP', () => {
  it("opens a converted lead's opportunity, and a quote made for an opportunity wins it once accepted", async () => {
    const leads = await call<{ leads: { leadId: string }[] }>(
      'GET',
      `/leads?owner=rep-ayse&status=new&limit=100`,
      k().repAyse,
    );
    const leadId = leads.body.leads[0]!.leadId;
    for (const to of ['contacted', 'qualified', 'converted']) {
      const moved = await call('POST', `/leads/${leadId}/status`, k().repAyse, { to });
      expect(moved.status, moved.text).toBe(200);
    }
    await settle();
    const fromLead = (await pipeline(k().repAyse)).body;
    expect(fromLead.rows.some((r) => r.ownerId === 'rep-ayse' && r.stage === 'prospecting')).toBe(true);

    const o = await opened(k().repAyse, {
      customerId: ayseCustomer,
      name: 'Transpalet yenileme',
      amount: { amount: 5_000_000, currency: 'TRY' },
      stage: 'proposal',
    });
    expect(o).toMatchObject({ stage: 'proposal', probability: 50, seq: 1, moves: ['advance', 'back', 'win', 'lose'] });
    const quote = await call<{ quoteId: string; seq: number }>('POST', '/quotes', k().repAyse, {
      customerId: ayseCustomer,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 4, discountBp: 500 }],
    });
    expect(quote.status, quote.text).toBe(201);
    const attached = await call('POST', `/opportunities/${o.opportunityId}/quotes`, k().repAyse, {
      quoteId: quote.body.quoteId,
      seq: o.seq,
    });
    expect(attached.status, attached.text).toBe(200);
    expect((await call('POST', `/quotes/${quote.body.quoteId}/submit`, k().repAyse, {})).status).toBe(200);
    await settle();
    const answered = await call('POST', `/quotes/${quote.body.quoteId}/answer`, k().repAyse, { answer: 'accepted' });
    expect(answered.status, answered.text).toBe(200);
    await settle();
    const won = await call<OpportunityView>('GET', `/opportunities/${o.opportunityId}`, k().repAyse);
    expect(won.body).toMatchObject({
      stage: 'won',
      probability: 100,
      wonQuoteId: quote.body.quoteId,
      quoteIds: [quote.body.quoteId],
      moves: [],
    });
    expect(won.body.costAnalysis).toMatchObject({ basis: 'accepted' });
    expect(won.body.costAnalysis!.total.netTotalTry.amount).toBeGreaterThan(0);
    // A quote is not attached to a closed opportunity.
    const lateQuote = await call<{ quoteId: string }>('POST', '/quotes', k().repAyse, {
      customerId: ayseCustomer,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 1 }],
    });
    expect(lateQuote.status, lateQuote.text).toBe(201);
    const late = await call<ProblemFields>('POST', `/opportunities/${o.opportunityId}/quotes`, k().repAyse, {
      quoteId: lateQuote.body.quoteId,
      seq: won.body.seq,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('illegal-transition');
  });

  it('answers each refusal with its problem code and field', async () => {
    const bad = await open(k().repAyse, {
      customerId: ayseCustomer,
      name: '',
      amount: { amount: -1, currency: 'XXY' },
      probability: 101,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation-failed');
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual([
      'amount.amount',
      'amount.currency',
      'name',
      'probability',
    ]);
    const foreign = await open(k().repAyse, {
      customerId: johnCustomer,
      name: 'Başkasının',
      amount: { amount: 1, currency: 'TRY' },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('customer-not-found');

    const body = { customerId: ayseCustomer, name: 'Bakım sözleşmesi', amount: { amount: 1_200_000, currency: 'EUR' } };
    const first = await open(k().repAyse, body, { 'idempotency-key': `opp-${ayseCustomer}` });
    const again = await open(k().repAyse, body, { 'idempotency-key': `opp-${ayseCustomer}` });
    expect(first.status).toBe(201);
    expect(again.body.opportunityId).toBe(first.body.opportunityId);
    const id = first.body.opportunityId;

    expect((await call('GET', `/opportunities/${id}`, k().repJohn)).status).toBe(404);
    expect((await call('PATCH', `/opportunities/${id}`, k().repMehmet, { probability: 5 })).status).toBe(404);
    const patched = await call<OpportunityView>('PATCH', `/opportunities/${id}`, k().repAyse, {
      seq: 1,
      probability: 40,
    });
    expect(patched.body).toMatchObject({ seq: 2, probability: 40 });
    const stale = await call<ProblemFields>('PATCH', `/opportunities/${id}`, k().repAyse, { seq: 1, probability: 30 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('opportunity-changed');
    const back = await call<ProblemFields>('POST', `/opportunities/${id}/back`, k().repAyse, {});
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('illegal-transition');
    const noReason = await call<ProblemFields>('POST', `/opportunities/${id}/lose`, k().repAyse, { seq: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'lostReason' })]);
    const otherCustomersQuote = await call<{ quoteId: string }>('POST', '/quotes', k().repJohn, {
      customerId: johnCustomer,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 1 }],
    });
    const attach = await call<ProblemFields>('POST', `/opportunities/${id}/quotes`, k().repAyse, {
      quoteId: otherCustomersQuote.body.quoteId,
    });
    expect(attach.status).toBe(422);
    expect(attach.body.code).toBe('quote-not-found');
    const lost = await call<OpportunityView>('POST', `/opportunities/${id}/lose`, k().repAyse, {
      seq: 2,
      lostReason: 'Bütçe ertelendi',
    });
    expect(lost.body).toMatchObject({ stage: 'lost', probability: 0, seq: 3 });
  });

  it('shows the pipeline by reach: a rep their own, a team manager their team, the director everyone', async () => {
    await opened(k().repAyse, {
      customerId: ayseCustomer,
      name: 'Ayşe fırsatı',
      amount: { amount: 1_000_000, currency: 'TRY' },
      stage: 'negotiation',
    });
    await opened(k().repJohn, {
      customerId: johnCustomer,
      name: 'John opportunity',
      amount: { amount: 2_000_000, currency: 'TRY' },
    });

    const ayse = (await pipeline(k().repAyse)).body;
    expect(owners(ayse)).toEqual(['rep-ayse']);
    const negotiation = ayse.byStage.find((s) => s.stage === 'negotiation')!;
    expect(negotiation.count).toBeGreaterThanOrEqual(1);
    expect(negotiation.byCurrency.find((c) => c.currency === 'TRY')!.weighted).toBe(
      Math.round((negotiation.byCurrency.find((c) => c.currency === 'TRY')!.amount * 75) / 100),
    );
    const selin = (await pipeline(k().managerSelin)).body;
    expect(owners(selin)).toEqual(['rep-john']);
    const director = (await pipeline(k().director)).body;
    expect(owners(director)).toEqual(expect.arrayContaining(['rep-ayse', 'rep-john']));
    expect(director.total.count).toBeGreaterThan(selin.total.count);
    expect(owners((await pipeline(k().director, '?team=team-export')).body)).toEqual(['rep-john']);
    expect((await pipeline(k().director, '?currency=EUR')).body.total.byCurrency.map((c) => c.currency)).not.toContain(
      'TRY',
    );

    const otherTeam = await pipeline(k().managerSelin, '?team=team-istanbul');
    expect(otherTeam.status).toBe(403);
    expect(otherTeam.body.code).toBe('forbidden');
    const othersRep = await pipeline(k().repAyse, '?owner=rep-john');
    expect(othersRep.status).toBe(403);
    expect(othersRep.body.code).toBe('forbidden');
  });
});
