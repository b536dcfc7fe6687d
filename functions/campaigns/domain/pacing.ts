// Pacing arithmetic: the account's SES (or SMS segment) rate is shared by every shard's worker, each
// sends at its share, and a throttled send waits longer each time (with jitter) before it tries again.

/** Milliseconds between two sends of one worker when `workers` share `ratePerSecond`. */
export const sendIntervalMs = (ratePerSecond: number, workers: number) => (1000 * workers) / ratePerSecond;

/** When a worker that started at `startMs` may send after `index` units of the rate, `intervalMs` apart. */
export const sendSlotMs = (startMs: number, index: number, intervalMs: number) => startMs + index * intervalMs;

/**
 * A worker's pacer: a send of `units` takes that many of the rate — 1 for a mail, a text's segments
 * (SMS rates count message parts: a 3-segment text uses 3). Answers when that send may go.
 */
export const pacer = (startMs: number, intervalMs: number) => {
  let used = 0;
  return (units: number) => {
    const slot = sendSlotMs(startMs, used, intervalMs);
    used += units;
    return slot;
  };
};

/** Full-jitter exponential backoff: up to base·2^attempt, capped; `random` in [0, 1). */
export const backoffMs = (attempt: number, random: number, baseMs = 200, capMs = 20_000) =>
  Math.floor(random * Math.min(capMs, baseMs * 2 ** attempt));

/** The achieved rate of `sent` messages over `elapsedMs`, per second. */
export const achievedRate = (sent: number, elapsedMs: number) => (elapsedMs > 0 ? (sent * 1000) / elapsedMs : 0);
