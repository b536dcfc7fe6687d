// Sales-team performance over a period, by rep or by team: leads received, contacted (left `new`),
// converted, first-response time to new leads; quotes sent and won and the revenue won (from the
// quote report of quote-approval); commission per rep from the admin's rates on won revenue or on
// the won quotes' margin. A team's row sums its reps'.
import { roundedDivide } from '../../../shared/money.js';
import type { LeadStatus } from '../../lead-capture/public.js';
import { type QuoteSummary, quoteReport } from '../../quote-approval/public.js';

export interface CommissionRules {
  basis: 'revenue' | 'margin';
  /** Basis points of the basis for reps without their own rate. */
  defaultRateBp: number;
  /** Per rep (user id), basis points. */
  repRatesBp: Record<string, number>;
}

export const defaultCommissionRules: CommissionRules = { basis: 'revenue', defaultRateBp: 200, repRatesBp: {} };

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
  /** TRY minor units. */
  wonTry: number;
  marginWonTry: number;
  commissionTry: number;
}

const MINUTE_MS = 60_000;

const blank = (group: string): PerformanceRow & { minutes: number[] } => ({
  group,
  leadsReceived: 0,
  contacted: 0,
  converted: 0,
  firstResponse: { measured: 0 },
  quotesSent: 0,
  quotesWon: 0,
  wonTry: 0,
  marginWonTry: 0,
  commissionTry: 0,
  minutes: [],
});

const bp = (amount: number, rateBp: number) => Number(roundedDivide(BigInt(amount) * BigInt(rateBp), 10_000n));

export const performance = (
  by: 'rep' | 'team',
  leads: readonly LeadFacts[],
  quotes: readonly ReportedQuote[],
  rules: CommissionRules,
): PerformanceRow[] => {
  const teamOf = new Map<string, string>();
  for (const record of [...leads.map((l) => ({ owner: l.ownerId, teamId: l.teamId })), ...quotes.map((q) => ({ owner: q.owner, teamId: q.teamId }))]) {
    if (record.owner && record.teamId) teamOf.set(record.owner, record.teamId);
  }
  const rows = new Map<string, ReturnType<typeof blank>>();
  const rowOf = (rep: string | undefined) => {
    const group = by === 'rep' ? (rep ?? 'unassigned') : ((rep && teamOf.get(rep)) ?? 'no-team');
    const row = rows.get(group) ?? blank(group);
    rows.set(group, row);
    return row;
  };
  for (const lead of leads) {
    const row = rowOf(lead.ownerId);
    row.leadsReceived++;
    if (lead.status !== 'new') row.contacted++;
    if (lead.status === 'converted') row.converted++;
    if (lead.firstResponseAt) row.minutes.push(Math.round((Date.parse(lead.firstResponseAt) - Date.parse(lead.createdAt)) / MINUTE_MS));
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
    const margin = bp(quote.netTotalTry.amount, quote.marginBp);
    const row = rowOf(quote.owner);
    row.marginWonTry += margin;
    const rate = rules.repRatesBp[quote.owner] ?? rules.defaultRateBp;
    row.commissionTry += bp(rules.basis === 'margin' ? margin : quote.grandTotalTry.amount, rate);
  }
  return [...rows.values()]
    .map(({ minutes, ...row }) => {
      const sorted = minutes.sort((a, b) => a - b);
      return {
        ...row,
        firstResponse: sorted.length
          ? {
              measured: sorted.length,
              medianMinutes: sorted[Math.floor((sorted.length - 1) / 2)]!,
              meanMinutes: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
            }
          : { measured: 0 },
      };
    })
    .sort((a, b) => b.wonTry - a.wonTry || a.group.localeCompare(b.group));
};
