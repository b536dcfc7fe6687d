// POST /quotes/{quoteId}/approve {step?, seq?} and /reject {reason, step?, seq?} with a
// quotes:approve key whose role is the one the awaiting step names. Two approvers at once: one
// approval, and a 409 for the other.
import { viewerOf } from '../../../shared/access.js';
import { type Actor, type HttpEvent, header, json, route, routes } from '../../../shared/http.js';
import { oncePerCaller } from '../../../shared/idempotency.js';
import { quoteRoutes } from '../manifest.js';
import { quoteVisibleTo } from '../quote-access.js';
import { type Decision, decideQuote } from '../quotes.js';

const decide = async (
  declared: { method: string; path: string },
  actor: Actor,
  quoteId: string,
  decision: Decision,
  body: { step?: number; seq?: number },
  event: HttpEvent,
) => {
  const quote = await quoteVisibleTo(await viewerOf(actor), quoteId);
  const { userId, role } = actor;
  const decided = await oncePerCaller(
    declared,
    actor,
    header(event, 'idempotency-key'),
    { quoteId, body, decision },
    (record) => decideQuote(quote, decision, { userId, role }, { via: 'api', step: body.step, seq: body.seq, record }),
  );
  return json(200, decided);
};

export const handler = routes([
  route(quoteRoutes.approveQuote, async ({ actor, params, body }, event) =>
    decide(quoteRoutes.approveQuote, actor, params.quoteId, { type: 'approve' }, body, event),
  ),
  route(quoteRoutes.rejectQuote, async ({ actor, params, body: { reason, ...body } }, event) =>
    decide(quoteRoutes.rejectQuote, actor, params.quoteId, { type: 'reject', reason }, body, event),
  ),
]);
