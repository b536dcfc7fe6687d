// Open orders by age at the bucket edges, and the order of the rows.
import { describe, expect, it } from 'vitest';
import {
  ageBuckets,
  openByUnit,
  overdue,
  periodOf,
  profitability,
  type ReportOrder,
} from '../../functions/order-routing/domain/reports.js';
import { DAY_MS } from '../../shared/time.js';

const now = new Date('2026-03-10T09:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const order = (orderId: string, over: Partial<ReportOrder> = {}): ReportOrder => ({
  orderId,
  customerId: 'C1',
  status: 'routed',
  unitId: 'dealer-ankara',
  currency: 'TRY',
  totals: { grandTotal: { amount: 1000, currency: 'TRY' } },
  createdAt: now.toISOString(),
  ...over,
});
const bucketOf = (ageMs: number) => {
  const [row] = openByUnit([order('a', { createdAt: ago(ageMs) })], now);
  return ageBuckets.filter((bucket) => row![bucket] === 1);
};

describe('open orders by age', () => {
  it.each([
    [0, 'under1d'],
    [DAY_MS - 1, 'under1d'],
    [DAY_MS, 'd1to3'],
    [3 * DAY_MS - 1, 'd1to3'],
    [3 * DAY_MS, 'd3to7'],
    [7 * DAY_MS - 1, 'd3to7'],
    [7 * DAY_MS, 'over7d'],
    [30 * DAY_MS, 'over7d'],
  ])('puts an order %i ms old in %s, exactly one bucket', (ageMs, bucket) => {
    expect(bucketOf(ageMs)).toEqual([bucket]);
  });

  it('orders units by how many orders they hold, then by id, and keeps the oldest order of each', () => {
    const rows = openByUnit(
      [
        order('a', { unitId: 'dealer-b', createdAt: ago(2 * DAY_MS) }),
        order('b', { unitId: 'dealer-c' }),
        order('c', { unitId: 'dealer-a' }),
        order('d', { unitId: 'dealer-b', createdAt: ago(8 * DAY_MS) }),
        order('e', { unitId: 'dealer-b', createdAt: ago(DAY_MS / 2) }),
      ],
      now,
    );
    expect(rows.map((r) => [r.unitId, r.open, r.oldestCreatedAt])).toEqual([
      ['dealer-b', 3, ago(8 * DAY_MS)],
      ['dealer-a', 1, now.toISOString()],
      ['dealer-c', 1, now.toISOString()],
    ]);
    expect(rows[0]).toMatchObject({ under1d: 1, d1to3: 1, d3to7: 0, over7d: 1 });
    expect(openByUnit([], now)).toEqual([]);
  });
});

describe('the follow-up list and the periods', () => {
  it('counts an order due yesterday in Istanbul as a day late, and one due today as not late', () => {
    // 22:30 UTC on 9 March is already 10 March in Istanbul.
    const lateEvening = new Date('2026-03-09T22:30:00.000Z');
    const rows = overdue(
      [order('a', { requestedDate: '2026-03-09' }), order('b', { requestedDate: '2026-03-10' })],
      lateEvening,
    );
    expect(rows).toEqual([
      {
        orderId: 'a',
        customerId: 'C1',
        unitId: 'dealer-ankara',
        status: 'routed',
        requestedDate: '2026-03-09',
        daysLate: 1,
        grandTotal: { amount: 1000, currency: 'TRY' },
      },
    ]);
  });

  it('puts equally late orders in order of their ids', () => {
    const rows = overdue(
      [order('b', { requestedDate: '2026-03-01' }), order('a', { requestedDate: '2026-03-01' })],
      now,
    );
    expect(rows.map((r) => r.orderId)).toEqual(['a', 'b']);
  });

  it('names each quarter and the year an Istanbul instant falls in', () => {
    expect(periodOf('2026-03-31T20:59:59Z', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-03-31T21:00:00Z', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-09-15T00:00:00Z', 'quarter')).toBe('2026-Q3');
    expect(periodOf('2026-12-31T21:00:00Z', 'year')).toBe('2027');
    expect(periodOf('2026-12-31T20:00:00Z', 'month')).toBe('2026-12');
  });

  it('keeps an order with a net but no cost out of the profit figures', () => {
    const money = (amount: number) => ({ amount, currency: 'TRY' });
    const quoted = { grandTotal: money(1200), netTotal: money(1000), costTotal: money(600), margin: money(400) };
    const rows = profitability(
      [
        order('a', { totals: quoted }),
        order('b', { totals: { grandTotal: money(1200), netTotal: money(1000) } }),
        order('c', { totals: { grandTotal: money(1200), netTotal: money(1000), costTotal: money(600) } }),
        order('d', { totals: quoted, status: 'cancelled' }),
      ],
      'month',
    );
    expect(rows).toEqual([
      {
        period: '2026-03',
        currency: 'TRY',
        orders: 1,
        net: 1000,
        cost: 600,
        margin: 400,
        marginBp: 4000,
        withoutCost: 2,
      },
    ]);
  });
});
