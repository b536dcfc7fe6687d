// When a failed delivery is tried again: exponentially later, from 30 seconds up to six hours between
// tries, for three days from the first try. The sweep runs every minute, so a wait is at least that.
export const firstRetrySeconds = 30;
export const longestWaitSeconds = 6 * 3600;
export const giveUpAfterMs = 3 * 24 * 3600 * 1000;

/** The wait after the `failures`-th failed attempt in a row (1-based). */
export const retryWaitSeconds = (failures: number) =>
  Math.min(longestWaitSeconds, firstRetrySeconds * 2 ** Math.max(0, failures - 1));

/**
 * The next try after a failure, or `give-up` when the delivery has been failing for three days:
 * the subscription is then disabled and its owner told.
 */
export const nextTry = (failingSince: string, failures: number, now: Date): Date | 'give-up' => {
  const last = Date.parse(failingSince) + giveUpAfterMs;
  if (now.getTime() >= last) return 'give-up';
  // The last try is made at three days exactly, however long the wait before it would have been.
  return new Date(Math.min(last, now.getTime() + retryWaitSeconds(failures) * 1000));
};

/** The whole schedule from a first failure at `start`: every try's instant, until giving up. */
export const retrySchedule = (start: Date) => {
  const tries: Date[] = [start];
  let failures = 1;
  for (;;) {
    const next = nextTry(start.toISOString(), failures, tries.at(-1)!);
    if (next === 'give-up') return tries;
    tries.push(next);
    failures++;
  }
};
