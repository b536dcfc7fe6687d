// The customer's profile as staff edit it: birthdays, tags, contact details in their matching forms,
// and the next state of a profile from an edit. Pure: no AWS, unit-tested alone.
import { clockNow } from '../../../shared/clock.js';
import { normalizeEmail, toE164 } from '../../../shared/contact.js';
import { type Customer, nameKey, profileSeq } from '../../../shared/customer.js';

/** `MM-DD` of a birthday given as `MM-DD` or `YYYY-MM-DD`, or undefined when it is no real date (29 February only in a leap year). */
export const birthMonthDay = (birthday: string, today = clockNow()): string | undefined => {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return undefined;
  const [, year, month, day] = match;
  // Without a year, 29 February is a birthday like any other: check it against a leap year.
  const date = new Date(Date.UTC(Number(year ?? 2000), Number(month) - 1, Number(day)));
  const real = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  if (!real || (year !== undefined && (Number(year) < 1900 || date > today))) return undefined;
  return `${month}-${day}`;
};

/** Tags trimmed, without repeats that differ only in case (Turkish case: `İzmir` and `izmir` are one), in the order given. */
export const normalizeTags = (tags: readonly string[]): string[] => {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = nameKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** An e-mail and a phone as given, with the forms they are matched by. */
export interface ContactDetails {
  email?: string;
  emailKey?: string;
  /** E.164. */
  phone?: string;
}

/** The forms a person is matched by: the e-mail trimmed and lower-cased, the phone in E.164 (region TR). */
export const contactKeysOf = (given: { email?: string; phone?: string }) => ({
  emailKey: given.email ? normalizeEmail(given.email) : undefined,
  phone: given.phone ? toE164(given.phone) : undefined,
});

/** `null` clears a detail, `undefined` leaves it. A phone the schema accepted is a valid number. */
export const contactDetails = (
  given: { email?: string | null; phone?: string | null },
  current: ContactDetails = {},
): ContactDetails => {
  const email = given.email === undefined ? current.email : (given.email ?? undefined);
  if (given.phone === undefined) return { email, emailKey: contactKeysOf({ email }).emailKey, phone: current.phone };
  return { email, ...contactKeysOf({ email, phone: given.phone ?? undefined }) };
};

/** What staff may change on a profile: `null` clears an optional field. */
export interface ProfileEdit {
  name?: string;
  givenName?: string | null;
  familyName?: string | null;
  formOfAddress?: Customer['formOfAddress'] | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  sector?: string | null;
  region?: string | null;
  city?: string | null;
  group?: string | null;
  tags?: string[] | null;
  birthday?: string | null;
  language?: Customer['language'];
  preferredDealerId?: string | null;
}

const plainFields = [
  'name',
  'givenName',
  'familyName',
  'formOfAddress',
  'company',
  'sector',
  'region',
  'city',
  'group',
  'language',
  'preferredDealerId',
] as const;

/** The profile after an edit: the seq one up, matching keys and the birthday's month-day recomputed. */
export const editedProfile = (before: Customer, edit: ProfileEdit, now: Date): Customer => {
  const after: Record<string, unknown> = { ...before };
  for (const field of plainFields) {
    if (edit[field] !== undefined) after[field] = edit[field] ?? undefined;
  }
  if (edit.tags !== undefined) after.tags = edit.tags?.length ? normalizeTags(edit.tags) : undefined;
  if (edit.birthday !== undefined) after.birthday = edit.birthday ?? undefined;
  Object.assign(after, contactDetails(edit, before));
  return { ...(after as unknown as Customer), seq: profileSeq(before) + 1, updatedAt: now.toISOString() };
};

/** The profile fields an edit changed, by name (for the event: names only, never values). */
export const changedFields = (before: Customer, after: Customer): string[] =>
  (Object.keys({ ...before, ...after }) as (keyof Customer)[])
    .filter((field) => !['seq', 'updatedAt', 'emailKey'].includes(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .sort();
