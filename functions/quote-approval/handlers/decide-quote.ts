// POST /quotes/{quoteId}/approve {step?, seq?} and /reject {reason, step?, seq?} with a
// quotes:approve key whose role is the one the awaiting step names. Two approvers at once: one
// approval, and a 409 for the other.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import * as z from '../../../shared/schema.js';
import { rejectionReasonSchema } from '../domain/quote-input.js';
import { quoteVisibleTo } from '../quote-access.js';
import { type Decision, decideQuote } from '../quotes.js';
import { bodyOf, oncePerKey, staff } from '../staff.js';

const step = z.optional(z.int().check(z.gte(0), z.lte(20)));
const seq = z.optional(z.int().check(z.positive()));
const approveSchema = z.strictObject({ step, seq });
const rejectSchema = z.strictObject({ reason: rejectionReasonSchema, step, seq });

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:approve');
  const quoteId = event.pathParameters?.quoteId;
  const rejecting = event.resource.endsWith('/reject');
  let body: { step?: number; seq?: number };
  let decision: Decision;
  if (rejecting) {
    const { reason, ...rest } = bodyOf(event, rejectSchema);
    body = rest;
    decision = { type: 'reject', reason };
  } else {
    body = bodyOf(event, approveSchema);
    decision = { type: 'approve' };
  }
  const quote = await quoteVisibleTo(viewer, quoteId);
  const { userId, role } = viewer.actor;
  const decided = await oncePerKey(event, { quoteId, body, decision }, (record) =>
    decideQuote(quote, decision, { userId, role }, { via: 'api', step: body.step, seq: body.seq, record }),
  );
  return json(200, decided);
});
