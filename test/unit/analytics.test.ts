// Analytics rules as plain functions: the yearly figures an order changes, the A/B/C boundaries,
// the target lists at their date boundaries, and performance with commission.
import { describe, expect, it } from 'vitest';
import { commissionRulesBody } from '../../functions/analytics/api-schemas.js';
import {
  applyOrder,
  byCustomer,
  last12Months,
  type OrderValue,
  revenueBetween,
  type YearFigures,
  yearToDate,
} from '../../functions/analytics/domain/customer-value.js';
import { decliningCustomers, lapsedCustomers, topCustomers } from '../../functions/analytics/domain/lists.js';
import { defaultCommissionRules, performance } from '../../functions/analytics/domain/performance.js';
import { segmentsOf } from '../../functions/analytics/domain/segments.js';
import { analytics } from '../../functions/analytics/manifest.js';
import { fieldColumns, toCsv } from '../../shared/csv.js';
import { openApiDocument } from '../../shared/openapi.js';
import { parseInBoth } from '../../shared/schema.js';

const order = (
  customerId: string,
  orderDate: string,
  amountTry: number,
  over: Partial<OrderValue> = {},
): OrderValue => ({
  orderId: `${customerId}-${orderDate}-${amountTry}`,
  customerId,
  orderDate,
  currency: 'TRY',
  amount: amountTry,
  amountTry,
  ...over,
});

/** A customer's year figures from their delivered orders. */
const figures = (...orders: OrderValue[]): YearFigures[] => {
  const years = new Map<string, YearFigures>();
  for (const o of orders)
    years.set(
      `${o.customerId}|${o.orderDate.slice(0, 4)}`,
      applyOrder(years.get(`${o.customerId}|${o.orderDate.slice(0, 4)}`), o, 'delivered'),
    );
  return [...years.values()];
};

describe('yearly figures', () => {
  it('adds a delivery in TRY and in its currency, keeps first and last order, and a return takes it off', () => {
    const eur = order('c1', '2026-03-10', 4_000_000, { currency: 'EUR', amount: 100_000 });
    const first = applyOrder(undefined, eur, 'delivered');
    const second = applyOrder(first, order('c1', '2026-01-05', 1_000), 'delivered');
    expect(second).toMatchObject({
      year: '2026',
      revenueTry: 4_001_000,
      byCurrency: { EUR: 100_000, TRY: 1_000 },
      orders: 2,
      firstOrderDate: '2026-01-05',
      lastOrderDate: '2026-03-10',
      seq: 2,
    });
    const returned = applyOrder(second, eur, 'returned');
    expect(returned).toMatchObject({
      revenueTry: 1_000,
      byCurrency: { EUR: 0, TRY: 1_000 },
      orders: 1,
      returns: 1,
      days: { '03-10': 0, '01-05': 1_000 },
    });
    // The dates stay: a return does not unmake the order having been placed.
    expect(returned.lastOrderDate).toBe('2026-03-10');
  });

  it('counts an order without a TRY figure apart', () => {
    const noRate = applyOrder(
      undefined,
      order('c1', '2026-03-10', 0, { currency: 'JPY', amount: 5_000, amountTry: undefined }),
      'delivered',
    );
    expect(noRate).toMatchObject({ revenueTry: 0, withoutTry: 1, byCurrency: { JPY: 5_000 } });
  });

  it('the last 12 months start the day after the same date a year ago; 29 February falls back to the 28th', () => {
    expect(last12Months('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(yearToDate('2028-02-29')).toEqual({
      thisYear: { from: '2028-01-01', to: '2028-02-29' },
      lastYear: { from: '2027-01-01', to: '2027-02-28' },
    });
    const years = figures(order('c1', '2025-11-30', 7), order('c1', '2025-12-01', 11), order('c1', '2026-11-30', 13));
    expect(revenueBetween(years, '2025-12-01', '2026-11-30')).toBe(24);
  });
});

describe('A/B/C segments', () => {
  it('A makes the top 80 %, B the next 15 %, C the rest; the customer crossing a line is still in its segment', () => {
    const s = segmentsOf([
      { customerId: 'a', revenueTry: 50 },
      { customerId: 'b', revenueTry: 30 },
      { customerId: 'c', revenueTry: 15 },
      { customerId: 'd', revenueTry: 4 },
      { customerId: 'e', revenueTry: 1 },
    ]);
    expect(Object.fromEntries(s)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', e: 'C' });
  });

  it('gives customers tied at a boundary the same segment', () => {
    // 90 makes the A share alone; the two 5s straddle the B line (95 %) and are both B.
    const s = segmentsOf([
      { customerId: 'top', revenueTry: 90 },
      { customerId: 'x', revenueTry: 5 },
      { customerId: 'y', revenueTry: 5 },
    ]);
    expect(Object.fromEntries(s)).toEqual({ top: 'A', x: 'B', y: 'B' });
    // Exactly on the A line: the customers above make 80 % already, so the next is B, not A.
    expect(
      segmentsOf([
        { customerId: 'p', revenueTry: 80 },
        { customerId: 'q', revenueTry: 20 },
      ]).get('q'),
    ).toBe('B');
  });

  it('no orders make C; a single customer is A; everyone equal is A', () => {
    expect(
      Object.fromEntries(
        segmentsOf([
          { customerId: 'z', revenueTry: 0 },
          { customerId: 'n', revenueTry: -5 },
        ]),
      ),
    ).toEqual({ z: 'C', n: 'C' });
    expect(segmentsOf([])).toEqual(new Map());
    expect(segmentsOf([{ customerId: 'solo', revenueTry: 1 }]).get('solo')).toBe('A');
    const equal = segmentsOf(['a', 'b', 'c', 'd'].map((customerId) => ({ customerId, revenueTry: 25 })));
    expect([...equal.values()]).toEqual(['A', 'A', 'A', 'A']);
  });

  it('takes other shares when configured', () => {
    const s = segmentsOf(
      [
        { customerId: 'a', revenueTry: 50 },
        { customerId: 'b', revenueTry: 30 },
        { customerId: 'c', revenueTry: 20 },
      ],
      { aShareBp: 5000, bShareBp: 3000 },
    );
    expect(Object.fromEntries(s)).toEqual({ a: 'A', b: 'B', c: 'C' });
  });
});

describe('target lists', () => {
  it('top 5 %: the first ⌈5 % of buyers⌉, with whoever ties with the last', () => {
    const buyers = figures(
      ...Array.from({ length: 40 }, (_, i) => order(`c${String(i).padStart(2, '0')}`, '2025-06-01', 1_000 + i)),
    );
    expect(topCustomers(buyers).map((r) => r.customerId)).toEqual(['c39', 'c38']);
    const tied = figures(
      order('a', '2025-01-01', 9),
      order('b', '2025-01-01', 9),
      order('c', '2025-01-01', 1),
      order('d', '2025-01-01', 0),
    );
    expect(topCustomers(tied).map((r) => [r.customerId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(topCustomers([])).toEqual([]);
  });

  it('lapsed: a last order exactly 12 months ago is listed, a day later is not', () => {
    const customers = byCustomer(
      figures(order('exact', '2025-11-30', 5), order('later', '2025-12-01', 5), order('old', '2024-02-29', 5)),
    );
    expect(lapsedCustomers(customers, '2026-11-30')).toEqual([
      { customerId: 'old', lastOrderDate: '2024-02-29', monthsSince: 33 },
      { customerId: 'exact', lastOrderDate: '2025-11-30', monthsSince: 12 },
    ]);
  });

  it('lapsed: a customer whose every order was returned has no last order to lapse from', () => {
    const [only] = figures(order('r', '2024-01-10', 5));
    const returned = applyOrder(only, order('r', '2024-01-10', 5), 'returned');
    expect(lapsedCustomers(byCustomer([returned]), '2026-11-30')).toEqual([]);
  });

  it('declining: this year to date against last year through the same day, that day included', () => {
    const customers = byCustomer(
      figures(
        order('down', '2025-11-30', 100), // the same day last year counts
        order('down', '2026-01-02', 99),
        order('flat', '2025-03-01', 50),
        order('flat', '2026-03-01', 50),
        order('after', '2025-12-01', 500), // after the same day last year: not in the comparison
      ),
    );
    expect(decliningCustomers(customers, '2026-11-30')).toEqual([
      { customerId: 'down', thisYearTry: 99, lastYearTry: 100, changeTry: -1 },
    ]);
  });
});

describe('sales performance', () => {
  // Realistic quotes: the grand total carries 20 % KDV over the net, and the margin is the quote's
  // own amount in kuruş (rep-b's 111,111 of 333,333 is 33.33 % rounded; 33.33 % of the net is 111,100).
  const quote = (
    owner: string,
    status: 'accepted' | 'sent',
    netTry: number,
    marginTry: number | undefined,
    marginBp: number,
    teamId = 'team-1',
  ) => ({
    owner,
    teamId,
    status,
    sentAt: '2026-03-02T09:00:00.000Z',
    ...(status === 'accepted' ? { answeredAt: '2026-03-03T09:00:00.000Z' } : {}),
    currency: 'TRY',
    grandTotal: { amount: Math.round(netTry * 1.2), currency: 'TRY' },
    grandTotalTry: { amount: Math.round(netTry * 1.2), currency: 'TRY' },
    netTotalTry: { amount: netTry, currency: 'TRY' },
    ...(marginTry === undefined ? {} : { marginTry: { amount: marginTry, currency: 'TRY' } }),
    discountBp: 0,
    marginBp,
  });
  const leads = [
    { ownerId: 'rep-a', teamId: 'team-1', status: 'new' as const, createdAt: '2026-03-01T09:00:00.000Z' },
    {
      ownerId: 'rep-a',
      teamId: 'team-1',
      status: 'converted' as const,
      createdAt: '2026-03-01T09:00:00.000Z',
      firstResponseAt: '2026-03-01T09:30:00.000Z',
    },
    {
      ownerId: 'rep-b',
      teamId: 'team-1',
      status: 'contacted' as const,
      createdAt: '2026-03-01T09:00:00.000Z',
      firstResponseAt: '2026-03-01T11:00:00.000Z',
    },
  ];
  const quotes = [
    quote('rep-a', 'accepted', 1_000_000, 250_000, 2500),
    quote('rep-a', 'sent', 500_000, 50_000, 1000),
    quote('rep-b', 'accepted', 333_333, 111_111, 3333),
  ];

  it('pays commission on the won net revenue (without KDV) by default, by rep, with a rep-specific rate', () => {
    const rows = performance('rep', leads, quotes, { basis: 'net', defaultRateBp: 200, repRatesBp: { 'rep-b': 1000 } });
    expect(rows).toEqual([
      {
        group: 'rep-a',
        leadsReceived: 2,
        contacted: 1,
        converted: 1,
        firstResponse: { measured: 1, medianMinutes: 30, meanMinutes: 30 },
        quotesSent: 2,
        quotesWon: 1,
        wonTry: 1_200_000,
        wonNetTry: 1_000_000,
        marginWonTry: 250_000,
        marginWonBp: 2500,
        withoutMargin: 0,
        commissionBasis: 'net',
        // 2 % of the net 1,000,000, not of the KDV-inclusive 1,200,000 (24,000).
        commissionTry: 20_000,
      },
      {
        group: 'rep-b',
        leadsReceived: 1,
        contacted: 1,
        converted: 0,
        firstResponse: { measured: 1, medianMinutes: 120, meanMinutes: 120 },
        quotesSent: 1,
        quotesWon: 1,
        wonTry: 400_000,
        wonNetTry: 333_333,
        // The quote's margin amount, not 33.33 % of its net (111,100).
        marginWonTry: 111_111,
        marginWonBp: 3333,
        withoutMargin: 0,
        commissionBasis: 'net',
        commissionTry: 33_333,
      },
    ]);
  });

  it('on margin by team sums the reps of the team, from the margin amounts', () => {
    const [team] = performance('team', leads, quotes, { basis: 'margin', defaultRateBp: 1000, repRatesBp: {} });
    expect(team).toMatchObject({
      group: 'team-1',
      leadsReceived: 3,
      quotesWon: 2,
      wonTry: 1_600_000,
      wonNetTry: 1_333_333,
      marginWonTry: 361_111,
      // 361,111 / 1,333,333 = 27.0833 %: rounded once, on the sums.
      marginWonBp: 2708,
      commissionBasis: 'margin',
      commissionTry: 36_111,
    });
  });

  it('rounds commission once, on the row: two half-kuruş commissions make one kuruş, not two', () => {
    const small = [quote('rep-a', 'accepted', 25, 5, 2000), quote('rep-a', 'accepted', 25, 5, 2000)];
    const [row] = performance('rep', [], small, { basis: 'net', defaultRateBp: 200, repRatesBp: {} });
    expect(row).toMatchObject({ wonNetTry: 50, commissionTry: 1 });
    const [one] = performance('rep', [], small.slice(0, 1), { basis: 'net', defaultRateBp: 200, repRatesBp: {} });
    expect(one?.commissionTry).toBe(1);
  });

  it('leaves a won quote whose report line keeps no margin amount out of the margin figures, and counts it', () => {
    const legacy = [
      quote('rep-a', 'accepted', 1_000_000, 250_000, 2500),
      quote('rep-a', 'accepted', 100_000, undefined, 4000),
    ];
    const [row] = performance('rep', [], legacy, { basis: 'margin', defaultRateBp: 1000, repRatesBp: {} });
    expect(row).toMatchObject({
      wonNetTry: 1_100_000,
      marginWonTry: 250_000,
      marginWonBp: 2500,
      withoutMargin: 1,
      commissionTry: 25_000,
    });
    const [net] = performance('rep', [], legacy, { basis: 'net', defaultRateBp: 1000, repRatesBp: {} });
    expect(net).toMatchObject({ withoutMargin: 1, commissionTry: 110_000 });
  });
  it('groups leads without an owner as unassigned and reps without a team as no-team, biggest won net first', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const some = [
      { status: 'new' as const, createdAt: at },
      // 90 seconds to the first response: 2 minutes, rounded.
      { ownerId: 'rep-c', status: 'disqualified' as const, createdAt: at, firstResponseAt: '2026-03-01T09:01:30.000Z' },
      { ownerId: 'rep-d', status: 'qualified' as const, createdAt: at },
      // rep-e's team is known from one lead only: a lead without a team does not undo it.
      { ownerId: 'rep-e', teamId: 'team-3', status: 'new' as const, createdAt: at },
      { ownerId: 'rep-e', status: 'new' as const, createdAt: at },
    ];
    // rep-d's team is known from a quote only; an accepted quote never sent counts nowhere.
    const unsent = { ...quote('rep-c', 'accepted', 7_000, 700, 1000), sentAt: undefined, teamId: undefined };
    const theirs = [quote('rep-d', 'accepted', 1_000, 100, 1000, 'team-2'), unsent];
    const rules = { basis: 'margin' as const, defaultRateBp: 1000, repRatesBp: { 'rep-d': 500 } };
    expect(
      performance('rep', some, theirs, rules).map((r) => [r.group, r.leadsReceived, r.contacted, r.wonNetTry]),
    ).toEqual([
      ['rep-d', 1, 1, 1_000],
      ['rep-c', 1, 1, 0],
      ['rep-e', 2, 0, 0],
      ['unassigned', 1, 0, 0],
    ]);
    const [repD, repC] = performance('rep', some, theirs, rules);
    // rep-d's own 5 % of the 100 margin; rep-c's unsent quote pays nothing.
    expect(repD).toMatchObject({ commissionTry: 5, quotesWon: 1, marginWonBp: 1000, withoutMargin: 0 });
    expect(repC).toMatchObject({
      commissionTry: 0,
      quotesSent: 0,
      quotesWon: 0,
      wonTry: 0,
      marginWonTry: 0,
      marginWonBp: 0,
      firstResponse: { measured: 1, medianMinutes: 2, meanMinutes: 2 },
    });
    expect(performance('team', some, theirs, rules).map((r) => [r.group, r.leadsReceived])).toEqual([
      ['team-2', 1],
      ['no-team', 2],
      ['team-3', 2],
    ]);
    // No lead of the unassigned row was answered yet: nothing measured.
    expect(performance('rep', some, theirs, rules).at(-1)?.firstResponse).toEqual({ measured: 0 });
    expect(performance('rep', [], [], rules)).toEqual([]);
  });

  it('gives the median and the mean first response over the rep’s measured leads', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const answeredIn = (minutes: number) => ({
      ownerId: 'rep-a',
      status: 'contacted' as const,
      createdAt: at,
      firstResponseAt: new Date(Date.parse(at) + minutes * 60_000).toISOString(),
    });
    const rules = defaultCommissionRules;
    const [odd] = performance('rep', [answeredIn(100), answeredIn(5), answeredIn(1)], [], rules);
    expect(odd?.firstResponse).toEqual({ measured: 3, medianMinutes: 5, meanMinutes: 35 });
    // An even count gives the lower of the two middle values: whole minutes, never a half.
    const [even] = performance(
      'rep',
      [
        answeredIn(40),
        answeredIn(10),
        answeredIn(30),
        answeredIn(20),
        { ...answeredIn(0), firstResponseAt: undefined },
      ],
      [],
      rules,
    );
    expect(even?.firstResponse).toEqual({ measured: 4, medianMinutes: 20, meanMinutes: 25 });
    expect(even?.leadsReceived).toBe(5);
  });
});

describe('the commission rules', () => {
  it('default to the net basis, take net or margin, and refuse anything else in both languages', () => {
    const parse = (body: unknown) => parseInBoth(commissionRulesBody, body);
    expect(parse({ defaultRateBp: 200, seq: 0 })).toMatchObject({ success: true, data: { basis: 'net' } });
    expect(parse({ basis: 'net', defaultRateBp: 200, seq: 0 })).toMatchObject({
      success: true,
      data: { basis: 'net' },
    });
    expect(parse({ basis: 'margin', defaultRateBp: 200, seq: 0 })).toMatchObject({
      success: true,
      data: { basis: 'margin' },
    });
    for (const basis of ['revenue', 'gross', 'NET', '']) {
      expect(parse({ basis, defaultRateBp: 200, seq: 0 })).toMatchObject({
        success: false,
        issues: [{ path: ['basis'], text: { en: 'Write net or margin.', tr: 'net veya margin yazın.' } }],
      });
    }
    expect(defaultCommissionRules.basis).toBe('net');
  });
});

describe('the lists as CSV', () => {
  it('quote a cell with a line break, a comma or quotes, and neutralise formula cells', () => {
    const rows = [{ customerId: 'c1', name: 'Çok\nsatırlı, "ad"', company: '+90 Ltd' }];
    expect(toCsv(fieldColumns<(typeof rows)[number]>(['customerId', 'name', 'company']), rows)).toBe(
      `\uFEFFcustomerId,name,company\r\nc1,"Çok\nsatırlı, ""ad""",'+90 Ltd\r\n`,
    );
  });
});

describe('the lists in the API document', () => {
  it('declare their CSV answer beside the JSON one', () => {
    const doc = openApiDocument([analytics], { title: 't', version: '1', serverUrl: 'http://localhost' });
    const content = (
      doc.paths['/analytics/lists/top-customers']!.get as {
        responses: Record<string, { content: Record<string, unknown> }>;
      }
    ).responses['200']!.content;
    expect(Object.keys(content)).toEqual(['application/json', 'text/csv']);
    const dashboard = (
      doc.paths['/analytics/dashboard']!.get as { responses: Record<string, { content: Record<string, unknown> }> }
    ).responses['200']!.content;
    expect(Object.keys(dashboard)).toEqual(['application/json']);
  });
});
