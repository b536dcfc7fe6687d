// Sales-team performance over a period, by rep or by team: leads received, contacted (left `new`),
// converted, first-response time to new leads; quotes sent and won and the revenue won (from the
// quote report of quote-approval); commission per rep from the admin's rates on the won net revenue
// (without KDV: the tax is the state's, not the firm's) or on the won quotes' margin. A team's row
// sums its reps'. Margins are the quotes' own amounts in kuruş, summed exactly; every rounding
// (commission, margin percentage) happens once, on the row's sums.
import { basisPoints, roundedDivide } from '../../../shared/money.js';
import type { LeadStatus } from '../../lead-capture/public.js';
import { type QuoteSummary, quoteReport } from '../../quote-approval/public.js';

/** What commission is paid on: the won quotes' net revenue (without KDV), or their margin. */
export const commissionBases = ['net', 'margin'] as const;
export type CommissionBasis = (typeof commissionBases)[number];

export interface CommissionRules {
  basis: CommissionBasis;
  /** Basis points of the basis for reps without their own rate. */
  defaultRateBp: number;
  /** Per rep (user id), basis points. */
  repRatesBp: Record<string, number>;
}

export const defaultCommissionRules: CommissionRules = { basis: 'net', defaultRateBp: 200, repRatesBp: {} };

export interface LeadFacts {
  ownerId?: string;
  teamId?: string;
  status: LeadStatus;
  createdAt: string;
  /** When it first left `new`, from its history. */
  firstResponseAt?: string;
}

export type ReportedQuote = QuoteSummary & { teamId?: string };

export interface PerformanceRow {
  /** The rep's user id or the team id; `unassigned` for leads without an owner, `no-team` for reps without one. */
  group: string;
  leadsReceived: number;
  contacted: number;
  converted: number;
  firstResponse: { measured: number; medianMinutes?: number; meanMinutes?: number };
  quotesSent: number;
  quotesWon: number;
  /** TRY minor units: the won quotes' grand total, KDV included (what the customer pays). */
  wonTry: number;
  /** TRY minor units: the won quotes' net revenue, without KDV. */
  wonNetTry: number;
  /** TRY minor units: the won quotes' margin (net less cost), over those whose margin is known. */
  marginWonTry: number;
  /** The margin over the net revenue of the same quotes, rounded once. */
  marginWonBp: number;
  /** Won quotes whose report line keeps no margin amount: in no margin figure (nor commission on margin). */
  withoutMargin: number;
  /** What the commission was computed on, the rules' basis. */
  commissionBasis: CommissionBasis;
  commissionTry: number;
}

const MINUTE_MS = 60_000;

interface Tally {
  minutes: number[];
  /** The net of the won quotes whose margin is known, the weight of `marginWonBp`. */
  marginNet: number;
  /** Σ basis × rate in kuruş × basis points, divided (rounded) once at the end. */
  commissionBpSum: bigint;
}

const blank = (group: string, basis: CommissionBasis): PerformanceRow & Tally => ({
  group,
  leadsReceived: 0,
  contacted: 0,
  converted: 0,
  firstResponse: { measured: 0 },
  quotesSent: 0,
  quotesWon: 0,
  wonTry: 0,
  wonNetTry: 0,
  marginWonTry: 0,
  marginWonBp: 0,
  withoutMargin: 0,
  commissionBasis: basis,
  commissionTry: 0,
  minutes: [],
  marginNet: 0,
  commissionBpSum: 0n,
});

export const performance = (
  by: 'rep' | 'team',
  leads: readonly LeadFacts[],
  quotes: readonly ReportedQuote[],
  rules: CommissionRules,
): PerformanceRow[] => {
  const teamOf = new Map<string, string>();
  for (const record of [
    ...leads.map((l) => ({ owner: l.ownerId, teamId: l.teamId })),
    ...quotes.map((q) => ({ owner: q.owner, teamId: q.teamId })),
  ]) {
    if (record.owner && record.teamId) teamOf.set(record.owner, record.teamId);
  }
  const rows = new Map<string, ReturnType<typeof blank>>();
  const rowOf = (rep: string | undefined) => {
    const group = by === 'rep' ? (rep ?? 'unassigned') : ((rep && teamOf.get(rep)) ?? 'no-team');
    const row = rows.get(group) ?? blank(group, rules.basis);
    rows.set(group, row);
    return row;
  };
  for (const lead of leads) {
    const row = rowOf(lead.ownerId);
    row.leadsReceived++;
    if (lead.status !== 'new') row.contacted++;
    if (lead.status === 'converted') row.converted++;
    if (lead.firstResponseAt)
      row.minutes.push(Math.round((Date.parse(lead.firstResponseAt) - Date.parse(lead.createdAt)) / MINUTE_MS));
  }
  // The quote report counts per rep and period; a period here is the whole range.
  for (const report of quoteReport(quotes, 'year')) {
    const row = rowOf(report.owner);
    row.quotesSent += report.sent;
    row.quotesWon += report.accepted;
    row.wonTry += report.wonTry.amount;
  }
  for (const quote of quotes) {
    if (quote.status !== 'accepted' || !quote.sentAt) continue;
    const row = rowOf(quote.owner);
    row.wonNetTry += quote.netTotalTry.amount;
    const margin = quote.marginTry?.amount;
    if (margin === undefined) row.withoutMargin++;
    else {
      row.marginWonTry += margin;
      row.marginNet += quote.netTotalTry.amount;
    }
    const basis = rules.basis === 'margin' ? (margin ?? 0) : quote.netTotalTry.amount;
    row.commissionBpSum += BigInt(basis) * BigInt(rules.repRatesBp[quote.owner] ?? rules.defaultRateBp);
  }
  return [...rows.values()]
    .map(({ minutes, marginNet, commissionBpSum, ...row }) => {
      const sorted = minutes.sort((a, b) => a - b);
      return {
        ...row,
        marginWonBp: basisPoints(row.marginWonTry, marginNet),
        commissionTry: Number(roundedDivide(commissionBpSum, 10_000n)),
        firstResponse: sorted.length
          ? {
              measured: sorted.length,
              medianMinutes: sorted[Math.floor((sorted.length - 1) / 2)]!,
              meanMinutes: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
            }
          : { measured: 0 },
      };
    })
    .sort((a, b) => b.wonNetTry - a.wonNetTry || a.group.localeCompare(b.group));
};
