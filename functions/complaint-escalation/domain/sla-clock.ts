// A case's SLA clock in business minutes. It runs while the case waits for the firm and stops while
// it waits for the customer: the minutes of a run are banked when it pauses, and on resuming the due
// time is the target minus what is banked, counted on from the resume.
import { addBusinessMinutes, businessMinutesBetween, type WorkingHours } from '../../../shared/business-hours.js';

export interface SlaClock {
  /** Business minutes counted before the current run. */
  bankedMinutes: number;
  /** When the current run began (ISO UTC); absent while paused. */
  runningSince?: string;
}

export const startClock = (at: Date): SlaClock => ({ bankedMinutes: 0, runningSince: at.toISOString() });

export const elapsedMinutes = (clock: SlaClock, now: Date, hours: WorkingHours) =>
  clock.bankedMinutes + (clock.runningSince ? businessMinutesBetween(new Date(clock.runningSince), now, hours) : 0);

export const pauseClock = (clock: SlaClock, at: Date, hours: WorkingHours): SlaClock =>
  clock.runningSince ? { bankedMinutes: elapsedMinutes(clock, at, hours) } : clock;

export const resumeClock = (clock: SlaClock, at: Date): SlaClock =>
  clock.runningSince ? clock : { bankedMinutes: clock.bankedMinutes, runningSince: at.toISOString() };

/** When `targetMinutes` of business time will have run, or none while the clock is paused. */
export const dueAt = (clock: SlaClock, targetMinutes: number, hours: WorkingHours): Date | undefined =>
  clock.runningSince
    ? addBusinessMinutes(new Date(clock.runningSince), Math.max(0, targetMinutes - clock.bankedMinutes), hours)
    : undefined;
