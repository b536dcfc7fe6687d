// Matching keys for people: one normalized e-mail and one E.164 phone per customer.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Trimmed and lower-cased for matching; the address as typed is kept for display. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * E.164 (`+905321234567`) or undefined when the number is not a valid number. Turkey is the default
 * region. The parser reads the number out of surrounding text, so padding needs no trimming.
 */
export const toE164 = (phone: string): string | undefined => {
  const parsed = parsePhoneNumberFromString(phone, { defaultCountry: 'TR' });
  return parsed?.isValid() ? parsed.number : undefined;
};
