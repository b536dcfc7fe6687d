import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { EventBridgeEvent } from '../../infra/local/event-bus.js';
import { InvalidScheduleExpressionError, nextFire } from '../../infra/local/schedule-expression.js';
import { type LocalScheduler, startScheduler } from '../../infra/local/scheduler.js';
import { sweepTime } from '../../shared/scheduled.js';

const istanbul = 'Europe/Istanbul';
const next = (expression: string, after: string, timezone = 'UTC') =>
  nextFire(expression, timezone, new Date(after))?.toISOString();

describe('nextFire', () => {
  it('evaluates cron in the schedule time zone (Istanbul is UTC+3 all year)', () => {
    expect(next('cron(0 9 * * ? *)', '2025-01-03T05:00:00Z', istanbul)).toBe('2025-01-03T06:00:00.000Z');
    expect(next('cron(0 9 * * ? *)', '2025-01-03T05:00:00Z', 'UTC')).toBe('2025-01-03T09:00:00.000Z');
    expect(next('cron(0 9 * * ? *)', '2025-07-03T06:00:00Z', istanbul)).toBe('2025-07-04T06:00:00.000Z');
  });

  it('reads AWS day-of-week numbers and names (1 = SUN ... 7 = SAT)', () => {
    // Friday 2025-01-03, after 09:00 in Istanbul: the next weekday is Monday the 6th.
    expect(next('cron(0 9 ? * MON-FRI *)', '2025-01-03T07:00:00Z', istanbul)).toBe('2025-01-06T06:00:00.000Z');
    expect(next('cron(0 9 ? * 2-6 *)', '2025-01-03T07:00:00Z', istanbul)).toBe('2025-01-06T06:00:00.000Z');
    expect(next('cron(0 9 ? * 1 *)', '2025-01-03T07:00:00Z', istanbul)).toBe('2025-01-05T06:00:00.000Z');
    expect(next('cron(0 9 ? * 1,7 *)', '2025-01-03T07:00:00Z', istanbul)).toBe('2025-01-04T06:00:00.000Z');
  });

  it('supports L, # and W', () => {
    expect(next('cron(0 0 L * ? *)', '2025-02-03T00:00:00Z')).toBe('2025-02-28T00:00:00.000Z');
    expect(next('cron(0 0 L * ? *)', '2024-02-03T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(next('cron(0 0 ? * 6L *)', '2025-02-03T00:00:00Z')).toBe('2025-02-28T00:00:00.000Z'); // last Friday
    expect(next('cron(0 0 ? * L *)', '2025-02-03T00:00:00Z')).toBe('2025-02-08T00:00:00.000Z'); // Saturday
    expect(next('cron(0 0 ? * 3#2 *)', '2025-02-03T00:00:00Z')).toBe('2025-02-11T00:00:00.000Z'); // 2nd Tuesday
    expect(next('cron(0 0 15W * ? *)', '2025-02-03T00:00:00Z')).toBe('2025-02-14T00:00:00.000Z'); // 15th is a Saturday
    expect(next('cron(0 0 1W * ? *)', '2025-02-28T00:00:00Z')).toBe('2025-03-03T00:00:00.000Z'); // 1st is a Saturday
    expect(next('cron(0 0 LW * ? *)', '2025-05-03T00:00:00Z')).toBe('2025-05-30T00:00:00.000Z'); // 31st is a Saturday
  });

  it('honours the year field and its bounds', () => {
    expect(next('cron(0 9 1 1 ? 2027-2028)', '2025-02-03T00:00:00Z', istanbul)).toBe('2027-01-01T06:00:00.000Z');
    expect(next('cron(0 9 1 1 ? 2027-2028)', '2028-01-01T06:00:00Z', istanbul)).toBeUndefined();
    expect(next('cron(0 9 * * ? 2025/2)', '2025-12-31T07:00:00Z', istanbul)).toBe('2027-01-01T06:00:00.000Z');
    expect(next('cron(0 9 * * ? 2020,2030)', '2025-02-03T00:00:00Z', istanbul)).toBe('2030-01-01T06:00:00.000Z');
    expect(next('cron(0 9 * * ? 2020)', '2025-02-03T00:00:00Z', istanbul)).toBeUndefined();
  });

  it('adds the rate to the given time', () => {
    expect(next('rate(1 minute)', '2025-02-03T07:00:30Z')).toBe('2025-02-03T07:01:30.000Z');
    expect(next('rate(15 minutes)', '2025-02-03T07:00:00Z')).toBe('2025-02-03T07:15:00.000Z');
    expect(next('rate(2 hours)', '2025-02-03T07:00:00Z')).toBe('2025-02-03T09:00:00.000Z');
    expect(next('rate(1 day)', '2025-02-03T07:00:00Z', istanbul)).toBe('2025-02-04T07:00:00.000Z');
  });

  it('fires at() once, at that local time', () => {
    expect(next('at(2025-03-01T09:30:00)', '2025-02-03T00:00:00Z', istanbul)).toBe('2025-03-01T06:30:00.000Z');
    expect(next('at(2025-03-01T09:30:00)', '2025-02-03T00:00:00Z', 'UTC')).toBe('2025-03-01T09:30:00.000Z');
    expect(next('at(2025-03-01T09:30:00)', '2025-03-01T06:30:00Z', istanbul)).toBeUndefined();
  });

  it.each([
    'every day',
    'cron(0 9 * * ?)',
    'cron(0 9 * * * *)',
    'cron(0 9 ? * ? *)',
    'cron(61 9 * * ? *)',
    'cron(0 9 ? * 8 *)',
    'cron(0 9 1-5W * ? *)',
    'cron(0 9 * * ? 1969)',
    'cron(0 9 * * ? 2200)',
    'rate(0 minutes)',
    'rate(1 minutes)',
    'rate(5 minute)',
    'rate(5 weeks)',
    'at(2025-02-30T09:30:00)',
    'at(2025-03-01 09:30:00)',
  ])('refuses %s', (expression) => {
    expect(() => nextFire(expression, 'UTC', new Date())).toThrow(InvalidScheduleExpressionError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => nextFire('cron(0 9 * * ? *)', 'Europe/Atlantis', new Date())).toThrow(
      /unknown time zone "Europe\/Atlantis"/,
    );
  });
});

describe('startScheduler', () => {
  let scheduler: LocalScheduler | undefined;
  let logged: MockInstance<typeof console.error>;
  const calls: EventBridgeEvent[] = [];
  const recordingTarget = async (event: EventBridgeEvent) => {
    calls.push(event);
  };

  beforeEach(() => {
    calls.length = 0;
    logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    scheduler?.stop();
    vi.useRealTimers();
    logged.mockRestore();
  });

  it('fires a schedule now with an EventBridge Scheduler-like event', async () => {
    const now = () => new Date('2025-01-03T05:00:00.250Z');
    scheduler = startScheduler(
      [{ name: 'daily-digest', expression: 'cron(0 9 * * ? *)', timezone: istanbul, target: recordingTarget }],
      { now },
    );

    await scheduler.fireNow('daily-digest');

    expect(calls).toEqual([
      {
        version: '0',
        id: expect.any(String),
        'detail-type': 'Scheduled Event',
        source: 'aws.scheduler',
        account: '000000000000',
        time: '2025-01-03T05:00:00Z',
        region: 'eu-central-1',
        resources: ['daily-digest'],
        detail: {},
      },
    ]);
    expect(scheduler.nextFires()).toEqual([{ name: 'daily-digest', next: new Date('2025-01-03T06:00:00Z') }]);
  });

  it('reports an unknown schedule and a failing target from fireNow', async () => {
    const failing = async () => {
      throw new Error('segment query failed');
    };
    scheduler = startScheduler([{ name: 'send', expression: 'rate(1 hour)', timezone: 'UTC', target: failing }]);

    await expect(scheduler.fireNow('nope')).rejects.toThrow('Unknown schedule nope; known: send');
    await expect(scheduler.fireNow('send')).rejects.toThrow('segment query failed');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('schedule send failed'));
  });

  it('refuses an invalid expression at start', () => {
    expect(() =>
      startScheduler([{ name: 'bad', expression: 'cron(0 9 * * *)', timezone: 'UTC', target: recordingTarget }]),
    ).toThrow(InvalidScheduleExpressionError);
  });

  it('with timers off, fires only on request', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-03T05:59:00Z') });
    scheduler = startScheduler(
      [{ name: 'weekday', expression: 'cron(0 9 ? * MON-FRI *)', timezone: istanbul, target: recordingTarget }],
      { timers: false },
    );
    await vi.advanceTimersByTimeAsync(7 * 86_400_000);
    expect(calls).toEqual([]);
    await scheduler.fireNow('weekday');
    expect(calls).toHaveLength(1);
  });

  it('arms a timer for the next fire time and re-arms after it', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-03T05:59:00Z') }); // Friday 08:59 in Istanbul
    scheduler = startScheduler([
      { name: 'weekday', expression: 'cron(0 9 ? * MON-FRI *)', timezone: istanbul, target: recordingTarget },
    ]);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((event) => event.time)).toEqual(['2025-01-03T06:00:00Z']);
    expect(scheduler.nextFires()[0]?.next).toEqual(new Date('2025-01-06T06:00:00Z')); // Monday, skipping the weekend

    await vi.advanceTimersByTimeAsync(3 * 86_400_000);
    expect(calls.map((event) => event.time)).toEqual(['2025-01-03T06:00:00Z', '2025-01-06T06:00:00Z']);
  });

  it('chains timers for a fire time beyond the setTimeout limit', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    scheduler = startScheduler([
      { name: 'later', expression: 'at(2025-03-02T12:00:00)', timezone: 'UTC', target: recordingTarget },
    ]);

    await vi.advanceTimersByTimeAsync(40 * 86_400_000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(20 * 86_400_000 + 12 * 3_600_000);
    expect(calls.map((event) => event.time)).toEqual(['2025-03-02T12:00:00Z']);
    expect(scheduler.nextFires()[0]?.next).toBeUndefined();
  });

  it('keeps firing a rate schedule after its target fails, and stops when asked', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const target = vi.fn(async () => {
      throw new Error('mail server down');
    });
    scheduler = startScheduler([{ name: 'retry-mail', expression: 'rate(5 minutes)', timezone: 'UTC', target }]);

    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(target).toHaveBeenCalledTimes(3);
    expect(logged).toHaveBeenCalledTimes(3);

    scheduler.stop();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(target).toHaveBeenCalledTimes(3);
  });
});

describe('the time a sweep runs as of', () => {
  const present = new Date('2026-06-01T09:00:00Z');
  it('is the present, or a later scheduled time (an injected clock), never an earlier one', () => {
    expect(sweepTime({ scheduledTime: '2026-06-03T09:00:00Z' }, present).toISOString()).toBe(
      '2026-06-03T09:00:00.000Z',
    );
    // A late retry of an earlier run takes on what has fallen due since.
    expect(sweepTime({ scheduledTime: '2026-05-31T09:00:00Z' }, present)).toBe(present);
    expect(sweepTime({ scheduledTime: 'not a time' }, present)).toBe(present);
    expect(sweepTime(undefined, present)).toBe(present);
  });
});
