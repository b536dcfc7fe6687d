// Business hours for SLAs: Europe/Istanbul (UTC+3 all year), a department's working hours per
// weekday, and Turkish public holidays from the kept `date-holidays` library — never a hand list:
// its answers for 2019–2051 are generated into shared/turkish-holidays.ts (`npm run holidays`,
// checked against the library by a test), so functions do not carry the library itself.
//
// THE CIVIL-TIME RULE (the one place it is set): the library gives the holidays' dates but not their
// civil boundaries. It models Ramazan and Kurban Bayramı from sunset of the eve to noon after the
// last day (Ramazan Bayramı 2026: 19 March 18:00 → 23 March 12:00) and has no 28 October half day.
// The official calendar, which this module follows, is:
//   - a holiday is closed on every Istanbul calendar day the library's span covers from midnight to
//     midnight (Ramazan Bayramı 2026: 20–22 March; Kurban Bayramı 2026: 27–30 May);
//   - a holiday the library starts before midnight (the religious ones, at sunset) and every holiday
//     listed in EVE_BEFORE (29 October) has a half-day eve: the day before its first closed day is
//     open only until HALF_DAY_ENDS (13:00).
// Only `public` holidays count; observances and the like do not close anything.
import { turkishHolidays } from './turkish-holidays.js';

const OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** A half-day eve is open until this Istanbul time. */
export const HALF_DAY_ENDS = '13:00';
/** Fixed-date holidays (the library's `MM-DD` rule) whose day before is a half day. */
const EVE_BEFORE = ['10-29'];

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Istanbul clock times, `HH:MM`; `to` is exclusive. */
export interface Window {
  from: string;
  to: string;
}

/** A department's week: the weekdays it works and from when to when; a day not listed is closed. */
export interface WorkingHours {
  days: Partial<Record<Weekday, Window>>;
}

export const officeHours: WorkingHours = {
  days: Object.fromEntries(([1, 2, 3, 4, 5] as const).map((d) => [d, { from: '09:00', to: '18:00' }])),
};

export type DayKind = 'holiday' | 'eve';

const istanbulDay = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
};

/** The library's public holidays of a year, from the generated table. */
const publicHolidays = (year: number) => {
  const rows = turkishHolidays[year];
  if (!rows)
    throw new Error(
      `No Turkish holiday table for ${year}: extend the years in infra/holiday-table.ts and run npm run holidays.`,
    );
  return rows.map(([start, end, rule]) => ({ start: new Date(start), end: new Date(end), rule }));
};
const byYear = new Map<number, Map<string, DayKind>>();

/** The closed days and half-day eves of a year, by Istanbul date, following the rule above. */
export const holidayCalendar = (year: number): Map<string, DayKind> => {
  const cached = byYear.get(year);
  if (cached) return cached;
  const days = new Map<string, DayKind>();
  // A holiday of one year can close or halve days of its neighbour (a sunset start, an eve on 31 December).
  const holidays = [year - 1, year, year + 1].flatMap(publicHolidays);
  for (const holiday of holidays) {
    const start = holiday.start.getTime();
    const end = holiday.end.getTime();
    const firstClosed = dayStart(istanbulDay(start)) === start ? start : dayStart(istanbulDay(start)) + DAY_MS;
    for (let day = firstClosed; day + DAY_MS <= end; day += DAY_MS) days.set(istanbulDay(day), 'holiday');
    const startsAtSunset = firstClosed !== start;
    if (startsAtSunset || EVE_BEFORE.includes(holiday.rule)) {
      const eve = istanbulDay(firstClosed - DAY_MS);
      if (days.get(eve) !== 'holiday') days.set(eve, 'eve');
    }
  }
  for (const day of days.keys()) if (!day.startsWith(String(year))) days.delete(day);
  byYear.set(year, days);
  return days;
};

/** What kind of day an Istanbul date is: a holiday, a half-day eve, or an ordinary day. */
export const dayKind = (day: string): DayKind | undefined => holidayCalendar(Number(day.slice(0, 4))).get(day);

/** The open interval of an Istanbul date in epoch ms, or none. */
const openInterval = (day: string, hours: WorkingHours): [number, number] | undefined => {
  const kind = dayKind(day);
  if (kind === 'holiday') return undefined;
  const weekday = (((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday;
  const window = hours.days[weekday];
  if (!window) return undefined;
  const from = minutesOf(window.from);
  const to = Math.min(minutesOf(window.to), kind === 'eve' ? minutesOf(HALF_DAY_ENDS) : Infinity);
  if (to <= from) return undefined;
  const start = dayStart(day);
  return [start + from * MINUTE_MS, start + to * MINUTE_MS];
};

/**
 * A walk over Istanbul days never goes further than this: a week with no open day (a bad working-hours
 * record) fails loudly instead of looping. Two years covers any SLA target with room to spare.
 */
export const MAX_DAYS_WALKED = 731;

export class NoBusinessHoursError extends Error {
  constructor() {
    super(`No business hours within ${MAX_DAYS_WALKED} days: the working hours open on no day.`);
  }
}

/** Counts the days a walk looks at, for tests and the bench. */
export interface WalkMeter {
  days: number;
}

/**
 * The instant `minutes` business minutes after `start`. When `start` is outside business hours the
 * count begins at the next opening; zero minutes from a closed instant is that opening.
 */
export const addBusinessMinutes = (start: Date, minutes: number, hours: WorkingHours, meter?: WalkMeter): Date => {
  let left = minutes * MINUTE_MS;
  let cursor = start.getTime();
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
    if (meter) meter.days++;
    const day = istanbulDay(cursor);
    const open = openInterval(day, hours);
    if (open && cursor < open[1]) {
      const from = Math.max(cursor, open[0]);
      if (from + left <= open[1]) return new Date(from + left);
      left -= open[1] - from;
    }
    cursor = dayStart(day) + DAY_MS;
  }
  throw new NoBusinessHoursError();
};

/** Business minutes from `a` to `b` (zero when `b` is not after `a`). Walks one step per day between them. */
export const businessMinutesBetween = (a: Date, b: Date, hours: WorkingHours, meter?: WalkMeter): number => {
  const end = b.getTime();
  let cursor = a.getTime();
  let total = 0;
  while (cursor < end) {
    if (meter) meter.days++;
    const day = istanbulDay(cursor);
    const open = openInterval(day, hours);
    if (open) total += Math.max(0, Math.min(end, open[1]) - Math.max(cursor, open[0]));
    cursor = dayStart(day) + DAY_MS;
  }
  return Math.floor(total / MINUTE_MS);
};

/** Is a place with these hours open at `instant`? Closed on holidays, and after 13:00 on a half-day eve. */
export const isOpenAt = (instant: Date, hours: WorkingHours): boolean => {
  const day = istanbulDay(instant.getTime());
  const kind = dayKind(day);
  if (kind === 'holiday') return false;
  const window = hours.days[(new Date(`${day}T00:00:00Z`).getUTCDay() || 7) as Weekday];
  if (!window) return false;
  const clock = new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
  const closes = kind === 'eve' && HALF_DAY_ENDS < window.to ? HALF_DAY_ENDS : window.to;
  return window.from <= clock && clock < closes;
};

/** Whether an Istanbul date is a working day: open for some hours (a half-day eve counts). */
export const isWorkingDay = (day: string, hours: WorkingHours = officeHours) => openInterval(day, hours) !== undefined;

/**
 * The Istanbul date `count` working days after `day` (before it when negative); 0 is `day` itself,
 * even when that is no working day. Bounded like every walk here.
 */
export const addWorkingDays = (day: string, count: number, hours: WorkingHours = officeHours): string => {
  const step = count < 0 ? -1 : 1;
  let at = Date.parse(`${day}T00:00:00Z`);
  for (let left = Math.abs(count), walked = 0; left > 0; walked++) {
    if (walked > MAX_DAYS_WALKED) throw new NoBusinessHoursError();
    at += step * DAY_MS;
    if (isWorkingDay(new Date(at).toISOString().slice(0, 10), hours)) left--;
  }
  return new Date(at).toISOString().slice(0, 10);
};

/**
 * The Istanbul date `n` working days before `day` (a day on which `hours` open at all: a half-day eve
 * counts, a holiday or a weekend does not) and the instant it opens: when a reminder of `day` is due.
 */
export const workingDaysBefore = (day: string, n: number, hours: WorkingHours = officeHours) => {
  const before = addWorkingDays(day, -Math.max(1, n), hours);
  return { day: before, opensAt: new Date(openInterval(before, hours)![0]) };
};
