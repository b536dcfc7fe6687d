// Campaign figures from the counters in the campaign's partition: the funnel, its rates, the same
// by hour, and the account's reputation against SES's review thresholds.

export const funnelStages = ['recipients', 'sent', 'delivered', 'bounced', 'complained', 'opened', 'clicked', 'unsubscribed'] as const;
export type FunnelStage = (typeof funnelStages)[number];
export type Funnel = Record<FunnelStage, number> & { skipped: number; failed: number };

/** A counter as stored: a stat's total, or its count in one hour. */
export interface StatCounter {
  stat: string;
  hour?: string;
  count: number;
}

const zero = (): Funnel => ({ ...Object.fromEntries(funnelStages.map((s) => [s, 0])), skipped: 0, failed: 0 }) as Funnel;

const tally = (counters: StatCounter[]) => {
  const funnel = zero();
  for (const { stat, count } of counters) {
    if (stat in funnel) funnel[stat as keyof Funnel] += count;
  }
  return funnel;
};

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

export const funnelRates = (f: Funnel) => ({
  delivery: ratio(f.delivered, f.sent),
  bounce: ratio(f.bounced, f.sent),
  complaint: ratio(f.complained, f.sent),
  open: ratio(f.opened, f.delivered),
  click: ratio(f.clicked, f.delivered),
  unsubscribe: ratio(f.unsubscribed, f.delivered),
});

/** The whole funnel (totals only) and, per hour that has any counter, the same by hour. */
export const campaignFunnel = (counters: StatCounter[]) => {
  const totals = tally(counters.filter((c) => c.hour === undefined));
  const hours = [...new Set(counters.flatMap((c) => (c.hour ? [c.hour] : [])))].sort();
  return {
    funnel: totals,
    rates: funnelRates(totals),
    byHour: hours.map((hour) => ({ hour, ...tally(counters.filter((c) => c.hour === hour).map((c) => ({ ...c, hour: undefined }))) })),
  };
};

/** SES reviews an account at a 5% bounce rate and a 0.1% complaint rate. */
export const REPUTATION_LIMITS = { bounce: 0.05, complaint: 0.001 } as const;

export const reputation = (totals: { sent: number; bounced: number; complained: number }) => {
  const bounce = ratio(totals.bounced, totals.sent);
  const complaint = ratio(totals.complained, totals.sent);
  const reasons = [
    ...(bounce >= REPUTATION_LIMITS.bounce ? [`bounce rate ${(bounce * 100).toFixed(2)}% ≥ 5%`] : []),
    ...(complaint >= REPUTATION_LIMITS.complaint ? [`complaint rate ${(complaint * 100).toFixed(2)}% ≥ 0.1%`] : []),
  ];
  return { ...totals, bounceRate: bounce, complaintRate: complaint, limits: REPUTATION_LIMITS, paused: reasons.length > 0, reasons };
};
export type Reputation = ReturnType<typeof reputation>;
