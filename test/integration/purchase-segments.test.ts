// Segments by what people buy, against DynamoDB Local: an order's lines counted into its customer's
// purchase figures once however often its delivery is redelivered (and taken off once on return),
// and a segment "bought A, never B" evaluated both ways the platform reads it — one pass over the
// purchasers index for a whole-directory pass, and the page's own customers for a campaign run.
import { describe, expect, it } from 'vitest';
import type { OrderValue } from '../../functions/analytics/domain/customer-value.js';
import { analyticsKeys } from '../../functions/analytics/keys.js';
import { applyOrderValue, purchaseFigures } from '../../functions/analytics/value-store.js';
import type { SegmentFilter } from '../../functions/campaigns/domain/segment-filter.js';
import { matchingItems, previewSegment, purchaseContext, segmentMembers } from '../../functions/campaigns/segments.js';
import type { Viewer } from '../../shared/access.js';
import { setClock } from '../../shared/clock.js';
import { customers } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';

// A year of its own, so the purchasers index holds only this file's buyers for it.
const YEAR = String(2300 + Math.floor(Math.random() * 600));
const run = newId().slice(-6).toLowerCase();
const A = `bahce-${run}`;
const B = `hirdavat-${run}`;

const newCustomer = async (at = '2020-01-01T00:00:00.000Z') => {
  const customerId = newId();
  const item = { customerId, name: `Deneme Üye ${run}`, email: `uye-${customerId.toLowerCase()}@example.com` };
  expect((await transact(customers.createItems({ ...item, language: 'tr', createdAt: at, updatedAt: at }))).ok).toBe(
    true,
  );
  return { ...customers.item({ ...item, language: 'tr', createdAt: at, updatedAt: at }), customerId };
};

const orderOf = (
  customerId: string,
  month: string,
  lines: { category: string; amountTry: number }[],
  year = YEAR,
): OrderValue => {
  const amountTry = lines.reduce((sum, l) => sum + l.amountTry, 0);
  return {
    orderId: newId(),
    customerId,
    orderDate: `${year}-${month}-15`,
    currency: 'TRY',
    amount: amountTry,
    amountTry,
    lines,
  };
};

const figuresOf = (customerId: unknown) => purchaseFigures.get(analyticsKeys.purchases(String(customerId), YEAR));

describe('purchase figures', () => {
  it('count an order once under 20 redeliveries, beside its value figures, and a return takes it off once', async () => {
    const { customerId } = await newCustomer();
    const order = orderOf(customerId, '03', [
      { category: A, amountTry: 40_000 },
      { category: A.toUpperCase(), amountTry: 10_000 },
      { category: B, amountTry: 5_000 },
    ]);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => applyOrderValue(order, 'delivered')));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect((await figuresOf(customerId))?.categories).toEqual({
      [A]: { '03': { orders: 1, amountTry: 50_000 } },
      [B]: { '03': { orders: 1, amountTry: 5_000 } },
    });
    // A second order of the same customer racing the first's redeliveries is counted too.
    const second = orderOf(customerId, '03', [{ category: A, amountTry: 1_000 }]);
    await Promise.all([applyOrderValue(second, 'delivered'), applyOrderValue(order, 'delivered')]);
    expect((await figuresOf(customerId))?.categories[A]).toEqual({ '03': { orders: 2, amountTry: 51_000 } });

    const returns = await Promise.all(Array.from({ length: 5 }, () => applyOrderValue(order, 'returned')));
    expect(returns.filter((o) => o === 'applied')).toHaveLength(1);
    expect((await figuresOf(customerId))?.categories).toEqual({
      [A]: { '03': { orders: 1, amountTry: 1_000 } },
      [B]: { '03': { orders: 0, amountTry: 0 } },
    });
  });
});

describe('a segment by purchases', () => {
  it('finds who bought A (twice, for at least 300 TRY) and never B — the same through the index and per page', async () => {
    const [both, onlyA, onceA, onlyB, none] = await Promise.all(Array.from({ length: 5 }, newCustomer));
    await applyOrderValue(orderOf(both!.customerId, '02', [{ category: A, amountTry: 20_000 }]), 'delivered');
    await applyOrderValue(orderOf(both!.customerId, '04', [{ category: A, amountTry: 20_000 }]), 'delivered');
    await applyOrderValue(orderOf(both!.customerId, '05', [{ category: B, amountTry: 100 }]), 'delivered');
    await applyOrderValue(orderOf(onlyA!.customerId, '02', [{ category: A, amountTry: 10_000 }]), 'delivered');
    await applyOrderValue(orderOf(onlyA!.customerId, '06', [{ category: A, amountTry: 20_000 }]), 'delivered');
    await applyOrderValue(orderOf(onceA!.customerId, '03', [{ category: A, amountTry: 90_000 }]), 'delivered');
    await applyOrderValue(orderOf(onlyB!.customerId, '03', [{ category: B, amountTry: 90_000 }]), 'delivered');
    const mine = new Set([both, onlyA, onceA, onlyB, none].map((c) => c!.customerId));
    const period = { from: `${YEAR}-01`, to: `${YEAR}-12` };
    const filter: SegmentFilter = {
      purchases: [
        { kind: 'bought', category: A, ...period, minOrders: 2, minAmount: 30_000 },
        { kind: 'not-bought', category: B, ...period },
      ],
    };

    const members: string[] = [];
    for await (const id of segmentMembers(filter)) if (mine.has(id)) members.push(id);
    expect(members).toEqual([onlyA!.customerId]);

    // A campaign run's page reads only its customers' figures, and agrees.
    const items = [both, onlyA, onceA, onlyB, none].map((c) => c as Record<string, unknown>);
    expect((await matchingItems(filter, items)).map((i) => i.customerId)).toEqual([onlyA!.customerId]);
    const context = await purchaseContext(filter);
    expect((await matchingItems(filter, items, context)).map((i) => i.customerId)).toEqual([onlyA!.customerId]);

    // "Only A": the one who bought A and nothing else; "never B" alone: everyone but the B buyers.
    const only: SegmentFilter = { purchases: [{ kind: 'only', category: A, ...period }] };
    expect((await matchingItems(only, items)).map((i) => i.customerId).sort()).toEqual(
      [onlyA!.customerId, onceA!.customerId].sort(),
    );
    const neverB: SegmentFilter = { purchases: [{ kind: 'not-bought', category: B, ...period }] };
    expect((await matchingItems(neverB, items)).map((i) => i.customerId).sort()).toEqual(
      [onlyA!.customerId, onceA!.customerId, none!.customerId].sort(),
    );
    // Outside the period nobody bought anything.
    const later = { from: `${YEAR}-07`, to: `${YEAR}-12` };
    expect(await matchingItems({ purchases: [{ kind: 'bought', category: A, ...later }] }, items)).toEqual([]);
  });
});

describe('a segment of customers who buy less than before', () => {
  it('finds, in June, who spent at least 30 % less in March–May than in each quarter of the year before', async () => {
    const LAST = String(Number(YEAR) - 1);
    const [falling, exactly, justAbove, steady, newcomer] = await Promise.all([
      newCustomer(),
      newCustomer(),
      newCustomer(),
      newCustomer(),
      newCustomer(`${YEAR}-01-05T09:00:00.000Z`),
    ]);
    const buy = (customerId: string, month: string, amountTry: number, year = YEAR) =>
      applyOrderValue(orderOf(customerId, month, [{ category: A, amountTry }], year), 'delivered');
    // 10,000 TRY in each of the four quarters before March, then this quarter's spend.
    for (const [customer, now] of [
      [falling, 5_000],
      [exactly, 7_000],
      [justAbove, 7_001],
      [steady, 10_000],
    ] as const) {
      for (const month of ['03', '06', '09', '12']) await buy(customer.customerId, month, 10_000, LAST);
      await buy(customer.customerId, '04', now);
    }
    // A customer since January: no earlier quarter of theirs is whole, however little they buy now.
    await buy(newcomer.customerId, '01', 50_000);
    const mine = new Set([falling, exactly, justAbove, steady, newcomer].map((c) => c.customerId));
    const filter: SegmentFilter = { purchases: [{ kind: 'buys-less', category: A }] };

    setClock(new Date(`${YEAR}-06-10T09:00:00.000Z`));
    try {
      // What a coupon campaign or a letter run issues to: the purchasers index once, then the directory.
      const everyone: string[] = [];
      for await (const id of segmentMembers(filter)) everyone.push(id);
      expect(everyone.filter((id) => mine.has(id)).sort()).toEqual([falling.customerId, exactly.customerId].sort());
      // The count a marketer sees is the same pass (the other test's customer who bought A in February
      // only is in it too).
      const viewer: Viewer = { actor: { keyId: 'k', userId: 'marketer', role: 'admin', scopes: [] }, reach: 'all' };
      const preview = await previewSegment(filter, viewer);
      expect(preview.complete).toBe(true);
      expect(preview.count).toBe(everyone.length);
      // A campaign run's page reads only its own customers' figures, and agrees.
      const items = [falling, exactly, justAbove, steady, newcomer].map((c) => c as Record<string, unknown>);
      expect((await matchingItems(filter, items)).map((i) => i.customerId).sort()).toEqual(
        [falling.customerId, exactly.customerId].sort(),
      );
      // Counted by orders instead: one order now against one a quarter before is no fall.
      const orders: SegmentFilter = {
        purchases: [{ kind: 'buys-less', category: A, measure: 'orders', dropPercent: 1 }],
      };
      expect(await matchingItems(orders, items)).toEqual([]);
    } finally {
      setClock(undefined);
    }
    // By half-years in May, November–April (15,000) against May–October (20,000) is 25 % less: not 30.
    setClock(new Date(`${YEAR}-05-10T09:00:00.000Z`));
    try {
      const items = [falling].map((c) => c as Record<string, unknown>);
      expect(
        await matchingItems({ purchases: [{ kind: 'buys-less', category: A, periodMonths: 6, periods: 1 }] }, items),
      ).toEqual([]);
    } finally {
      setClock(undefined);
    }
  });
});
