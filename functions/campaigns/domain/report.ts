// Campaign figures from the counters in the campaign's partition: the funnel, its rates, the same
// by hour, and the account's reputation against SES's review thresholds.

export const funnelStages = [
  'recipients',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'opened',
  'clicked',
  'unsubscribed',
] as const;
export type FunnelStage = (typeof funnelStages)[number];
/** `undelivered`: texts the network reported as not delivered (failed, blocked, expired…). */
export type Funnel = Record<FunnelStage, number> & { skipped: number; failed: number; undelivered: number };

/** A counter as stored: a stat's total, or its count in one hour. */
export interface StatCounter {
  stat: string;
  hour?: string;
  count: number;
}

const zero = (): Funnel =>
  ({ ...Object.fromEntries(funnelStages.map((s) => [s, 0])), skipped: 0, failed: 0, undelivered: 0 }) as Funnel;

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
    byHour: hours.map((hour) => ({
      hour,
      ...tally(counters.filter((c) => c.hour === hour).map((c) => ({ ...c, hour: undefined }))),
    })),
  };
};

/** SES reviews an account at a 5% bounce rate and a 0.1% complaint rate. */
export const REPUTATION_LIMITS = { bounce: 0.05, complaint: 0.001 } as const;

export interface SendTotals {
  sent: number;
  bounced: number;
  complained: number;
}

/** An admin's lift of a closed gate: who, when, why, and the window's totals at that moment. */
export interface GateLift {
  at: string;
  by: string;
  reason: string;
  baseline: SendTotals;
}

/**
 * The gate: `learning` below the minimum volume (a rate over a handful of mails says nothing),
 * `open` at or above it with both rates under SES's thresholds, `paused` at or above either, and
 * `lifted` after an admin's lift until the sends since then reach the minimum volume again with a
 * rate at a threshold (then it pauses again).
 */
export type GateState = 'learning' | 'open' | 'paused' | 'lifted';

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

export const reputation = (totals: SendTotals, minimumSends: number, lift?: GateLift) => {
  const bounce = ratio(totals.bounced, totals.sent);
  const complaint = ratio(totals.complained, totals.sent);
  // After a lift only what was sent since counts; totals that shrank (campaigns left the window) count as none.
  const judged = lift
    ? {
        sent: Math.max(0, totals.sent - lift.baseline.sent),
        bounced: Math.max(0, totals.bounced - lift.baseline.bounced),
        complained: Math.max(0, totals.complained - lift.baseline.complained),
      }
    : totals;
  const judgedBounce = ratio(judged.bounced, judged.sent);
  const judgedComplaint = ratio(judged.complained, judged.sent);
  const enough = judged.sent >= minimumSends;
  // Judged on the exact rate: the rate rounded for display would make 0.095 % complaints 0.1 %.
  const atLimit = (part: number, limit: number) => judged.sent > 0 && part / judged.sent >= limit;
  const over = [
    ...(enough && atLimit(judged.bounced, REPUTATION_LIMITS.bounce)
      ? [{ en: `bounce rate ${percent(judgedBounce)} ≥ 5%`, tr: `geri dönme oranı ${percent(judgedBounce)} ≥ %5` }]
      : []),
    ...(enough && atLimit(judged.complained, REPUTATION_LIMITS.complaint)
      ? [
          {
            en: `complaint rate ${percent(judgedComplaint)} ≥ 0.1%`,
            tr: `şikâyet oranı ${percent(judgedComplaint)} ≥ %0,1`,
          },
        ]
      : []),
  ];
  const reasons = over.map((r) => r.en);
  const paused = reasons.length > 0;
  const state: GateState = paused ? 'paused' : lift ? 'lifted' : enough ? 'open' : 'learning';
  const window = { en: lift ? 'since the lift' : 'in 30 days', tr: lift ? 'kaldırmadan beri' : '30 günde' };
  const reason = {
    paused: {
      en: `Sending is paused: ${reasons.join('; ')} over ${judged.sent} sends ${window.en}.`,
      tr: `Gönderim durduruldu: ${window.tr} ${judged.sent} gönderimde ${over.map((r) => r.tr).join('; ')}.`,
    },
    lifted: {
      en: `Lifted by ${lift?.by} (${lift?.reason}); rates are judged again after ${minimumSends} sends since the lift (${judged.sent} so far).`,
      tr: `${lift?.by} kaldırdı (${lift?.reason}); oranlar kaldırmadan beri ${minimumSends} gönderimden sonra yeniden değerlendirilir (şimdiye dek ${judged.sent}).`,
    },
    learning: {
      en: `Rates are judged from ${minimumSends} sends in 30 days (${judged.sent} so far).`,
      tr: `Oranlar 30 günde ${minimumSends} gönderimden itibaren değerlendirilir (şimdiye dek ${judged.sent}).`,
    },
    open: {
      en: `Bounce ${percent(judgedBounce)} and complaint ${percent(judgedComplaint)} rates are under SES's thresholds.`,
      tr: `Geri dönme (${percent(judgedBounce)}) ve şikâyet (${percent(judgedComplaint)}) oranları SES eşiklerinin altında.`,
    },
  }[state];
  return {
    ...totals,
    bounceRate: bounce,
    complaintRate: complaint,
    limits: REPUTATION_LIMITS,
    minimumSends,
    paused,
    reasons,
    gate: { state, reason, judged, ...(lift ? { lift: { at: lift.at, by: lift.by, reason: lift.reason } } : {}) },
  };
};
export type Reputation = ReturnType<typeof reputation>;
