// The customer routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, and the OpenAPI document is generated from them.
import { toE164 } from '../../shared/contact.js';
import { formsOfAddress } from '../../shared/customer.js';
import { defaultLanguage, languages } from '../../shared/language.js';
import { notAnEmail, notAPhone } from '../../shared/messages.js';
import * as z from '../../shared/schema.js';
import { birthMonthDay } from './domain/profile.js';
import { contactsRecordPart } from './record-part.js';

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });
export const contactParams = z.strictObject({ customerId: z.string(), contactId: z.string() });

const limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25);
const cursor = z.optional(z.string().check(z.maxLength(4000)));

const filterValue = z.optional(z.requiredLine(100));

export const listCustomersQuery = z.strictObject({
  /** A name prefix, Turkish case and diacritics folded: `ismail` finds `İSMAİL YILMAZ`. */
  q: filterValue,
  sector: filterValue,
  region: filterValue,
  city: filterValue,
  owner: filterValue,
  group: filterValue,
  tag: filterValue,
  segment: filterValue,
  limit,
  cursor,
});

// ---- bodies -------------------------------------------------------------------------------------

const email = z.pipe(z.requiredLine(254), z.email(z.said(notAnEmail)));
/** Any common Turkish form (0532…, +90 532…, 532 …) or an international one; stored as E.164. */
const phone = z.requiredLine(40).check(z.refine((p) => toE164(p) !== undefined, z.said(notAPhone)));
const birthday = z.string().check(
  z.refine(
    (b) => birthMonthDay(b) !== undefined,
    z.said({
      en: 'A real date as MM-DD or YYYY-MM-DD (not in the future, not before 1900).',
      tr: 'AA-GG veya YYYY-AA-GG biçiminde gerçek bir tarih (gelecekte değil, 1900’den önce değil).',
    }),
  ),
);
const tags = z
  .array(z.requiredLine(50))
  .check(z.maxLength(20, z.said({ en: 'At most 20 tags.', tr: 'En çok 20 etiket.' })));

/** The optional profile fields, each as staff may set it. */
const profileFields = {
  givenName: z.requiredLine(100),
  familyName: z.requiredLine(100),
  formOfAddress: z.enum(formsOfAddress),
  email,
  phone,
  company: z.requiredLine(200),
  sector: z.requiredLine(100),
  region: z.requiredLine(100),
  city: z.requiredLine(100),
  group: z.requiredLine(100),
  tags,
  birthday,
  preferredDealerId: z.requiredLine(100),
};

const optionalAll = <T extends Record<string, z.core.$ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, z.optional(schema)])) as {
    [K in keyof T]: z.ZodMiniOptional<T[K]>;
  };
/** `null` clears a field. */
const clearableAll = <T extends Record<string, z.core.$ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, z.optional(z.nullable(schema))])) as {
    [K in keyof T]: z.ZodMiniOptional<z.ZodMiniNullable<T[K]>>;
  };

const name = z.requiredLine(200);
/** The seq the caller read: an edit based on a stale read is refused. */
const seq = z.int().check(z.gte(0));

export const createCustomerBody = z.strictObject({
  name,
  ...optionalAll(profileFields),
  language: z._default(z.enum(languages), defaultLanguage),
  /** Whom the customer belongs to; the caller when absent. Only managers give customers to others. */
  ownerId: z.optional(z.requiredLine(100)),
  /**
   * Consent the caller said aloud on the call the customer is created from: per channel, about the
   * number the call came from (which must be the customer's phone). Never e-mail: a call proves no address.
   */
  spokenConsent: z.optional(
    z.strictObject({
      from: phone,
      channels: z.array(z.enum(['sms', 'phone'])).check(z.minLength(1), z.maxLength(2)),
      /** The call it was said on: the telephony contact id, or the desk's own id for the call. */
      callId: z.requiredLine(100),
    }),
  ),
});

export const editCustomerBody = z.strictObject({
  seq,
  name: z.optional(name),
  language: z.optional(z.enum(languages)),
  ...clearableAll(profileFields),
});

const contactFields = { role: z.requiredLine(100), email, phone };
export const addContactBody = z.strictObject({ name, ...optionalAll(contactFields) });
export const editContactBody = z.strictObject({ seq, name: z.optional(name), ...clearableAll(contactFields) });

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

export const profile = z.looseObject({
  customerId: z.string(),
  name: z.string(),
  givenName: z.optional(z.string()),
  familyName: z.optional(z.string()),
  formOfAddress: z.optional(z.enum(formsOfAddress)),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  sector: z.optional(z.string()),
  city: z.optional(z.string()),
  region: z.optional(z.string()),
  group: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  birthday: z.optional(z.string()),
  segment: z.optional(z.string()),
  preferredDealerId: z.optional(z.string()),
  language: z.string(),
  /** Absent on customers no one has edited since profiles got one: send 0. */
  seq: z.optional(z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Whom the customer belongs to: the people (and dealers) assigned their leads and requests, and their teams. */
export const owners = z.strictObject({ ownerIds: z.array(z.string()), teamIds: z.array(z.string()) });

export const customerAnswer = z.strictObject({ customer: profile, owners });

/** The newest decision per channel, address and topic. */
export const consent = z.strictObject({
  channel: z.enum(['email', 'sms', 'phone']),
  address: z.string(),
  topic: z.string(),
  state: z.enum(['requested', 'granted', 'withdrawn']),
  via: z.string(),
  at: z.string(),
  /** A consent said on a call: the call and the agent who heard it. */
  callId: z.optional(z.string()),
  agentId: z.optional(z.string()),
});

const directoryEntry = z.strictObject({
  customerId: z.string(),
  name: z.string(),
  company: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  sector: z.optional(z.string()),
  region: z.optional(z.string()),
  city: z.optional(z.string()),
  group: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  segment: z.optional(z.string()),
});

export const customerList = z.strictObject({ customers: z.array(directoryEntry), nextCursor: z.optional(z.string()) });

/** A contact person as stored: their part summary with the customer and the creation time. */
export const contactAnswer = z.looseObject({
  ...contactsRecordPart.schema.shape,
  customerId: z.string(),
  createdAt: z.string(),
});
