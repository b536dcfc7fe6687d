// The lead routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, and the OpenAPI document is generated from them.

import { languages } from '../../shared/language.js';
import { exportFormat } from '../../shared/list-export.js';
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { consent } from '../customers/public.js';
import { leadStatuses } from './domain/lead-status.js';

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const leadParams = z.strictObject({ leadId: z.string() });

const listLeadsShape = {
  status: z.optional(z.enum(leadStatuses)),
  owner: z.optional(z.requiredLine(100)),
  /** Newest first (the default) or oldest first: the longest waiting on top. */
  sort: z.optional(z.enum(['newest', 'oldest'])),
  ...timeRangeQuery,
};
export const listLeadsQuery = z
  .strictObject({
    ...listLeadsShape,
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(rangeInOrder);
/** The list's filter, for every lead it finds: CSV unless JSON is asked for. */
export const exportLeadsQuery = z.strictObject({ ...listLeadsShape, ...exportFormat }).check(rangeInOrder);

export const changeLeadStatusBody = z.strictObject({
  to: z.enum(leadStatuses),
  /** The seq the caller saw: a move based on a stale screen is refused. */
  seq: z.optional(z.int().check(z.positive())),
  /** Why, kept in the lead's history. */
  note: z.optional(z.requiredLine(1000)),
});

export const addLeadNoteBody = z.strictObject({ text: z.text(4000).check(z.minLength(1, z.required)) });

/** Other parameters (the thank-you page's `lead`) are the page's to ignore. */
export const languageQuery = z.looseObject({ lang: z.optional(z.string()) });

/** A signed link's token; a missing or bad one gets the "link not valid" page, not a problem. */
export const tokenQuery = z.looseObject({ token: z.optional(z.string()) });
export const tokenForm = z.looseObject({ token: z.optional(z.string()) });

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

const lead = z.looseObject({
  leadId: z.string(),
  /** The number people speak, `L-…` (shared/record-numbers). */
  number: z.optional(z.string()),
  customerId: z.string(),
  status: z.enum(leadStatuses),
  seq: z.int(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  sector: z.optional(z.string()),
  city: z.optional(z.string()),
  region: z.optional(z.string()),
  productInterest: z.optional(z.string()),
  preferredDealerId: z.optional(z.string()),
  /** What the person wrote on the form. */
  message: z.optional(z.string()),
  source: z.optional(z.string()),
  utm: z.optional(z.record(z.string(), z.string())),
  language: z.enum(languages),
  owner: z.optional(
    z.looseObject({ type: z.string(), id: z.string(), ruleId: z.string(), teamId: z.optional(z.string()) }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const note = z.looseObject({
  noteId: z.string(),
  leadId: z.string(),
  text: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
});

export const capturedLead = z.looseObject({ leadId: z.string(), status: z.literal('new') });
export const receivedLead = z.strictObject({ status: z.literal('received') });
export const leadPage = z.strictObject({ leads: z.array(lead), nextCursor: z.optional(z.string()) });
export const leadExport = z.strictObject({ leads: z.array(lead) });
const move = z.looseObject({
  at: z.string(),
  from: z.enum(leadStatuses),
  to: z.enum(leadStatuses),
  action: z.string(),
  actorId: z.string(),
  via: z.optional(z.string()),
  note: z.optional(z.string()),
});
const criteria = z.strictObject({
  city: z.optional(z.array(z.string())),
  region: z.optional(z.array(z.string())),
  sector: z.optional(z.array(z.string())),
  productInterest: z.optional(z.array(z.string())),
});
/** Why the owner has the lead: their name, and what the rule that chose them asks (while it exists). */
const assignment = z.strictObject({ ownerName: z.optional(z.string()), when: z.optional(criteria) });
export const leadWithNotes = z.extend(lead, {
  notes: z.array(note),
  history: z.array(move),
  /** The consent this lead's form gave or asked for, per channel and the address it is about. */
  consents: z.array(consent),
  assignment: z.optional(assignment),
  /** The statuses the lifecycle lets the lead move to now (empty once it is closed). */
  allowedMoves: z.array(z.enum(leadStatuses)),
});
export const leadStatusChanged = z.strictObject({ leadId: z.string(), status: z.enum(leadStatuses), seq: z.int() });
export const leadNote = note;
