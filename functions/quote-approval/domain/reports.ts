// Quote success per rep and period. A period holds the quotes SENT in it (a cohort), so its success
// rate is "of what we sent in March, how much was accepted", however late the answer came.
import { basisPoints, type Money, roundedDivide, sum } from '../../../shared/money.js';
import { istanbulDate } from '../../../shared/time.js';
import type { QuoteStatus } from './lifecycle.js';

/** One per quote, its latest version: a revised quote is one quote, not two. */
export interface QuoteSummary {
  owner: string;
  status: QuoteStatus;
  /** ISO UTC; set once the quote is sent. */
  sentAt?: string;
  /** ISO UTC; when the customer accepted or declined. */
  answeredAt?: string;
  currency: string;
  grandTotal: Money;
  grandTotalTry: Money;
  /** The weight of this quote's margin in the average; the revenue without VAT. */
  netTotalTry: Money;
  /** Net less cost in TRY kuruş; absent on report lines written before it was kept. */
  marginTry?: Money;
  discountBp: number;
  marginBp: number;
}

export type Period = 'month' | 'quarter' | 'year';

export interface RepPeriodReport {
  owner: string;
  /** "2025-03", "2025-Q1" or "2025", by the Istanbul date the quotes were sent. */
  period: string;
  sent: number;
  accepted: number;
  successRateBp: number;
  /** Per currency, sorted by code. */
  quoted: Money[];
  won: Money[];
  quotedTry: Money;
  wonTry: Money;
  /** Plain mean over the quotes: how much this rep gives away per quote. */
  averageDiscountBp: number;
  /** Weighted by net total in TRY, so one large quote weighs as much as it earns. */
  averageMarginBp: number;
  /** Mean time from sending to the customer's answer, over the answered quotes. */
  averageHoursToAnswer?: number;
}

const sentOrLater: ReadonlySet<QuoteStatus> = new Set(['sent', 'accepted', 'declined', 'expired']);
const HOUR_MS = 60 * 60 * 1000;

const periodOf = (sentAt: string, period: Period) => {
  const date = istanbulDate(new Date(sentAt));
  if (period === 'year') return date.slice(0, 4);
  if (period === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
};

const byCurrency = (amounts: readonly Money[]): Money[] =>
  [...new Set(amounts.map((m) => m.currency))].sort().map((currency) =>
    sum(
      amounts.filter((m) => m.currency === currency),
      currency,
    ),
  );

const totalTry = (amounts: readonly Money[]) => sum(amounts, 'TRY');
const total = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
/** Rounded like money; 0 when there is nothing to average over. */
const ratio = (numerator: bigint, denominator: bigint) =>
  denominator === 0n ? 0 : Number(roundedDivide(numerator, denominator));

const summarise = (owner: string, period: string, quotes: readonly QuoteSummary[]): RepPeriodReport => {
  const won = quotes.filter((q) => q.status === 'accepted');
  const answered = quotes.filter((q) => q.answeredAt !== undefined);
  const netTry = BigInt(totalTry(quotes.map((q) => q.netTotalTry)).amount);
  return {
    owner,
    period,
    sent: quotes.length,
    accepted: won.length,
    successRateBp: basisPoints(won.length, quotes.length),
    quoted: byCurrency(quotes.map((q) => q.grandTotal)),
    won: byCurrency(won.map((q) => q.grandTotal)),
    quotedTry: totalTry(quotes.map((q) => q.grandTotalTry)),
    wonTry: totalTry(won.map((q) => q.grandTotalTry)),
    averageDiscountBp: ratio(total(quotes.map((q) => BigInt(q.discountBp))), BigInt(quotes.length)),
    averageMarginBp: ratio(total(quotes.map((q) => BigInt(q.marginBp) * BigInt(q.netTotalTry.amount))), netTry),
    ...(answered.length > 0 && {
      averageHoursToAnswer: ratio(
        total(answered.map((q) => BigInt(Date.parse(q.answeredAt!) - Date.parse(q.sentAt!)))),
        BigInt(answered.length * HOUR_MS),
      ),
    }),
  };
};

export const quoteReport = (quotes: readonly QuoteSummary[], period: Period = 'month'): RepPeriodReport[] => {
  const groups = new Map<string, { owner: string; period: string; quotes: QuoteSummary[] }>();
  for (const quote of quotes) {
    if (quote.sentAt === undefined || !sentOrLater.has(quote.status)) continue;
    const when = periodOf(quote.sentAt, period);
    const key = `${quote.owner}\u0000${when}`;
    const group = groups.get(key) ?? { owner: quote.owner, period: when, quotes: [] };
    group.quotes.push(quote);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.period.localeCompare(b.period))
    .map((g) => summarise(g.owner, g.period, g.quotes));
};
