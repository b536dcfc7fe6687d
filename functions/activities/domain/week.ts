// ISO weeks (`2026-W03`, Monday to Sunday) as people in Istanbul live them: a week starts at Monday
// 00:00 Istanbul time (Sunday 21:00 UTC), so Sunday 23:30 Istanbul — 20:30 UTC — is still that week.
import { DAY_MS, istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';

const WEEK_MS = 7 * DAY_MS;

/** Monday of ISO week 1: the week that holds 4 January. */
const firstMonday = (year: number) => {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
};

/** The ISO week of a calendar date (`2026-01-18` → `2026-W03`): the week's Thursday names the year. */
export const isoWeekOfDate = (date: string) => {
  const day = Date.parse(`${date}T00:00:00Z`);
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/** The ISO week an instant falls in, on the Istanbul calendar. */
export const istanbulWeekOf = (instant: Date) => isoWeekOfDate(istanbulDate(instant));

/** 52 or 53: the week holding 28 December is the year's last. */
export const weeksIn = (year: number) => Number(isoWeekOfDate(`${year}-12-28`).slice(-2));

export const weekPattern = /^(\d{4})-W(\d{2})$/;

/** Whether `week` names a week that exists (`2026-W53` does not: 2026 has 52). */
export const isIsoWeek = (week: string) => {
  const match = weekPattern.exec(week);
  if (!match) return false;
  const number = Number(match[2]);
  return number >= 1 && number <= weeksIn(Number(match[1]));
};

/**
 * The week's first instant and its last millisecond (both inclusive), ISO UTC: Monday 00:00 to
 * Sunday 23:59:59.999 Istanbul time. `week` must pass `isIsoWeek`.
 */
export const istanbulWeekBounds = (week: string) => {
  const [, year, number] = weekPattern.exec(week)!;
  const monday = new Date(firstMonday(Number(year)) + (Number(number) - 1) * WEEK_MS).toISOString().slice(0, 10);
  const from = startOfIstanbulDay(monday);
  return { from, to: new Date(Date.parse(from) + WEEK_MS - 1).toISOString() };
};

/** The weeks before and after `week` (which must pass `isIsoWeek`): an agenda pages by them. */
export const adjacentWeeks = (week: string) => {
  const { from, to } = istanbulWeekBounds(week);
  return {
    previous: istanbulWeekOf(new Date(Date.parse(from) - 1)),
    next: istanbulWeekOf(new Date(Date.parse(to) + 1)),
  };
};
