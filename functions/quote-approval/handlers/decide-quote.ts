// POST /quotes/{quoteId}/approve {step?, seq?} and /reject {reason, step?, seq?} with a
// quotes:approve key whose role is the one the awaiting step names. Two approvers at once: one
// approval, and a 409 for the other.
import type { Context } from 'aws-lambda';
import { type Actor, type HttpEvent, json, route, routes } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { quoteVisibleTo, type Viewer, viewerOf } from '../quote-access.js';
import { type Decision, decideQuote } from '../quotes.js';
import { oncePerKey } from '../staff.js';

interface Decide {
  viewer: Viewer;
  quoteId: string;
  decision: Decision;
  step?: number;
  seq?: number;
}

const decide = oncePerKey('decide-quote', async ({ viewer, quoteId, decision, step, seq }: Decide) => {
  const quote = await quoteVisibleTo(viewer, quoteId);
  const { userId, role } = viewer.actor;
  return decideQuote(quote, decision, { userId, role }, { via: 'api', step, seq });
});

const answer = async (
  actor: Actor,
  quoteId: string,
  decision: Decision,
  body: { step?: number; seq?: number },
  event: HttpEvent,
  context: Context,
) => {
  const viewer = await viewerOf(actor);
  const quote = await decide(event, context, { viewer, quoteId, decision, step: body.step, seq: body.seq }, { quoteId, body, decision });
  return json(200, quote);
};

export const handler = routes([
  route(quoteRoutes.approveQuote, async ({ actor, params, body }, event, context) =>
    answer(actor, params.quoteId, { type: 'approve' }, body, event, context),
  ),
  route(quoteRoutes.rejectQuote, async ({ actor, params, body: { reason, ...body } }, event, context) =>
    answer(actor, params.quoteId, { type: 'reject', reason }, body, event, context),
  ),
]);
