// A local EventBridge Scheduler: one timer per schedule, re-armed after each fire, invoking the target
// with the event a scheduled invocation carries. A failing target is logged and never stops the process.

import { randomUUID } from 'node:crypto';
import { clockNow } from '../../shared/clock.js';
import { type EventBridgeEvent, eventTime, localAccount, localRegion } from './event-bus.js';
import { nextFire } from './schedule-expression.js';

export interface LocalSchedule {
  name: string;
  /** rate(...), cron(...) or at(...), as EventBridge Scheduler takes it. */
  expression: string;
  /** IANA time zone the expression is evaluated in. */
  timezone: string;
  target: (event: EventBridgeEvent) => Promise<unknown>;
}

export interface LocalScheduler {
  stop(): void;
  /** Invokes the schedule's target now; rejects if the target fails. */
  /** Fires now, or as if at `at` (the scheduled time the target gets: a clock to inject). */
  fireNow(name: string, at?: Date): Promise<void>;
  nextFires(): Array<{ name: string; next: Date | undefined }>;
}

// setTimeout holds at most 2^31-1 ms (about 24.8 days); a longer wait is a chain of timers.
const maxTimerMs = 2 ** 31 - 1;

interface Armed {
  schedule: LocalSchedule;
  next: Date | undefined;
  timer?: NodeJS.Timeout;
}

export interface SchedulerOptions {
  now?: () => Date;
  /** false: schedules fire only through fireNow, so a test never meets a fire it did not ask for. */
  timers?: boolean;
}

export const startScheduler = (schedules: LocalSchedule[], options: SchedulerOptions = {}): LocalScheduler => {
  const now = options.now ?? clockNow;
  const armed = new Map<string, Armed>();

  const invoke = async ({ name, target }: LocalSchedule, time: Date) => {
    const event: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: localAccount,
      time: eventTime(time),
      region: localRegion,
      resources: [name],
      detail: {},
    };
    try {
      await target(event);
    } catch (error) {
      console.error(`[scheduler] schedule ${name} failed at ${event.time}: ${(error as Error)?.message ?? error}`);
      throw error;
    }
  };

  const following = ({ expression, timezone }: LocalSchedule, fired: Date) => {
    const next = nextFire(expression, timezone, fired);
    // After a stall (a sleeping laptop) skip the missed fires rather than replay them all.
    return next && next < now() ? nextFire(expression, timezone, now()) : next;
  };

  const arm = (entry: Armed) => {
    const { next } = entry;
    if (!next) return;
    const remaining = Math.max(0, next.getTime() - now().getTime());
    entry.timer = setTimeout(
      () => {
        if (remaining > maxTimerMs) return arm(entry);
        entry.next = following(entry.schedule, next);
        arm(entry);
        invoke(entry.schedule, next).catch(() => {}); // already logged
      },
      Math.min(remaining, maxTimerMs),
    );
  };

  for (const schedule of schedules) {
    if (armed.has(schedule.name)) throw new Error(`Duplicate schedule name ${schedule.name}`);
    // nextFire throws on an invalid expression or time zone, so a bad manifest fails at start.
    armed.set(schedule.name, { schedule, next: nextFire(schedule.expression, schedule.timezone, now()) });
  }
  if (options.timers !== false) for (const entry of armed.values()) arm(entry);

  return {
    stop: () => {
      for (const entry of armed.values()) clearTimeout(entry.timer);
    },
    fireNow: async (name, at) => {
      const entry = armed.get(name);
      if (!entry) throw new Error(`Unknown schedule ${name}; known: ${[...armed.keys()].join(', ') || 'none'}`);
      await invoke(entry.schedule, at ?? now());
    },
    nextFires: () => [...armed.values()].map(({ schedule, next }) => ({ name: schedule.name, next })),
  };
};
