// The events texts publish: delivery statuses by message id; never the number or the text.
import { defineEvents, envelope, nonNegativeInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.sms', {
  /** A text's delivery event from the SMS configuration set (delivered, failed, blocked…), counted once. */
  SmsStatusReported: z.object({
    ...envelope,
    messageId: z.string(),
    /** The service's `messageStatus`: DELIVERED, FAILED, BLOCKED, TTL_EXPIRED… */
    status: z.string(),
    segments: z.optional(nonNegativeInt),
    /** The campaign whose text it was, when a campaign sent it; its run and the customer texted. */
    campaignId: z.optional(z.string()),
    runId: z.optional(z.string()),
    customerId: z.optional(z.string()),
  }),
});
