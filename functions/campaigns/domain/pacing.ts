// Pacing arithmetic: the account's SES rate is shared by every shard's worker, each sends at its
// share, and a throttled send waits longer each time (with jitter) before it tries again.

/** Milliseconds between two sends of one worker when `workers` share `ratePerSecond`. */
export const sendIntervalMs = (ratePerSecond: number, workers: number) => (1000 * workers) / ratePerSecond;

/** When the `index`-th send of a worker that started at `startMs` may go, at `intervalMs` apart. */
export const sendSlotMs = (startMs: number, index: number, intervalMs: number) => startMs + index * intervalMs;

/** Full-jitter exponential backoff: up to base·2^attempt, capped; `random` in [0, 1). */
export const backoffMs = (attempt: number, random: number, baseMs = 200, capMs = 20_000) =>
  Math.floor(random * Math.min(capMs, baseMs * 2 ** attempt));

/** The achieved rate of `sent` messages over `elapsedMs`, per second. */
export const achievedRate = (sent: number, elapsedMs: number) => (elapsedMs > 0 ? (sent * 1000) / elapsedMs : 0);
