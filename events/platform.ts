// The events the platform itself publishes (shared/consent.ts, shared/mail.ts, shared/import-jobs.ts),
// beside the modules' own: consent given, asked for and withdrawn, every activity logged — a mail sent
// included — and an import's chunks due.
import * as z from '../shared/schema.js';
import { defineEvents, envelope, positiveInt } from './event.js';

const channel = z.enum(['email', 'sms', 'phone']);

export const consentEvents = defineEvents('crm.consents', {
  ConsentRequested: z.object({ ...envelope, customerId: z.string(), requestId: z.string(), channel }),
  ConsentGranted: z.object({
    ...envelope,
    customerId: z.string(),
    channel,
    via: z.enum(['double-opt-in', 'form', 'staff']),
  }),
  // permission marketing (subscriptions): the topic left and how; never the address
  ConsentWithdrawn: z.object({
    ...envelope,
    customerId: z.string(),
    channel,
    /** `all`, or the one topic left. */
    topic: z.string(),
    via: z.enum(['one-click', 'unsubscribe-page', 'preferences', 'sms-reply', 'iys']),
    /** The campaign whose mail carried the link, when it carried one. */
    campaignId: z.optional(z.string()),
  }),
});

// activities: ids, kind and a call's outcome; never notes, subjects or addresses
export const activityEvents = defineEvents('crm.activities', {
  /** A call, visit, meeting, to-do or note logged by staff, or a mail sent to the customer (`actorId` `system`). */
  ActivityLogged: z.object({
    ...envelope,
    customerId: z.string(),
    activityId: z.string(),
    kind: z.enum(['call', 'visit', 'meeting', 'todo', 'note', 'email', 'sms']),
    outcome: z.optional(
      z.enum([
        'reached',
        'no-answer',
        'busy',
        'callback-requested',
        'interested',
        'not-interested',
        'sale',
        'complaint',
      ]),
    ),
    actorId: z.string(),
  }),
});

// imports run in the background (shared/import-jobs.ts): a job's next chunk of rows is due
export const importEvents = defineEvents('crm.imports', {
  /** A chunk of an import job's rows is to be applied: by its importer, once whatever is redelivered. */
  ImportChunkDue: z.object({ ...envelope, jobId: z.string(), importer: z.string(), chunk: positiveInt }),
});

export const platformEvents = { ...consentEvents, ...activityEvents, ...importEvents };
