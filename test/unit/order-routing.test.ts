import { describe, expect, it } from 'vitest';
import { ackDueAt, routedNote } from '../../functions/order-routing/domain/ack-deadline.js';
import { orderLifecycle } from '../../functions/order-routing/domain/lifecycle.js';
import {
  openByUnit,
  overdue,
  overdueColumns,
  profitability,
  profitColumns,
  type ReportOrder,
  revenue,
  revenueColumns,
} from '../../functions/order-routing/domain/reports.js';
import {
  isOpen,
  type OrderFacts,
  type RoutingRules,
  route,
  routingRulesSchema,
  rulesChangeSchema,
  unitIdsOf,
} from '../../functions/order-routing/domain/routing.js';
import { toCsv } from '../../shared/csv.js';
import { IllegalTransitionError } from '../../shared/lifecycle.js';
import { unit } from '../support/units.js';

const units = new Map(
  [
    unit('dealer-ankara', { cities: ['Ankara'], categories: ['forklift'] }),
    unit('dealer-izmir', { cities: ['İzmir'], regions: ['Ege'], categories: ['forklift'] }),
    unit('warehouse-gebze', { kind: 'warehouse', regions: ['Marmara'], capacity: 2 }),
    unit('dept-parts', {
      kind: 'department',
      categories: ['yedek parça'],
      hours: {
        days: {
          1: { from: '08:30', to: '18:00' },
          2: { from: '08:30', to: '18:00' },
          3: { from: '08:30', to: '18:00' },
          4: { from: '08:30', to: '18:00' },
          5: { from: '08:30', to: '18:00' },
        },
      },
    }),
    unit('dept-desk', { kind: 'department' }),
  ].map((u) => [u.unitId, u]),
);

const rules: RoutingRules = {
  rules: [
    { id: 'preferred', kind: 'preferred-dealer' },
    { id: 'parts', kind: 'category', categories: ['yedek parça'], unitIds: ['dept-parts'] },
    { id: 'ankara', kind: 'region', cities: ['Ankara'], unitIds: ['dealer-ankara'] },
    { id: 'marmara', kind: 'region', regions: ['Marmara'], unitIds: ['warehouse-gebze'] },
  ],
  fallbackUnitId: 'dept-desk',
  customerNotices: ['shipped', 'delivered'],
};

/** Wednesday 2026-03-04 10:00 in Istanbul (07:00 UTC): a working hour. */
const workday = new Date('2026-03-04T07:00:00Z');
/** Sunday 2026-03-08 10:00 in Istanbul. */
const sunday = new Date('2026-03-08T07:00:00Z');

const decide = (facts: OrderFacts, over: { now?: Date; open?: Record<string, number>; tried?: string[] } = {}) =>
  route(rules, facts, {
    units,
    openOrders: new Map(Object.entries(over.open ?? {})),
    now: over.now ?? workday,
    tried: over.tried,
  });

describe('order routing rules', () => {
  it('sends the order to the preferred dealer when it serves the category and the city', () => {
    const decision = decide({ city: 'İzmir', category: 'forklift', preferredDealerId: 'dealer-izmir' });
    expect(decision).toEqual({ unitId: 'dealer-izmir', ruleId: 'preferred', fallback: false, skipped: [] });
  });

  it('passes over a preferred dealer that does not serve the region or the category, and says why', () => {
    const outOfRegion = decide({ city: 'Ankara', category: 'forklift', preferredDealerId: 'dealer-izmir' });
    expect(outOfRegion.unitId).toBe('dealer-ankara');
    expect(outOfRegion.ruleId).toBe('ankara');
    expect(outOfRegion.skipped).toContainEqual({
      ruleId: 'preferred',
      unitId: 'dealer-izmir',
      reason: 'region-not-served',
    });
    const wrongCategory = decide({ city: 'İzmir', category: 'transpalet', preferredDealerId: 'dealer-izmir' });
    expect(wrongCategory.skipped[0]).toEqual({
      ruleId: 'preferred',
      unitId: 'dealer-izmir',
      reason: 'category-not-served',
    });
  });

  it('records a missing or unknown preferred dealer as skipped', () => {
    expect(decide({ city: 'Ankara' }).skipped[0]).toEqual({ ruleId: 'preferred', reason: 'no-preferred-dealer' });
    expect(decide({ city: 'Ankara', preferredDealerId: 'dealer-nowhere' }).skipped[0]).toEqual({
      ruleId: 'preferred',
      unitId: 'dealer-nowhere',
      reason: 'unknown-unit',
    });
    expect(decide({ city: 'Ankara', preferredDealerId: 'warehouse-gebze' }).skipped[0]?.reason).toBe('not-a-dealer');
  });

  it('routes by city or region, matching Turkish letters whatever their case', () => {
    expect(decide({ city: 'ANKARA' })).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'ankara' });
    expect(decide({ city: 'Kocaeli', region: 'marmara' })).toMatchObject({
      unitId: 'warehouse-gebze',
      ruleId: 'marmara',
    });
  });

  it('routes by product category to the fulfilment unit, ahead of the region rules that follow', () => {
    const decision = decide({ city: 'Ankara', category: 'yedek parça' });
    expect(decision).toMatchObject({ unitId: 'dept-parts', ruleId: 'parts', fallback: false });
  });

  it('passes over a unit outside its working hours', () => {
    const decision = decide({ city: 'Ankara', category: 'yedek parça' }, { now: sunday });
    expect(decision).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'ankara' });
    expect(decision.skipped).toContainEqual({ ruleId: 'parts', unitId: 'dept-parts', reason: 'closed' });
  });

  it('passes over a unit at its capacity, and takes it again below', () => {
    const full = decide({ region: 'Marmara' }, { open: { 'warehouse-gebze': 2 } });
    expect(full).toMatchObject({ unitId: 'dept-desk', ruleId: 'fallback', fallback: true });
    expect(full.skipped).toContainEqual({ ruleId: 'marmara', unitId: 'warehouse-gebze', reason: 'at-capacity' });
    expect(decide({ region: 'Marmara' }, { open: { 'warehouse-gebze': 1 } }).unitId).toBe('warehouse-gebze');
  });

  it('falls back to the fallback queue when no rule matches, listing the rules that did not', () => {
    const decision = decide({ city: 'Van' });
    expect(decision).toEqual({
      unitId: 'dept-desk',
      ruleId: 'fallback',
      fallback: true,
      skipped: [
        { ruleId: 'preferred', reason: 'no-preferred-dealer' },
        { ruleId: 'parts', reason: 'no-match' },
        { ruleId: 'ankara', reason: 'no-match' },
        { ruleId: 'marmara', reason: 'no-match' },
      ],
    });
  });

  it('on a re-route passes over the units tried, to the next eligible one or the fallback', () => {
    const twoUnits: RoutingRules = {
      ...rules,
      rules: [{ id: 'ankara', kind: 'region', cities: ['Ankara'], unitIds: ['dealer-ankara', 'warehouse-gebze'] }],
    };
    const context = { units, openOrders: new Map<string, number>(), now: workday };
    expect(route(twoUnits, { city: 'Ankara' }, { ...context, tried: ['dealer-ankara'] })).toMatchObject({
      unitId: 'warehouse-gebze',
      ruleId: 'ankara',
    });
    const none = route(twoUnits, { city: 'Ankara' }, { ...context, tried: ['dealer-ankara', 'warehouse-gebze'] });
    expect(none).toMatchObject({ unitId: 'dept-desk', fallback: true });
    expect(none.skipped.map((s) => s.reason)).toEqual(['already-tried', 'already-tried']);
  });

  it('reads working hours on the Istanbul clock, end exclusive', () => {
    const parts = units.get('dept-parts')!;
    expect(isOpen(parts, new Date('2026-03-04T05:30:00Z'))).toBe(true); // 08:30 Istanbul
    expect(isOpen(parts, new Date('2026-03-04T05:29:00Z'))).toBe(false);
    expect(isOpen(parts, new Date('2026-03-04T15:00:00Z'))).toBe(false); // 18:00 Istanbul
    expect(isOpen(units.get('dept-desk')!, sunday)).toBe(true);
    // Public holidays close it (1 May 2026 is a Friday); a half-day eve closes it at 13:00 (28 October).
    expect(isOpen(parts, new Date('2026-05-01T07:00:00Z'))).toBe(false);
    expect(isOpen(parts, new Date('2026-10-28T09:59:00Z'))).toBe(true); // 12:59 Istanbul
    expect(isOpen(parts, new Date('2026-10-28T10:00:00Z'))).toBe(false); // 13:00 Istanbul
  });

  it('validates rules: unique ids, a city or region on a region rule, units named', () => {
    const duplicate = rulesChangeSchema.safeParse({ ...rules, rules: [rules.rules[0], rules.rules[0]] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.path).toEqual(['rules']);
    const bare = routingRulesSchema.safeParse({
      ...rules,
      rules: [{ id: 'x', kind: 'region', unitIds: ['dealer-ankara'] }],
    });
    expect(bare.error?.issues[0]?.path).toEqual(['rules', 0, 'cities']);
    const parsed = routingRulesSchema.parse({ rules: [], fallbackUnitId: 'dept-desk' });
    expect(parsed.customerNotices).toEqual(['shipped', 'delivered']);
    expect(unitIdsOf(rules)).toEqual(['dept-parts', 'dealer-ankara', 'warehouse-gebze', 'dept-desk']);
  });
});

describe('order lifecycle', () => {
  it('walks received → routed → acknowledged → in progress → shipped → delivered → returned', () => {
    const path = ['route', 'acknowledge', 'start', 'ship', 'deliver', 'return'] as const;
    let status: ReturnType<typeof orderLifecycle.apply> = 'received';
    const seen = path.map((action) => {
      status = orderLifecycle.apply(status, action);
      return status;
    });
    expect(seen).toEqual(['routed', 'acknowledged', 'in_progress', 'shipped', 'delivered', 'returned']);
  });

  it('refuses an out-of-order move with a 409 that names the allowed ones', () => {
    expect(() => orderLifecycle.actionTo('routed', 'shipped')).toThrow(IllegalTransitionError);
    expect(() => orderLifecycle.actionTo('routed', 'shipped')).toThrow(
      /can become routed or acknowledged or cancelled/,
    );
    expect(() => orderLifecycle.actionTo('delivered', 'cancelled')).toThrow(
      expect.objectContaining({ status: 409, code: 'illegal-transition' }),
    );
    expect(orderLifecycle.actionTo('acknowledged', 'shipped')).toBe('ship');
  });

  it('lets staff cancel and not a unit', () => {
    expect(orderLifecycle.apply('routed', 'cancel', 'manager')).toBe('cancelled');
    expect(() => orderLifecycle.apply('routed', 'cancel', 'dealer')).toThrow(/is for/);
  });
});

describe('order reports', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  const order = (orderId: string, over: Partial<ReportOrder> = {}): ReportOrder => ({
    orderId,
    customerId: 'C1',
    status: 'routed',
    unitId: 'dealer-ankara',
    currency: 'TRY',
    totals: { grandTotal: { amount: 1000, currency: 'TRY' } },
    grandTotalTry: { amount: 1000, currency: 'TRY' },
    createdAt: '2026-03-10T08:00:00Z',
    ...over,
  });

  it('counts open orders by unit and age', () => {
    const rows = openByUnit(
      [
        order('a'),
        order('b', { createdAt: '2026-03-08T08:00:00Z' }),
        order('c', { createdAt: '2026-02-01T08:00:00Z' }),
        order('d', { unitId: undefined, status: 'received' }),
      ],
      now,
    );
    expect(rows).toEqual([
      {
        unitId: 'dealer-ankara',
        open: 3,
        oldestCreatedAt: '2026-02-01T08:00:00Z',
        under1d: 1,
        d1to3: 1,
        d3to7: 0,
        over7d: 1,
      },
      {
        unitId: 'unrouted',
        open: 1,
        oldestCreatedAt: '2026-03-10T08:00:00Z',
        under1d: 1,
        d1to3: 0,
        d3to7: 0,
        over7d: 0,
      },
    ]);
  });

  it('lists orders past their requested Istanbul day, the latest first', () => {
    const rows = overdue(
      [
        order('a', { requestedDate: '2026-03-10' }),
        order('b', { requestedDate: '2026-03-09' }),
        order('c', { requestedDate: '2026-03-01' }),
        order('d'),
      ],
      now,
    );
    expect(rows.map((r) => [r.orderId, r.daysLate])).toEqual([
      ['c', 9],
      ['b', 1],
    ]);
  });

  it('sums revenue by Istanbul period and currency with the TRY equivalent, without cancelled or returned orders', () => {
    const eur = { currency: 'EUR', totals: { grandTotal: { amount: 500, currency: 'EUR' } } };
    const rows = revenue(
      [
        order('a'),
        // 23:30 UTC on 31 March is 1 April in Istanbul.
        order('b', { createdAt: '2026-03-31T23:30:00Z' }),
        order('c', { ...eur, grandTotalTry: { amount: 20_000, currency: 'TRY' } }),
        order('d', { ...eur, grandTotalTry: undefined }),
        order('e', { status: 'cancelled' }),
        order('f', { status: 'returned' }),
      ],
      'month',
    );
    expect(rows).toEqual([
      { period: '2026-03', currency: 'EUR', orders: 2, total: 1000, totalTry: 20_000, withoutTry: 1 },
      { period: '2026-03', currency: 'TRY', orders: 1, total: 1000, totalTry: 1000, withoutTry: 0 },
      { period: '2026-04', currency: 'TRY', orders: 1, total: 1000, totalTry: 1000, withoutTry: 0 },
    ]);
    expect(revenue([order('a')], 'quarter')[0]?.period).toBe('2026-Q1');
  });

  it('writes CSV a spreadsheet reads as text: quoted fields, no formulas, amounts in units beside their currency', () => {
    const late = {
      orderId: '=HYPERLINK("x")',
      customerId: 'a, "b"',
      unitId: undefined,
      status: 'routed' as const,
      requestedDate: '2026-03-01',
      daysLate: -2,
      grandTotal: { amount: 123_456, currency: 'EUR' },
    };
    expect(toCsv(overdueColumns, [late])).toBe(
      '\uFEFForderId,customerId,unitId,status,requestedDate,daysLate,currency,amount\r\n' +
        '"\'=HYPERLINK(""x"")","a, ""b""",,routed,2026-03-01,-2,EUR,1234.56\r\n',
    );
    // Revenue: the total in the row's currency, the TRY equivalent beside its own currency column.
    const revenueRow = {
      period: '2026-03',
      currency: 'USD',
      orders: 2,
      total: 100_050,
      totalTry: 3_900_000,
      withoutTry: 0,
    };
    expect(toCsv(revenueColumns, [revenueRow]).split('\r\n')).toEqual([
      '\uFEFFperiod,currency,orders,total,totalTry,totalTryCurrency,withoutTry',
      '2026-03,USD,2,1000.50,39000.00,TRY,0',
      '',
    ]);
    // A loss is a negative number, not a formula: no apostrophe before it.
    const loss = {
      period: '2026-03',
      currency: 'TRY',
      orders: 1,
      net: 10_000,
      cost: 12_345,
      margin: -2_345,
      marginBp: -2345,
      withoutCost: 0,
    };
    expect(toCsv(profitColumns, [loss]).split('\r\n')[1]).toBe('2026-03,TRY,1,100.00,123.45,-23.45,-2345,0');
  });
});

describe('order profitability', () => {
  it('sums the quoted net, cost and margin by period, and counts orders without a cost apart', () => {
    const money = (amount: number) => ({ amount, currency: 'TRY' });
    const base = { customerId: 'C1', status: 'delivered' as const, currency: 'TRY', createdAt: '2026-03-10T08:00:00Z' };
    const rows = profitability(
      [
        {
          ...base,
          orderId: 'a',
          totals: { grandTotal: money(1200), netTotal: money(1000), costTotal: money(700), margin: money(300) },
        },
        {
          ...base,
          orderId: 'b',
          totals: { grandTotal: money(600), netTotal: money(500), costTotal: money(450), margin: money(50) },
        },
        { ...base, orderId: 'c', totals: { grandTotal: money(100) } },
        {
          ...base,
          orderId: 'd',
          status: 'cancelled',
          totals: { grandTotal: money(1), netTotal: money(1), costTotal: money(1), margin: money(0) },
        },
      ],
      'year',
    );
    expect(rows).toEqual([
      {
        period: '2026',
        currency: 'TRY',
        orders: 2,
        net: 1500,
        cost: 1150,
        margin: 350,
        marginBp: 2333,
        withoutCost: 1,
      },
    ]);
  });
});

describe('the acknowledgement deadline', () => {
  const weekdays = { from: '09:00', to: '18:00' };
  const dealer = unit('dealer-hours', {
    ackSlaMinutes: 60,
    hours: { days: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays } },
  });
  const at = (istanbul: string) => new Date(`${istanbul}:00+03:00`);

  it('counts the SLA in the unit’s working hours: 17:55 on a Friday is due on Monday at 09:55, not at 18:55', () => {
    // Friday 13 March 2026, five minutes before closing: five minutes on Friday, 55 on Monday.
    expect(ackDueAt(dealer, at('2026-03-13T17:55')).toISOString()).toBe(at('2026-03-16T09:55').toISOString());
    // Both sides of closing: an hour that fits before 18:00 stays on Friday.
    expect(ackDueAt(dealer, at('2026-03-13T16:59')).toISOString()).toBe(at('2026-03-13T17:59').toISOString());
    expect(ackDueAt(dealer, at('2026-03-13T17:00')).toISOString()).toBe(at('2026-03-13T18:00').toISOString());
    expect(ackDueAt(dealer, at('2026-03-13T17:01')).toISOString()).toBe(at('2026-03-16T09:01').toISOString());
    // Routed before opening: the hour starts at 09:00.
    expect(ackDueAt(dealer, at('2026-03-16T07:30')).toISOString()).toBe(at('2026-03-16T10:00').toISOString());
  });

  it('skips Turkish holidays and closes at 13:00 on their eves', () => {
    // Ramazan Bayramı 2026: the eve Thursday 19 March open until 13:00, 20–22 March closed.
    expect(ackDueAt(dealer, at('2026-03-19T12:30')).toISOString()).toBe(at('2026-03-23T09:30').toISOString());
    expect(ackDueAt(dealer, at('2026-03-19T11:59')).toISOString()).toBe(at('2026-03-19T12:59').toISOString());
    // 29 October (Republic Day, a Thursday in 2026) and its eve's afternoon are closed.
    expect(ackDueAt(dealer, at('2026-10-28T12:30')).toISOString()).toBe(at('2026-10-30T09:30').toISOString());
  });

  it('runs on the clock for a unit without working hours (always open), holidays included', () => {
    const desk = unit('desk-24h', { ackSlaMinutes: 60 });
    expect(ackDueAt(desk, at('2026-03-13T17:55')).toISOString()).toBe(at('2026-03-13T18:55').toISOString());
    expect(ackDueAt(desk, at('2026-03-20T10:00')).toISOString()).toBe(at('2026-03-20T11:00').toISOString());
  });

  it('says in the routing note when the acknowledgement is due, in Istanbul time', () => {
    expect(routedNote('service', 'dept-service', at('2026-03-16T09:55').toISOString())).toBe(
      'rule service → dept-service; acknowledgement due 2026-03-16T09:55+03:00',
    );
    expect(routedNote('fallback', 'dept-desk', undefined)).toBe('rule fallback → dept-desk');
  });
});
