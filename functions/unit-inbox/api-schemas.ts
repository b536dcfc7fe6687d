// GET /inbox: what it takes and answers. The OpenAPI document and the console's types come from here.
import * as z from '../../shared/schema.js';

export const inboxKinds = ['request', 'order', 'case'] as const;

export const inboxQuery = z.strictObject({
  /** A number as people say it (`TL-…`, `SP-…`, a case number), or its last characters. */
  number: z.optional(z.requiredLine(40)),
});

const move = z.strictObject({ action: z.string(), to: z.string() });

export const inboxItem = z.strictObject({
  kind: z.enum(inboxKinds),
  id: z.string(),
  /** The number people speak: `TL-…` for a request, `SP-…` for an order, the case number. */
  number: z.string(),
  customerId: z.string(),
  customerName: z.optional(z.string()),
  status: z.string(),
  seq: z.int(),
  /** What it is about: a request's kind, an order's main category, a case's subject. */
  subject: z.optional(z.string()),
  createdAt: z.string(),
  /** When its clock falls due (ISO UTC), and the business minutes left (negative: late by so many). */
  dueAt: z.optional(z.string()),
  minutesLeft: z.optional(z.int()),
  allowedMoves: z.array(move),
});

export const inboxPage = z.strictObject({
  unitId: z.string(),
  items: z.array(inboxItem),
  /** True when a share was cut at its maximum: the unit has more than the inbox shows. */
  truncated: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItem>;
