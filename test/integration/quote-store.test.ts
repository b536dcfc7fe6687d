// The quote use cases against DynamoDB Local: every move a conditional write, concurrent approvals,
// revisions, the sparse expiry and follow-up queues, and the order made once.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import type { PriceList } from '../../functions/catalogue/domain/catalogue.js';
import { catalogue, isDetailType } from '../../functions/event-table.js';
import { orderFromQuote } from '../../functions/order-routing/orders.js';
import type { CreateQuoteInput } from '../../functions/quote-approval/domain/quote-input.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import {
  expiryQueue,
  getQuote,
  getQuoteVersion,
  type Quote,
  quotes,
} from '../../functions/quote-approval/quote-store.js';
import {
  answerQuote,
  createQuote,
  decideQuote,
  editQuote,
  expireDueQuotes,
  followUpDueQuotes,
  markSent,
  previewQuote,
  reviseQuote,
  submitQuote,
} from '../../functions/quote-approval/quotes.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import { ProblemError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { putCustomer } from '../support/customer-item.js';
import { scanAll } from '../support/scan.js';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const dateOf = (d: Date) => istanbulDate(d);

/** A price list valid for decades, so that quotes can be made "in the past" whatever today is. */
const longList: PriceList = {
  id: 'it-try',
  name: 'Integration TRY',
  currency: 'TRY',
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  prices: [
    { sku: 'FL-25E', unitPrice: 95_000_000 },
    { sku: 'TP-20', unitPrice: 1_850_000 },
    { sku: 'MNT-Y', unitPrice: 3_800_000 },
  ],
};

const manager = { userId: 'mgr-zeynep', role: 'manager' };
const managerSelin = { userId: 'mgr-selin', role: 'manager' };
const director = { userId: 'dir-kemal', role: 'director' };
const owner = { userId: 'rep-ayse', teamId: 'team-istanbul' };

const newCustomer = async () => {
  const customerId = await putCustomer('Entegrasyon Müşteri', 'it', { company: 'Entegrasyon Ltd.' });
  return customerId;
};

const draft = async (lines: CreateQuoteInput['lines'], at = now, validUntil?: string) =>
  createQuote({ customerId: await newCustomer(), priceListId: 'it-try', lines, validUntil }, owner, at);

/** One forklift at 15% off: over the 10% rule, so one manager step. */
const oneStep = () => draft([{ sku: 'FL-25E', quantity: 1, discountBp: 1500 }]);
/** 26% off: the manager and then the director. */
const twoSteps = () => draft([{ sku: 'FL-25E', quantity: 1, discountBp: 2600 }]);

const outbox = async (quoteId: string) =>
  (
    await scanAll({
      FilterExpression: '#type = :outbox AND (detail.quoteId = :id OR detail.orderId = :id)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':outbox': 'outbox', ':id': quoteId },
    })
  ).sort((a, b) => String(a.detail.eventId).localeCompare(String(b.detail.eventId)));

const eventTypes = async (quoteId: string) => (await outbox(quoteId)).map((item) => item.detailType as string);

/** The queues a quote is placed in, by name. */
const queueItems = async (quote: Quote) =>
  (
    await queryAll({
      partition: keys.customerPartition(quote.customerId),
      range: { prefix: keys.queueItem(quotes.key(quote), '').sk },
    })
  )
    .map((item) => item.queue as string)
    .sort();

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a problem');
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), [
    ...demoItems(),
    ...catalogueItems('priceLists', await liveGeneration('priceLists'), [longList]),
  ]);
});

describe('drafts and submitting', () => {
  it('prices a draft from the catalogue, edits it, and the policy decides at submit', async () => {
    const quote = await oneStep();
    expect(quote).toMatchObject({ status: 'draft', version: 1, seq: 1, currency: 'TRY', language: 'tr' });
    expect(quote.totals.grandTotal).toEqual({ amount: 96_900_000, currency: 'TRY' }); // 807 500.00 + 20% KDV
    const edited = await editQuote(quote, { lines: [{ sku: 'FL-25E', quantity: 2, discountBp: 1500 }], seq: 1 });
    expect(edited.seq).toBe(2);
    expect(edited.totals.grandTotal.amount).toBe(193_800_000);
    // An edit based on the first read is refused: the quote has moved on.
    expect(await rejection(editQuote(quote, { notes: 'eski ekran' }))).toEqual({ status: 409, code: 'quote-changed' });

    const submitted = await submitQuote(edited, 2);
    expect(submitted).toMatchObject({ status: 'pending_approval', approval: { steps: 1, approved: 0 } });
    expect(submitted.approvalSteps).toEqual([
      expect.objectContaining({ role: 'manager', ruleIds: ['discount-over-10'] }),
    ]);
    expect(await queueItems(submitted)).toEqual(['quote-approval']);
    expect(await eventTypes(quote.quoteId)).toEqual(['QuoteCreated', 'QuoteSubmitted', 'QuoteApprovalRequested']);
    // A draft cannot be edited once submitted.
    expect(await rejection(editQuote(submitted, { notes: 'geç' }))).toEqual({
      status: 409,
      code: 'illegal-transition',
    });
  });

  it('auto-approves a quote within every limit and queues it for expiry', async () => {
    const quote = await draft([{ sku: 'TP-20', quantity: 3, discountBp: 500 }]);
    const approved = await submitQuote(quote, undefined);
    expect(approved).toMatchObject({ status: 'approved', approvalSteps: [] });
    expect(await queueItems(approved)).toEqual(['quote-expiry']);
    expect(await eventTypes(quote.quoteId)).toEqual(['QuoteCreated', 'QuoteSubmitted', 'QuoteApproved']);
  });

  it('refuses unknown and discontinued products with the line at fault', async () => {
    const customerId = await newCustomer();
    const lines = [
      { sku: 'FL-25E', quantity: 1, discountBp: 0 },
      { sku: 'NOPE', quantity: 1, discountBp: 0 },
      { sku: 'FL-20E-OLD', quantity: 1, discountBp: 0 },
    ];
    const refused = createQuote({ customerId, priceListId: 'it-try', lines }, owner).catch((e: ProblemError) => e);
    expect(await refused).toMatchObject({
      status: 422,
      code: 'product-unavailable',
      errors: [
        { path: 'lines.1.sku', message: expect.objectContaining({ en: expect.stringContaining('NOPE') }) },
        { path: 'lines.2.sku', message: expect.objectContaining({ en: expect.stringContaining('no longer sold') }) },
      ],
    });
  });
});

describe('a quote discount, delivery terms and the preview', () => {
  /** Four pallet trucks at 7% off, and 3% off the quote. */
  const discounted = (customerId: string) => ({
    customerId,
    priceListId: 'it-try',
    lines: [{ sku: 'TP-20', quantity: 4, discountBp: 700 }],
    quoteDiscountBp: 300,
  });

  it('stores the quote discount and delivery terms with the draft; an edit changes and clears them', async () => {
    const customerId = await newCustomer();
    const input = { ...discounted(customerId), deliveryTerms: 'Gebze depodan teslim' };
    const quote = await createQuote(input, owner, now);
    const stored = await getQuote(customerId, quote.quoteId);
    // 74 000,00 − 7% = 68 820,00; − 3% = 66 755,40; + 20% KDV = 80 106,48.
    expect(stored).toMatchObject({
      quoteDiscountBp: 300,
      deliveryTerms: 'Gebze depodan teslim',
      totals: {
        quoteDiscountTotal: { amount: 206_460, currency: 'TRY' },
        discountTotal: { amount: 724_460, currency: 'TRY' },
        grandTotal: { amount: 8_010_648, currency: 'TRY' },
      },
    });
    const edited = await editQuote(stored!, { seq: 1, quoteDiscountBp: 0, deliveryTerms: null });
    const after = await getQuote(customerId, quote.quoteId);
    expect(after?.seq).toBe(2);
    expect(after).not.toHaveProperty('quoteDiscountBp');
    expect(after).not.toHaveProperty('deliveryTerms');
    expect(after?.totals).not.toHaveProperty('quoteDiscountTotal');
    expect(edited.totals.grandTotal.amount).toBe(8_258_400); // 68 820,00 + 20% KDV
  });

  it('the preview prices as creating would and stores nothing: no quote, no event', async () => {
    const customerId = await newCustomer();
    const input = {
      ...discounted(customerId),
      paymentTerms: { type: 'instalments' as const, count: 3, firstDueDate: `${now.getUTCFullYear() + 1}-01-15` },
    };
    const preview = await previewQuote(input, now);
    expect(preview).toMatchObject({ fxDate: dateOf(now), currency: 'TRY', rateToTry: '1' });
    expect(preview.totals.grandTotal.amount).toBe(8_010_648);
    expect(preview.paymentPlan.map((p) => p.amount.amount)).toEqual([2_670_216, 2_670_216, 2_670_216]);
    const partition = await queryAll({ partition: keys.customerPartition(customerId) });
    expect(partition.map((item) => item.type)).toEqual(['customer']);
    const created = await createQuote(input, owner, now);
    expect(created.totals).toEqual(preview.totals);
    expect(created.paymentPlan).toEqual(preview.paymentPlan);
  });
});

describe('approving', () => {
  it('two managers approving at once: one approval, and a conflict for the other', async () => {
    const pending = await submitQuote(await oneStep(), undefined);
    const results = await Promise.allSettled([
      decideQuote(pending, { type: 'approve' }, manager, { via: 'api', step: 0 }),
      decideQuote(pending, { type: 'approve' }, managerSelin, { via: 'link', step: 0 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost!.reason).toMatchObject({ status: 409, code: 'quote-changed' });
    const stored = await getQuote(pending.customerId, pending.quoteId);
    expect(stored).toMatchObject({ status: 'approved', approvals: [expect.objectContaining({ step: 0 })] });
    const events = await eventTypes(pending.quoteId);
    expect(events.filter((t) => t === 'QuoteApproved')).toHaveLength(1);
    expect(events.filter((t) => t === 'QuoteApprovalGiven')).toHaveLength(1);
  });

  it('eight approvers who each read the quote first: still exactly one approval', async () => {
    const pending = await submitQuote(await oneStep(), undefined);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, async (_, i) => {
        const fresh = (await getQuote(pending.customerId, pending.quoteId))!;
        return decideQuote(fresh, { type: 'approve' }, i % 2 ? manager : managerSelin, { via: 'api' });
      }),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(ProblemError);
      expect((r.reason as ProblemError).status).toBe(409);
    }
    expect((await eventTypes(pending.quoteId)).filter((t) => t === 'QuoteApproved')).toHaveLength(1);
  });

  it('walks two steps in order: the manager, then the director; roles and owners are checked', async () => {
    const pending = await submitQuote(await twoSteps(), undefined);
    expect(pending.approvalSteps!.map((s) => s.role)).toEqual(['manager', 'director']);
    expect(await rejection(decideQuote(pending, { type: 'approve' }, director, { via: 'api' }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    const afterManager = await decideQuote(pending, { type: 'approve' }, manager, { via: 'api', step: 0 });
    expect(afterManager).toMatchObject({ status: 'pending_approval', approval: { steps: 2, approved: 1 } });
    expect(await queueItems(afterManager)).toEqual(['quote-approval']);
    // The second manager was shown step 1 of 2 too late: a clear conflict, not a second approval.
    expect(
      await rejection(decideQuote(afterManager, { type: 'approve' }, managerSelin, { via: 'api', step: 0 })),
    ).toEqual({
      status: 409,
      code: 'step-already-decided',
    });
    const approved = await decideQuote(afterManager, { type: 'approve' }, director, { via: 'link', step: 1 });
    expect(approved.status).toBe('approved');
    expect(approved.approvals.map((a) => [a.step, a.userId, a.via])).toEqual([
      [0, 'mgr-zeynep', 'api'],
      [1, 'dir-kemal', 'link'],
    ]);
    expect(await queueItems(approved)).toEqual(['quote-expiry']);
    expect(await eventTypes(pending.quoteId)).toEqual([
      'QuoteCreated',
      'QuoteSubmitted',
      'QuoteApprovalRequested',
      'QuoteApprovalGiven',
      'QuoteApprovalRequested',
      'QuoteApprovalGiven',
      'QuoteApproved',
    ]);
  });

  it('nobody approves their own quote', async () => {
    const customerId = await newCustomer();
    const own = await createQuote(
      { customerId, priceListId: 'it-try', lines: [{ sku: 'FL-25E', quantity: 1, discountBp: 1500 }] },
      { userId: 'mgr-zeynep' },
    );
    const pending = await submitQuote(own, undefined);
    expect(await rejection(decideQuote(pending, { type: 'approve' }, manager, { via: 'api' }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
  });

  it('a rejection needs a reason; a revision makes version 2 and leaves version 1 as it was', async () => {
    const pending = await submitQuote(await oneStep(), undefined);
    expect(
      await rejection(decideQuote(pending, { type: 'reject', reason: '  ' }, manager, { via: 'api' })),
    ).toMatchObject({
      status: 400,
    });
    const rejected = await decideQuote(pending, { type: 'reject', reason: 'İndirim çok yüksek' }, manager, {
      via: 'api',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejection: { reason: 'İndirim çok yüksek', userId: 'mgr-zeynep' },
    });
    expect(await queueItems(rejected)).toEqual([]);

    const revised = await reviseQuote(rejected, rejected.seq);
    // seq counts on across versions, so a screen of version 1 is stale for version 2.
    expect(revised).toMatchObject({ status: 'draft', version: 2, seq: rejected.seq + 1, approvals: [] });
    expect(revised.rejection).toBeUndefined();
    const head = (await getQuote(rejected.customerId, rejected.quoteId))!;
    expect(head).toMatchObject({ version: 2, status: 'draft' });
    const first = await getQuoteVersion(head, 1);
    expect(first).toMatchObject({ version: 1, status: 'rejected', rejection: { reason: 'İndirim çok yüksek' } });
    // Revising version 1 again is refused: it is no longer the quote.
    expect(await rejection(reviseQuote(rejected, undefined))).toEqual({ status: 409, code: 'quote-changed' });
    // Version 2 goes through the policy afresh once its discount is fixed.
    const fixed = await editQuote(revised, { lines: [{ sku: 'FL-25E', quantity: 1, discountBp: 800 }] });
    expect((await submitQuote(fixed, undefined)).status).toBe('approved');
  });
});

describe('the customer, orders, expiry and follow-up', () => {
  const approvedQuote = async (lines: CreateQuoteInput['lines'], at: Date, validUntil: string) =>
    submitQuote(await draft(lines, at, validUntil), undefined, at);

  it('an accepted quote becomes one order, however many times the consumer runs', async () => {
    const approved = await approvedQuote(
      [{ sku: 'MNT-Y', quantity: 2, discountBp: 0 }],
      now,
      dateOf(new Date(now.getTime() + 10 * DAY)),
    );
    const sent = await markSent(approved, 'auto');
    expect(await queueItems(sent)).toEqual(['quote-expiry', 'quote-follow-up']);
    const accepted = await answerQuote(sent, 'accept', { via: 'link' });
    expect(await queueItems(accepted)).toEqual([]);
    const orders = await Promise.all(Array.from({ length: 6 }, () => orderFromQuote(accepted)));
    expect(orders.filter(Boolean)).toHaveLength(1);
    const stored = (await getQuote(accepted.customerId, accepted.quoteId))!;
    expect(stored.orderId).toBe(accepted.quoteId);
    // The report line keeps the margin as an amount (net less cost in TRY), for commission on margin.
    const report = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: quoteApprovalKeys.quoteReport(accepted.customerId, accepted.quoteId),
      }),
    );
    expect(report.Item).toMatchObject({ status: 'accepted', netTotalTry: { amount: 7_600_000 } });
    expect(report.Item?.marginTry).toEqual({
      amount: stored.netTotalTry.amount - stored.totals.costTotal.amount,
      currency: 'TRY',
    });
    expect(report.Item?.marginTry.amount).toBe(stored.totals.margin.amount);
    const created = (await outbox(accepted.quoteId)).filter((item) => item.detailType === 'OrderCreated');
    expect(created).toHaveLength(1);
    expect(created[0]!.detail).toMatchObject({
      orderId: accepted.quoteId,
      currency: 'TRY',
      lines: [{ sku: 'MNT-Y', quantity: 2, unitPrice: 3_800_000, net: 7_600_000, tax: 1_520_000, total: 9_120_000 }],
      totals: { grandTotal: 9_120_000 },
    });
    // Every event of this quote's life is one the catalogue's schema accepts.
    for (const item of await outbox(accepted.quoteId)) {
      expect(isDetailType(item.detailType)).toBe(true);
      catalogue[item.detailType as keyof typeof catalogue].detail.parse(item.detail);
    }
  });

  it('the expiry sweep reads only what is due, and expires approved and sent quotes past their validity', async () => {
    const before = await expiryQueue.due(now, 1000);
    const createdAt = daysAgo(20);
    const lapsedApproved = await approvedQuote(
      [{ sku: 'TP-20', quantity: 1, discountBp: 0 }],
      createdAt,
      dateOf(daysAgo(3)),
    );
    const lapsedSent = await markSent(
      await approvedQuote([{ sku: 'TP-20', quantity: 2, discountBp: 0 }], createdAt, dateOf(daysAgo(1))),
      'auto',
      createdAt,
    );
    const current = await markSent(
      await approvedQuote(
        [{ sku: 'TP-20', quantity: 3, discountBp: 0 }],
        createdAt,
        dateOf(new Date(now.getTime() + 5 * DAY)),
      ),
      'auto',
      createdAt,
    );
    const due = await expiryQueue.due(now, 1000);
    expect(
      due
        .map((d) => d.data.quoteId)
        .filter((id) => !before.some((b) => b.data.quoteId === id))
        .sort(),
    ).toEqual([lapsedApproved.quoteId, lapsedSent.quoteId].sort());

    const swept = await expireDueQuotes(now);
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    expect(await getQuote(lapsedApproved.customerId, lapsedApproved.quoteId)).toMatchObject({ status: 'expired' });
    expect(await getQuote(lapsedSent.customerId, lapsedSent.quoteId)).toMatchObject({ status: 'expired' });
    expect(await getQuote(current.customerId, current.quoteId)).toMatchObject({ status: 'sent' });
    expect(await queueItems(lapsedSent)).toEqual([]);
    expect((await outbox(lapsedSent.quoteId)).find((i) => i.detailType === 'QuoteExpired')?.detail).toMatchObject({
      previousStatus: 'sent',
    });
    // A second sweep finds nothing more to do for them.
    await expireDueQuotes(now);
    expect((await eventTypes(lapsedSent.quoteId)).filter((t) => t === 'QuoteExpired')).toHaveLength(1);
    // An answer after the validity date is refused even before a sweep has run.
    const late = await markSent(
      await approvedQuote([{ sku: 'TP-20', quantity: 4, discountBp: 0 }], createdAt, dateOf(daysAgo(2))),
      'auto',
      createdAt,
    );
    expect(await rejection(answerQuote(late, 'accept', { via: 'link' }))).toEqual({
      status: 409,
      code: 'quote-expired',
    });
  });

  it('reminds the owner of an unanswered quote once', async () => {
    const sent = await markSent(
      await approvedQuote(
        [{ sku: 'TP-20', quantity: 5, discountBp: 0 }],
        daysAgo(5),
        dateOf(new Date(now.getTime() + 20 * DAY)),
      ),
      'auto',
      daysAgo(4),
    );
    const answered = await markSent(
      await approvedQuote(
        [{ sku: 'TP-20', quantity: 6, discountBp: 0 }],
        daysAgo(5),
        dateOf(new Date(now.getTime() + 20 * DAY)),
      ),
      'auto',
      daysAgo(4),
    );
    await answerQuote(answered, 'decline', { via: 'staff', actorId: 'rep-ayse' });
    await followUpDueQuotes(now);
    await followUpDueQuotes(now);
    expect((await eventTypes(sent.quoteId)).filter((t) => t === 'QuoteFollowUpDue')).toHaveLength(1);
    expect((await eventTypes(answered.quoteId)).filter((t) => t === 'QuoteFollowUpDue')).toHaveLength(0);
    expect(await queueItems(sent)).toEqual(['quote-expiry']);
  });
});
