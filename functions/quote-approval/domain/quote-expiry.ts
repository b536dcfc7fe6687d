// A quote is valid through the end of its validity date in Istanbul, which is where the customer
// and the rep read that date. Turkey has kept UTC+3 all year since 2016, so the offset is fixed.
import { type FieldProblem, ValidationError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';

const ISTANBUL_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date that exists, like 2025-01-31: no times, no 2025-02-30. */
export const isoDateSchema = z.iso.date('Not a date like 2025-01-31.');

export const dateProblem = (date: string, path: string): FieldProblem | undefined => {
  const result = isoDateSchema.safeParse(date);
  return result.success ? undefined : { path, message: result.error.issues[0]!.message };
};

/** `date` as UTC midnight, refusing anything but a real calendar date like 2025-01-31. */
export const parseIsoDate = (date: string, path = 'date'): Date => {
  const problem = dateProblem(date, path);
  if (problem) throw new ValidationError([problem]);
  return new Date(`${date}T00:00:00Z`);
};

/** The first instant the quote is no longer valid: the next midnight in Istanbul, as ISO UTC. */
export const expiresAt = (validUntil: string): string =>
  new Date(parseIsoDate(validUntil, 'validUntil').getTime() + DAY_MS - ISTANBUL_OFFSET_MS).toISOString();

export const isExpired = (validUntil: string, now: Date): boolean => now.getTime() >= Date.parse(expiresAt(validUntil));

/** The calendar date in Istanbul at `instant`: "today" for the people who use the CRM. */
export const istanbulDate = (instant: Date): string =>
  new Date(instant.getTime() + ISTANBUL_OFFSET_MS).toISOString().slice(0, 10);
