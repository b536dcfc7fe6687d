// The events of requests to dealers: no details, notes or contact.
import { defineEvents, envelope } from '../../events/event.js';
import * as z from '../../shared/schema.js';

const requestRef = { requestId: z.string(), customerId: z.string() };
const requestStatus = z.enum(['open', 'accepted', 'scheduled', 'done', 'declined', 'cancelled']);

export const events = defineEvents('crm.requests', {
  RequestCreated: z.object({
    ...envelope,
    ...requestRef,
    kind: z.enum(['test-drive', 'service', 'appraisal', 'information', 'quote']),
    /** The dealer (or, when none serves the customer, the fallback unit) it went to, and the rule that chose it. */
    unitId: z.string(),
    ruleId: z.string(),
    fallback: z.boolean(),
    actorId: z.string(),
    /** The draft quote a quote request made in the same transaction. */
    quoteId: z.optional(z.string()),
  }),
  RequestStatusChanged: z.object({
    ...envelope,
    ...requestRef,
    unitId: z.string(),
    from: requestStatus,
    to: requestStatus,
    action: z.string(),
    actorId: z.string(),
  }),
  /** A dealer declined the request and the routing rules sent it on to another dealer (open again there). */
  RequestPassedOn: z.object({
    ...envelope,
    ...requestRef,
    fromUnitId: z.string(),
    unitId: z.string(),
    ruleId: z.string(),
    actorId: z.string(),
  }),
  /** The dealer has let an open request wait past its acceptance target (business hours). */
  RequestAcceptanceOverdue: z.object({ ...envelope, ...requestRef, unitId: z.string(), acceptBy: z.iso.datetime() }),
});
