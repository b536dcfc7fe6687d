// EventBridge Scheduler expressions: rate(), cron() in AWS's six-field syntax, and at(). cron-parser
// evaluates the minute to day-of-week fields in the schedule's time zone; what it lacks (the year field,
// the `W` nearest-weekday day of month) is checked here on each candidate it yields.
import { CronDate, CronExpressionParser } from 'cron-parser';

export class InvalidScheduleExpressionError extends Error {
  constructor(expression: string, reason: string) {
    super(`Invalid schedule expression ${expression}: ${reason}`);
    this.name = 'InvalidScheduleExpressionError';
  }
}

type Schedule =
  | { kind: 'rate'; everyMs: number }
  | {
      kind: 'calendar';
      /** cron-parser syntax: Unix day-of-week numbers, an optional leading seconds field. */
      fields: string;
      year: (year: number) => boolean;
      lastYear: number;
      /** A `nW` or `LW` day of month: the weekday nearest that day. */
      nearestWeekdayTo?: number | 'L';
    };

const firstYear = 1970;
const maxYear = 2199;
const unitMs = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const parseRate = (value: string, unit: string, fail: (reason: string) => never): Schedule => {
  const count = Number(value);
  const singular = unit.replace(/s$/, '') as keyof typeof unitMs;
  if (count < 1) fail('the rate must be a positive integer');
  if ((count === 1) !== (unit === singular)) fail('use a singular unit with 1 and a plural unit otherwise');
  return { kind: 'rate', everyMs: count * unitMs[singular] };
};

/** AWS numbers days of the week 1-7 from Sunday; cron-parser 0-6. */
const dayOfWeek = (field: string, fail: (reason: string) => never): string => {
  const day = (token: string) => {
    const named = dayNames.indexOf(token.toUpperCase());
    const number = named >= 0 ? named + 1 : /^[1-7]$/.test(token) ? Number(token) : fail(`bad day of week "${token}"`);
    return number - 1;
  };
  if (field === '?') return '*';
  if (field === 'L') return '6'; // L alone is the last day of the week: Saturday
  return field
    .split(',')
    .map((token) => {
      const [, nth, n] = /^(\w+)#([1-5])$/.exec(token) ?? [];
      if (nth) return `${day(nth)}#${n}`;
      const [, last] = /^(\w+)L$/.exec(token) ?? [];
      if (last) return `${day(last)}L`;
      const [, from, to] = /^(\w+)-(\w+)$/.exec(token) ?? [];
      if (from && to) return `${day(from)}-${day(to)}`;
      return token === '*' ? '*' : String(day(token));
    })
    .join(',');
};

/** The year field: `*`, `2025`, `2025-2027`, `2025/2`, `*\/2`, `2025-2031/3`, and lists of these. */
const yearField = (field: string, fail: (reason: string) => never) => {
  const ranges = field.split(',').map((token) => {
    const [, from = '', to, step] = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(token) ?? fail(`bad year "${token}"`);
    const start = from === '*' ? firstYear : Number(from);
    const end = to ? Number(to) : from === '*' || step ? maxYear : start;
    const every = step ? Number(step) : 1;
    if ((from === '*' && to) || start < firstYear || end > maxYear || start > end || every < 1)
      fail(`bad year "${token}"`);
    return { start, end, every };
  });
  return {
    year: (year: number) =>
      ranges.some(({ start, end, every }) => year >= start && year <= end && (year - start) % every === 0),
    lastYear: Math.max(...ranges.map(({ end }) => end)),
  };
};

const parseCron = (body: string, fail: (reason: string) => never): Schedule => {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) fail('cron() takes six fields: minutes hours day-of-month month day-of-week year');
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) fail('exactly one of day-of-month and day-of-week must be ?');
  const [, weekdayOf] = /^(\d{1,2}|L)W$/.exec(dom) ?? [];
  if (dom.includes('W') && !weekdayOf) fail('W takes a single day of month, as in 15W or LW');
  const nearestWeekdayTo = weekdayOf === 'L' ? 'L' : weekdayOf ? Number(weekdayOf) : undefined;
  if (typeof nearestWeekdayTo === 'number' && (nearestWeekdayTo < 1 || nearestWeekdayTo > 31)) fail('bad day of month');
  const unixDom = nearestWeekdayTo !== undefined || dom === '?' ? '*' : dom;
  return {
    kind: 'calendar',
    fields: `${minute} ${hour} ${unixDom} ${month} ${dayOfWeek(dow, fail)}`,
    nearestWeekdayTo,
    ...yearField(year, fail),
  };
};

/** at(yyyy-mm-ddThh:mm:ss) is the calendar schedule of that second in that one year. */
const parseAt = (body: string, fail: (reason: string) => never): Schedule => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body)?.slice(1).map(Number);
  if (!parts) fail('at() takes yyyy-mm-ddThh:mm:ss');
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips = utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day && utc.getUTCHours() === hour;
  if (!roundTrips || minute > 59 || second > 59) fail('not a valid date and time');
  return {
    kind: 'calendar',
    fields: `${second} ${minute} ${hour} ${day} ${month} *`,
    year: (y) => y === year,
    lastYear: year,
  };
};

const parse = (expression: string): Schedule => {
  const fail = (reason: string): never => {
    throw new InvalidScheduleExpressionError(expression, reason);
  };
  const [, type, body = ''] = /^(rate|cron|at)\((.*)\)$/.exec(expression.trim()) ?? [];
  if (type === 'rate') {
    const [, value = '', unit = ''] =
      /^(\d+) (minutes?|hours?|days?)$/.exec(body.trim()) ?? fail('rate() takes "value unit"');
    return parseRate(value, unit, fail);
  }
  if (type === 'cron' || type === 'at') {
    const schedule = type === 'cron' ? parseCron(body, fail) : parseAt(body, fail);
    try {
      if (schedule.kind === 'calendar') CronExpressionParser.parse(schedule.fields, { strict: false });
    } catch (error) {
      fail((error as Error).message);
    }
    return schedule;
  }
  return fail('expected rate(...), cron(...) or at(...)');
};

/** Quartz/AWS `W`: a Saturday moves to Friday and a Sunday to Monday, never out of the month. */
const nearestWeekday = (year: number, monthIndex: number, day: number | 'L'): number | undefined => {
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const target = day === 'L' ? daysInMonth : day;
  if (target > daysInMonth) return undefined;
  const weekday = new Date(Date.UTC(year, monthIndex, target)).getUTCDay();
  if (weekday === 6) return target === 1 ? 3 : target - 1;
  if (weekday === 0) return target === daysInMonth ? target - 2 : target + 1;
  return target;
};

const assertTimeZone = (expression: string, timezone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new InvalidScheduleExpressionError(expression, `unknown time zone "${timezone}"`);
  }
};

// A W schedule skips day by day and a year field year by year; this bounds both with room to spare.
const maxCandidates = 10_000;

/**
 * The first time strictly after `after` at which the schedule fires, or undefined if it never will.
 * Rate schedules run every interval from `after` (a day is 24 hours, whatever the time zone).
 */
export const nextFire = (expression: string, timezone: string, after: Date): Date | undefined => {
  const schedule = parse(expression);
  assertTimeZone(expression, timezone);
  if (schedule.kind === 'rate') return new Date(after.getTime() + schedule.everyMs);

  let cursor = after;
  for (let i = 0; i < maxCandidates; i++) {
    let candidate: CronDate;
    try {
      candidate = CronExpressionParser.parse(schedule.fields, { currentDate: cursor, tz: timezone }).next();
    } catch {
      return undefined; // cron-parser found no matching time within its search limit
    }
    const year = candidate.getFullYear();
    if (year > schedule.lastYear) return undefined;
    const skip = new CronDate(candidate, timezone);
    if (!schedule.year(year)) {
      // Jump to the last moment of the year; cron-parser resumes from there.
      skip.setMonth(11);
      skip.setDate(31);
    } else if (
      schedule.nearestWeekdayTo === undefined ||
      candidate.getDate() === nearestWeekday(year, candidate.getMonth(), schedule.nearestWeekdayTo)
    ) {
      return candidate.toDate();
    }
    skip.setEndOfDay();
    cursor = skip.toDate();
  }
  return undefined;
};
