// The İYS routes' request and response schemas.
import * as z from '../../shared/schema.js';

export const pushesQuery = z.strictObject({ customerId: z.requiredLine(26) });

const push = z.strictObject({
  customerId: z.string(),
  channel: z.enum(['email', 'sms', 'phone']),
  entrySk: z.string(),
  action: z.enum(['granted', 'withdrawn']),
  via: z.string(),
  occurredAt: z.string(),
  /** `pending` (waiting or retrying), `sent` (İYS acknowledged it), `refused` (İYS said why). */
  state: z.enum(['pending', 'sent', 'refused']),
  attempts: z.number(),
  dueAt: z.optional(z.string()),
  lastError: z.optional(z.string()),
  transactionId: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  lagMinutes: z.optional(z.number()),
  refusal: z.optional(z.strictObject({ code: z.string(), detail: z.string() })),
});

export const pushList = z.strictObject({ items: z.array(push) });

const change = z.strictObject({
  changeId: z.string(),
  iysType: z.string(),
  status: z.string(),
  changedAt: z.string(),
  appliedAt: z.string(),
  lagMinutes: z.number(),
  withinDeadline: z.boolean(),
  deadline: z.string(),
  outcome: z.enum(['withdrawn', 'already-withdrawn', 'no-customer', 'noted']),
  customerIds: z.array(z.string()),
});

export const syncStatus = z.strictObject({
  pushes: z.strictObject({
    pending: z.number(),
    oldestPendingSince: z.optional(z.string()),
    oldestPendingMinutes: z.number(),
    refused: z.array(
      z.strictObject({
        customerId: z.string(),
        channel: z.string(),
        refusal: z.strictObject({ code: z.string(), detail: z.string() }),
      }),
    ),
  }),
  pull: z.strictObject({ after: z.number(), pulledAt: z.optional(z.string()) }),
  /** The latest changes made at İYS, newest first, each with how long it took to apply. */
  changes: z.array(change),
  maxLagMinutes: z.number(),
  /** Every change listed was applied within the law's three working days. */
  allWithinDeadline: z.boolean(),
});
