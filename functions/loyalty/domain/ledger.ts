// A member's points as lots by the day they lapse. Spending takes the nearest-expiring lot first;
// a reversal takes back what the order earned, from that order's lot first, and what was already
// spent becomes `owed`, paid off by the next points earned. Always: balance = Σ lots − owed, and the
// balance is the sum of the ledger's entries.

export interface Lots {
  /** Points by the last day (Istanbul) they may be spent. */
  lots: Record<string, number>;
  /** Points taken back after they were spent: the next earnings pay them off first. */
  owed: number;
}

export interface MonthFigures {
  earned: number;
  spent: number;
  expired: number;
}

export const lotsTotal = (lots: Record<string, number>) => Object.values(lots).reduce((sum, n) => sum + n, 0);

export const balanceOf = (state: Lots) => lotsTotal(state.lots) - state.owed;

const withoutEmpty = (lots: Record<string, number>) =>
  Object.fromEntries(Object.entries(lots).filter(([, n]) => n > 0));

/** `points` earned, lapsing after `expiresOn`: what is owed is paid off first. */
export const earn = (state: Lots, points: number, expiresOn: string): Lots => {
  const paid = Math.min(state.owed, points);
  const rest = points - paid;
  const lots = { ...state.lots };
  if (rest > 0) lots[expiresOn] = (lots[expiresOn] ?? 0) + rest;
  return { lots, owed: state.owed - paid };
};

export class NotEnoughPointsError extends Error {
  constructor(
    readonly wanted: number,
    readonly available: number,
  ) {
    super(`${wanted} points wanted, ${available} available`);
  }
}

/** Takes `points` nearest-expiring first; `taken` says how many from which lot. */
export const spend = (state: Lots, points: number) => {
  const available = balanceOf(state);
  if (points > available) throw new NotEnoughPointsError(points, available);
  const lots = { ...state.lots };
  const taken: Record<string, number> = {};
  let left = points;
  for (const day of Object.keys(lots).sort()) {
    if (left === 0) break;
    const take = Math.min(left, lots[day]!);
    lots[day]! -= take;
    taken[day] = take;
    left -= take;
  }
  return { state: { lots: withoutEmpty(lots), owed: state.owed }, taken };
};

/** Takes back an order's `points`: from its own lot, then nearest-expiring; the rest becomes owed. */
export const reverse = (state: Lots, points: number, expiresOn: string): Lots => {
  const lots = { ...state.lots };
  let left = points;
  for (const day of [
    expiresOn,
    ...Object.keys(lots)
      .sort()
      .filter((d) => d !== expiresOn),
  ]) {
    if (left === 0) break;
    const take = Math.min(left, lots[day] ?? 0);
    if (take > 0) lots[day] = lots[day]! - take;
    left -= take;
  }
  return { lots: withoutEmpty(lots), owed: state.owed + left };
};

/** The lots that lapsed before `today`, and what is left. */
export const lapse = (state: Lots, today: string) => {
  const lapsed = Object.entries(state.lots).filter(([day]) => day < today);
  return {
    lapsed: Object.fromEntries(lapsed),
    state: { lots: Object.fromEntries(Object.entries(state.lots).filter(([day]) => day >= today)), owed: state.owed },
  };
};

/** The points that lapse from `today` up to `until` (both included). */
export const expiringBetween = (lots: Record<string, number>, today: string, until: string) =>
  Object.entries(lots)
    .filter(([day]) => day >= today && day <= until)
    .reduce((sum, [, n]) => sum + n, 0);

/** How many whole rewards the balance buys. */
export const rewardsIn = (balance: number, thresholdPoints: number) =>
  balance >= thresholdPoints ? Math.floor(balance / thresholdPoints) : 0;

/** Month figures with `change` added (a member's month item and what an old account still holds). */
export const addFigures = (before: MonthFigures | undefined, change: Partial<MonthFigures>): MonthFigures => ({
  earned: (before?.earned ?? 0) + (change.earned ?? 0),
  spent: (before?.spent ?? 0) + (change.spent ?? 0),
  expired: (before?.expired ?? 0) + (change.expired ?? 0),
});
