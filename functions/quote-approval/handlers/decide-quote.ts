// POST /quotes/{quoteId}/approve {step?, seq?} and /reject {reason, step?, seq?} with a
// quotes:approve key whose role is the one the awaiting step names. Two approvers at once: one
// approval, and a 409 for the other.
import { viewerOf } from '../../../shared/access.js';
import { type Actor, json, type Once, route, routes } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { quoteVisibleTo } from '../quote-access.js';
import { type Decision, decideQuote } from '../quotes.js';

const decide = async (
  once: Once,
  actor: Actor,
  quoteId: string,
  decision: Decision,
  body: { step?: number; seq?: number },
) => {
  const quote = await quoteVisibleTo(await viewerOf(actor), quoteId);
  const { userId, role } = actor;
  const decided = await once({ quoteId, body, decision }, (record) =>
    decideQuote(quote, decision, { userId, role }, { via: 'api', step: body.step, seq: body.seq, record }),
  );
  return json(200, decided);
};

export const handler = routes([
  route(quoteRoutes.approveQuote, async ({ actor, params, body, once }) =>
    decide(once, actor, params.quoteId, { type: 'approve' }, body),
  ),
  route(quoteRoutes.rejectQuote, async ({ actor, params, body: { reason, ...body }, once }) =>
    decide(once, actor, params.quoteId, { type: 'reject', reason }, body),
  ),
]);
