import { describe, expect, it } from 'vitest';
import { type QuoteSummary, quoteReport } from '../../functions/quote-approval/domain/reports.js';
import { money } from '../../shared/money.js';

const tl = (amount: number) => money(amount, 'TRY');
const quote = (q: Partial<QuoteSummary> & Pick<QuoteSummary, 'owner' | 'status'>): QuoteSummary => ({
  currency: 'TRY',
  grandTotal: tl(120_000),
  grandTotalTry: tl(120_000),
  netTotalTry: tl(100_000),
  discountBp: 0,
  marginBp: 2000,
  ...q,
});

const quotes: QuoteSummary[] = [
  quote({
    owner: 'ayse',
    status: 'accepted',
    sentAt: '2025-03-03T09:00:00Z',
    answeredAt: '2025-03-05T09:00:00Z',
    grandTotal: tl(1_200_000),
    grandTotalTry: tl(1_200_000),
    netTotalTry: tl(1_000_000),
    discountBp: 1000,
    marginBp: 2000,
  }),
  quote({
    owner: 'ayse',
    status: 'declined',
    sentAt: '2025-03-10T09:00:00Z',
    answeredAt: '2025-03-11T09:00:00Z',
    currency: 'EUR',
    grandTotal: money(240_000, 'EUR'),
    grandTotalTry: tl(9_500_000),
    netTotalTry: tl(7_916_667),
    discountBp: 500,
    marginBp: 3000,
  }),
  quote({
    owner: 'ayse',
    status: 'expired',
    sentAt: '2025-03-20T09:00:00Z',
    currency: 'EUR',
    grandTotal: money(100_000, 'EUR'),
    grandTotalTry: tl(3_960_000),
    netTotalTry: tl(3_300_000),
    discountBp: 2000,
    marginBp: 1000,
  }),
  // 22:30 UTC on March 31st is April 1st in Istanbul.
  quote({ owner: 'ayse', status: 'sent', sentAt: '2025-03-31T22:30:00Z' }),
  // Never sent: in no report.
  quote({ owner: 'ayse', status: 'draft' }),
  quote({ owner: 'ayse', status: 'pending_approval' }),
  quote({ owner: 'ayse', status: 'expired' }),
  quote({
    owner: 'mehmet',
    status: 'accepted',
    sentAt: '2025-03-15T09:00:00Z',
    answeredAt: '2025-03-15T10:29:00Z',
    currency: 'USD',
    grandTotal: money(50_000, 'USD'),
    grandTotalTry: tl(1_825_000),
    netTotalTry: tl(1_520_833),
    discountBp: 1500,
    marginBp: -500,
  }),
];

describe('quote reports', () => {
  it('reports per rep and month: success, value per currency and in TRY, averages', () => {
    const report = quoteReport(quotes);
    expect(report.map((r) => [r.owner, r.period])).toEqual([
      ['ayse', '2025-03'],
      ['ayse', '2025-04'],
      ['mehmet', '2025-03'],
    ]);
    expect(report[0]).toEqual({
      owner: 'ayse',
      period: '2025-03',
      sent: 3,
      accepted: 1,
      successRateBp: 3333,
      quoted: [money(340_000, 'EUR'), tl(1_200_000)],
      won: [tl(1_200_000)],
      quotedTry: tl(14_660_000),
      wonTry: tl(1_200_000),
      averageDiscountBp: 1167, // (10% + 5% + 20%) / 3
      // (2000 × 1 000 000 + 3000 × 7 916 667 + 1000 × 3 300 000) / 12 216 667 = 2377.9…
      averageMarginBp: 2378,
      averageHoursToAnswer: 36,
    });
    expect(report[1]).toEqual({
      owner: 'ayse',
      period: '2025-04',
      sent: 1,
      accepted: 0,
      successRateBp: 0,
      quoted: [tl(120_000)],
      won: [],
      quotedTry: tl(120_000),
      wonTry: tl(0),
      averageDiscountBp: 0,
      averageMarginBp: 2000,
    });
    expect(report[2]).toMatchObject({
      successRateBp: 10_000,
      won: [money(50_000, 'USD')],
      averageMarginBp: -500,
      averageHoursToAnswer: 1,
    });
  });

  it('groups by quarter or year on request', () => {
    expect(quoteReport(quotes, 'quarter').map((r) => [r.owner, r.period, r.sent])).toEqual([
      ['ayse', '2025-Q1', 3],
      ['ayse', '2025-Q2', 1],
      ['mehmet', '2025-Q1', 1],
    ]);
    expect(quoteReport(quotes, 'year').map((r) => [r.owner, r.period, r.sent, r.accepted])).toEqual([
      ['ayse', '2025', 4, 1],
      ['mehmet', '2025', 1, 1],
    ]);
  });

  it('weighs margin by net, so a big quote outweighs a small one', () => {
    const [row] = quoteReport([
      quote({ owner: 'x', status: 'sent', sentAt: '2025-01-10T09:00:00Z', netTotalTry: tl(9_000_000), marginBp: 1000 }),
      quote({ owner: 'x', status: 'sent', sentAt: '2025-01-11T09:00:00Z', netTotalTry: tl(1_000_000), marginBp: 5000 }),
    ]);
    expect(row).toMatchObject({ averageMarginBp: 1400, averageDiscountBp: 0 });
    expect(quoteReport([])).toEqual([]);
  });

  it('sorts rows by rep then period whatever order the quotes come in', () => {
    const report = quoteReport([
      quote({ owner: 'zeynep', status: 'sent', sentAt: '2025-02-10T09:00:00Z' }),
      quote({ owner: 'ali', status: 'sent', sentAt: '2025-03-10T09:00:00Z' }),
      quote({ owner: 'ali', status: 'sent', sentAt: '2025-01-10T09:00:00Z' }),
    ]);
    expect(report.map((r) => [r.owner, r.period])).toEqual([
      ['ali', '2025-01'],
      ['ali', '2025-03'],
      ['zeynep', '2025-02'],
    ]);
  });

  it('averages the margin to 0 when the quotes have no net revenue to weigh it by', () => {
    const [row] = quoteReport([
      quote({ owner: 'x', status: 'sent', sentAt: '2025-01-10T09:00:00Z', netTotalTry: tl(0), marginBp: 1500 }),
    ]);
    expect(row).toMatchObject({ sent: 1, averageMarginBp: 0, averageDiscountBp: 0 });
  });
});
