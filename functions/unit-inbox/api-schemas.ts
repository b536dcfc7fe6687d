// GET /inbox: what it takes and answers. The OpenAPI document and the console's types come from here.
import * as z from '../../shared/schema.js';

export const inboxKinds = ['request', 'order', 'case', 'purchase'] as const;

export const inboxQuery = z.strictObject({
  /**
   * A number as people say it (`TL-…`, `SP-…`, a case number), or its last characters; an order's
   * number finds its purchase requests too.
   */
  number: z.optional(z.requiredLine(40)),
});

const move = z.strictObject({ action: z.string(), to: z.string() });

export const inboxItem = z.strictObject({
  kind: z.enum(inboxKinds),
  id: z.string(),
  /** The number people speak: `TL-…` a request, `SP-…` an order (and its purchase requests), the case number. */
  number: z.string(),
  customerId: z.string(),
  customerName: z.optional(z.string()),
  status: z.string(),
  seq: z.int(),
  /** What it is about: a request's kind, an order's main category, a case's subject, a product × count to buy. */
  subject: z.optional(z.string()),
  /** A purchase request ordered from a supplier: their reference and the day they expect to deliver. */
  supplierRef: z.optional(z.string()),
  expectedOn: z.optional(z.string()),
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
