// Customers who order regularly by themselves: the period learned from their own orders, and when
// an order they would have placed by now has not come. Pure: the sweep gives it each customer's
// order days (Istanbul dates), orders placed by an agreement's schedule left out.
import { addDays, daysBetween } from './agreement.js';

/** At least this many orders (so three gaps) before a rhythm is believed. */
export const MIN_ORDERS = 4;
/** A gap this much shorter or longer than the usual one still counts as the rhythm (or 3 days, if more). */
export const TOLERANCE = 0.25;
/** Weekly at the most often: a shorter rhythm is a busy customer, not a pattern. */
export const MIN_PERIOD_DAYS = 7;

export interface Rhythm {
  periodDays: number;
  lastOn: string;
  /** When the next order would come. */
  expectedOn: string;
  /** The last day it may come before the owner is told. */
  graceUntil: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

const slack = (periodDays: number) => Math.max(3, Math.round(periodDays * TOLERANCE));

/** The customer's rhythm from the days they ordered on, or undefined when they order irregularly. */
export const learnRhythm = (orderDays: readonly string[]): Rhythm | undefined => {
  const days = [...new Set(orderDays)].sort();
  if (days.length < MIN_ORDERS) return undefined;
  const gaps = days.slice(1).map((day, i) => daysBetween(days[i]!, day));
  const periodDays = median(gaps);
  if (periodDays < MIN_PERIOD_DAYS) return undefined;
  if (gaps.some((gap) => Math.abs(gap - periodDays) > slack(periodDays))) return undefined;
  const lastOn = days[days.length - 1]!;
  const expectedOn = addDays(lastOn, periodDays);
  return { periodDays, lastOn, expectedOn, graceUntil: addDays(expectedOn, slack(periodDays)) };
};

/** The expected order has not come: today is past the grace after the day it was expected. */
export const missed = (rhythm: Rhythm, today: string) => today > rhythm.graceUntil;
