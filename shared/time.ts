// Time as the people who use the CRM read it: Istanbul calendar dates and months, month arithmetic.
// Stored instants are ISO-8601 UTC. Turkey has kept UTC+3 all year since 2016, so the offset is fixed.
// Business hours and Turkish public holidays for SLAs will live here too.
import type { Language } from './language.js';
import { afterTo } from './messages.js';
import { type FieldProblem, ValidationError } from './problems.js';
import * as z from './schema.js';

const ISTANBUL_OFFSET_MS = 3 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date that exists, like 2025-01-31: no times, no 2025-02-30. */
export const isoDateSchema = z.iso.date(
  z.said({ en: 'Not a date like 2025-01-31.', tr: '2025-01-31 gibi bir tarih değil.' }),
);

export const dateProblem = (date: string, path: string): FieldProblem | undefined => {
  const result = z.parseInBoth(isoDateSchema, date);
  return result.success ? undefined : { path, message: result.issues[0]!.text };
};

/** `date` as UTC midnight, refusing anything but a real calendar date like 2025-01-31. */
export const parseIsoDate = (date: string, path = 'date'): Date => {
  const problem = dateProblem(date, path);
  if (problem) throw new ValidationError([problem]);
  return new Date(`${date}T00:00:00Z`);
};

/** The calendar date in Istanbul at `instant`: "today" for the people who use the CRM. */
export const istanbulDate = (instant: Date): string =>
  new Date(instant.getTime() + ISTANBUL_OFFSET_MS).toISOString().slice(0, 10);

/** An instant as people read it in Istanbul: `18.01.2026 14:30` in Turkish, `18/01/2026, 14:30` in English. */
export const istanbulDateTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Istanbul',
  }).format(new Date(iso));

/** An instant in Istanbul time as ISO 8601 with its offset, to the minute: `2026-03-09T09:55+03:00`. */
export const istanbulInstant = (iso: string) =>
  `${new Date(Date.parse(iso) + ISTANBUL_OFFSET_MS).toISOString().slice(0, 16)}+03:00`;

/** The Istanbul calendar month of an ISO instant, `2026-03`. */
export const istanbulMonth = (instant: string) => istanbulDate(new Date(instant)).slice(0, 7);

/** The first instant of the Istanbul day after `date`, as ISO UTC: where "valid through `date`" ends. */
export const endOfIstanbulDay = (date: string, path = 'date'): string =>
  new Date(parseIsoDate(date, path).getTime() + DAY_MS - ISTANBUL_OFFSET_MS).toISOString();

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). */
export const addMonths = (date: string, months: number): string => {
  const start = parseIsoDate(date);
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(start.getUTCFullYear(), month, Math.min(start.getUTCDate(), lastDay)))
    .toISOString()
    .slice(0, 10);
};

/** The first instant of the Istanbul day `date`, as ISO UTC. */
export const startOfIstanbulDay = (date: string, path = 'date'): string =>
  new Date(parseIsoDate(date, path).getTime() - ISTANBUL_OFFSET_MS).toISOString();

/** The last millisecond of the Istanbul day `date`, as ISO UTC: an inclusive end. */
export const lastInstantOfIstanbulDay = (date: string, path = 'date'): string =>
  new Date(Date.parse(endOfIstanbulDay(date, path)) - 1).toISOString();

// ---- list filters -------------------------------------------------------------------------------
// Every `from`/`to` filter of a list or report reads the same way: a calendar date means the whole
// Istanbul day, so `from=2026-11-29&to=2026-11-29` is that day from 00:00 to 23:59:59.999 Istanbul
// time; an ISO instant (`2026-11-29T09:30:00Z`, or with an offset) is taken as is. Both bounds are
// inclusive. The schemas give ISO UTC instants, which compare as strings with stored timestamps.

const instantSchema = z.iso.datetime({ offset: true });
const isDate = (value: string) => isoDateSchema.safeParse(value).success;
const isDateOrInstant = (value: string) => isDate(value) || instantSchema.safeParse(value).success;

const boundSchema = (dateBound: (date: string) => string) =>
  z.string().check(
    z.refine(isDateOrInstant, {
      ...z.said({
        en: 'Not a date like 2026-11-29 or an instant like 2026-11-29T09:30:00Z.',
        tr: '2026-11-29 gibi bir tarih veya 2026-11-29T09:30:00Z gibi bir an değil.',
      }),
      abort: true,
    }),
    z.overwrite((value) => (isDate(value) ? dateBound(value) : new Date(value).toISOString())),
  );

/** A range's start: a date is the first instant of its Istanbul day. */
export const rangeFromSchema = boundSchema(startOfIstanbulDay);
/** A range's inclusive end: a date is the last millisecond of its Istanbul day. */
export const rangeToSchema = boundSchema(lastInstantOfIstanbulDay);

/** `from` and `to` for a list's query schema, and the check that the range is not backwards. */
export const timeRangeQuery = { from: z.optional(rangeFromSchema), to: z.optional(rangeToSchema) };
export const rangeInOrder = z.refine<{ from?: string; to?: string }>((q) => !q.from || !q.to || q.from <= q.to, {
  ...z.said(afterTo),
  path: ['from'],
});

/** The Istanbul months from the one `from` falls in to the one `to` falls in, `2026-03`. */
export const monthsBetween = (from: string, to: string) => {
  const months: string[] = [];
  for (let date = `${istanbulMonth(from)}-01`; date.slice(0, 7) <= istanbulMonth(to); date = addMonths(date, 1)) {
    months.push(date.slice(0, 7));
  }
  return months;
};
