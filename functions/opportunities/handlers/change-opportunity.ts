// PATCH /opportunities/{id}, POST /opportunities/{id}/advance | back | win | lose | quotes — the
// owner's (or their manager's) changes. Each takes an optional `seq` (the change number the caller
// saw); the POSTs honour Idempotency-Key.
import { isId, viewerOf } from '../../../shared/access.js';
import { type Actor, type HttpEvent, header, json, route, routes } from '../../../shared/http.js';
import { oncePerCaller, type Recorder } from '../../../shared/idempotency.js';
import { findQuote } from '../../quote-approval/public.js';
import type { StageAction } from '../domain/stages.js';
import { opportunityRoutes } from '../manifest.js';
import { attachQuote, changeStage, refuseStale, updateOpportunity } from '../opportunities.js';
import { opportunityChangeableBy } from '../opportunity-access.js';
import type { Opportunity } from '../opportunity-store.js';
import { opportunityView } from '../opportunity-view.js';

type Input = { actor: Actor; params: { opportunityId: string } };

const update = route(opportunityRoutes.updateOpportunity, async ({ actor, params, body }) => {
  const o = await opportunityChangeableBy(await viewerOf(actor), params.opportunityId);
  return json(200, opportunityView(await updateOpportunity(o, body, { actorId: actor.userId, via: 'api' })));
});

/** A POST's work, once per Idempotency-Key; the record covers the opportunity, the route and the body. */
const once =
  <B>(
    declared: { method: string; path: string },
    work: (o: Opportunity, body: B, actor: Actor, record: Recorder) => Promise<Opportunity>,
  ) =>
  async ({ actor, params, body }: Input & { body: B }, event: HttpEvent) => {
    const o = await opportunityChangeableBy(await viewerOf(actor), params.opportunityId);
    const changed = await oncePerCaller(
      declared,
      actor,
      header(event, 'idempotency-key'),
      { opportunityId: o.opportunityId, body },
      (record) => work(o, body, actor, record),
    );
    return json(200, opportunityView(changed));
  };

const move = (action: StageAction, declared: { method: string; path: string }) =>
  once<{ seq?: number; lostReason?: string }>(declared, (o, body, actor, record) =>
    changeStage(o, action, body, { actorId: actor.userId, via: 'api', record }),
  );

const attach = once<{ quoteId: string; seq?: number }>(
  opportunityRoutes.attachQuote,
  async (o, { quoteId, seq }, actor, record) => {
    refuseStale(o, seq);
    return attachQuote(o, isId(quoteId) ? await findQuote(quoteId) : undefined, {
      actorId: actor.userId,
      via: 'api',
      record,
    });
  },
);

export const handler = routes([
  update,
  route(opportunityRoutes.advanceOpportunity, move('advance', opportunityRoutes.advanceOpportunity)),
  route(opportunityRoutes.backOpportunity, move('back', opportunityRoutes.backOpportunity)),
  route(opportunityRoutes.winOpportunity, move('win', opportunityRoutes.winOpportunity)),
  route(opportunityRoutes.loseOpportunity, move('lose', opportunityRoutes.loseOpportunity)),
  route(opportunityRoutes.attachQuote, attach),
]);
