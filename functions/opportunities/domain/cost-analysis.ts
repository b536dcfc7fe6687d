// The opportunity's "sales project cost analysis": what its quotes sell for, what that costs and the
// margin left, read from the figures each quote already priced (never re-priced here). Alternatives
// and revisions are not added up as if all were sold: the total counts the accepted quotes once one
// is accepted, and until then the quotes still in play (not declined, rejected or expired).
import { basisPoints, type Money, sum } from '../../../shared/money.js';
import { marginTryOf } from '../../quote-approval/public.js';

/** What the analysis reads of a quote (the quote's own priced figures). */
export interface QuotedFigures {
  quoteId: string;
  status: string;
  version: number;
  currency: string;
  totals: { netTotal: Money; costTotal: Money; margin: Money; marginBp: number };
  netTotalTry: Money;
  /** TRY per unit of the quote's currency on its quote date. */
  rateToTry: string;
}

const outOfPlay = new Set(['declined', 'rejected', 'expired']);

export interface QuoteCost {
  quoteId: string;
  status: string;
  version: number;
  netTotal: Money;
  costTotal: Money;
  margin: Money;
  marginBp: number;
  netTotalTry: Money;
  costTotalTry: Money;
  marginTry: Money;
}

export interface CostAnalysis {
  quotes: QuoteCost[];
  /** Which quotes the total counts: the accepted ones, or (none accepted yet) those still in play. */
  basis: 'accepted' | 'in-play';
  total: { netTotalTry: Money; costTotalTry: Money; marginTry: Money; marginBp: number };
}

export const quoteCost = (q: QuotedFigures): QuoteCost => {
  // The quote's own rate of its quote date: cost and net are in TRY at the same rate.
  const { costTotalTry, marginTry } = marginTryOf(q);
  return {
    quoteId: q.quoteId,
    status: q.status,
    version: q.version,
    netTotal: q.totals.netTotal,
    costTotal: q.totals.costTotal,
    margin: q.totals.margin,
    marginBp: q.totals.marginBp,
    netTotalTry: q.netTotalTry,
    costTotalTry,
    marginTry,
  };
};

export const costAnalysis = (quoted: readonly QuotedFigures[]): CostAnalysis => {
  const quotes = quoted.map(quoteCost);
  const accepted = quotes.filter((q) => q.status === 'accepted');
  const basis = accepted.length > 0 ? 'accepted' : 'in-play';
  const counted = basis === 'accepted' ? accepted : quotes.filter((q) => !outOfPlay.has(q.status));
  const netTotalTry = sum(
    counted.map((q) => q.netTotalTry),
    'TRY',
  );
  const marginTry = sum(
    counted.map((q) => q.marginTry),
    'TRY',
  );
  return {
    quotes,
    basis,
    total: {
      netTotalTry,
      costTotalTry: sum(
        counted.map((q) => q.costTotalTry),
        'TRY',
      ),
      marginTry,
      marginBp: basisPoints(marginTry.amount, netTotalTry.amount),
    },
  };
};
