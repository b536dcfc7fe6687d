// The request routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { contactChannels, requestKinds, requestOutcomes } from './domain/request-input.js';
import { requestActions, requestStatuses } from './domain/request-lifecycle.js';

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });
export const requestParams = z.strictObject({ requestId: z.string() });
export const actionParams = z.strictObject({ requestId: z.string(), action: z.enum(requestActions) });

export const listRequestsQuery = z.strictObject({
  status: z.optional(z.enum(requestStatuses)),
  /** One customer's requests. */
  customer: z.optional(z.requiredLine(40)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

// ---- responses ---------------------------------------------------------------------------------

const draftQuote = z.union([z.strictObject({ quoteId: z.string() }), z.strictObject({ skipped: z.string() })]);

export const recordedRequest = z.strictObject({
  requestId: z.string(),
  customerId: z.string(),
  kind: z.enum(requestKinds),
  status: z.literal('open'),
  seq: z.int(),
  unitId: z.string(),
  ruleId: z.string(),
  fallback: z.boolean(),
  /** The time booked with the customer, inside the dealer's hours (ISO UTC). */
  appointmentAt: z.optional(z.string()),
  draftQuote: z.optional(draftQuote),
});

/** A request as the API shows it (the customer's record shows it too). */
export const requestView = z.looseObject({
  requestId: z.string(),
  customerId: z.string(),
  kind: z.enum(requestKinds),
  details: z.looseObject({}),
  channel: z.enum(contactChannels),
  status: z.enum(requestStatuses),
  seq: z.int(),
  unitId: z.string(),
  routing: z.looseObject({ ruleId: z.string(), fallback: z.boolean() }),
  createdBy: z.string(),
  appointmentAt: z.optional(z.string()),
  scheduledAt: z.optional(z.string()),
  declineReason: z.optional(z.string()),
  outcome: z.optional(z.enum(requestOutcomes)),
  draftQuote: z.optional(draftQuote),
  /** The number people speak (`TL-…`). */
  number: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A dealer as a person choosing one sees it: no people, no addresses. */
export const dealerList = z.strictObject({
  dealers: z.array(z.strictObject({ unitId: z.string(), name: z.string(), cities: z.array(z.string()) })),
});

export const requestPage = z.strictObject({ requests: z.array(requestView), nextCursor: z.optional(z.string()) });

const move = z.looseObject({
  at: z.string(),
  from: z.enum(requestStatuses),
  to: z.enum(requestStatuses),
  action: z.string(),
  actorId: z.string(),
  via: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const requestWithHistory = z.looseObject({
  ...requestView.shape,
  /** Who the request is for, as the dealer needs to reach them. */
  customer: z.optional(
    z.strictObject({ name: z.string(), phone: z.optional(z.string()), email: z.optional(z.string()) }),
  ),
  history: z.array(move),
  /** What the caller's role may do now, each move by its action and the status it leads to. */
  allowedMoves: z.array(z.strictObject({ action: z.enum(requestActions), to: z.enum(requestStatuses) })),
});

export const movedRequest = z.strictObject({
  requestId: z.string(),
  status: z.enum(requestStatuses),
  seq: z.int(),
  /** The dealer it is with now: another one when a decline passed it on. */
  unitId: z.string(),
  scheduledAt: z.optional(z.string()),
  outcome: z.optional(z.enum(requestOutcomes)),
});
