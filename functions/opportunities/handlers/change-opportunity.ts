// PATCH /opportunities/{id}, POST /opportunities/{id}/advance | back | win | lose | quotes — the
// owner's (or their manager's) changes. Each takes an optional `seq` (the change number the caller
// saw); the POSTs honour Idempotency-Key.
import { isId, viewerOf } from '../../../shared/access.js';
import { type Actor, json, type Once, route, routes } from '../../../shared/http.js';
import type { Recorder } from '../../../shared/idempotency.js';
import { findQuote } from '../../quote-approval/public.js';
import type { StageAction } from '../domain/stages.js';
import { opportunityRoutes } from '../manifest.js';
import { attachQuote, changeStage, refuseStaleOpportunity, updateOpportunity } from '../opportunities.js';
import { opportunityChangeableBy } from '../opportunity-access.js';
import type { Opportunity } from '../opportunity-store.js';
import { opportunityView } from '../opportunity-view.js';

type Input = { actor: Actor; params: { opportunityId: string } };

const update = route(opportunityRoutes.updateOpportunity, async ({ actor, params, body }) => {
  const o = await opportunityChangeableBy(await viewerOf(actor), params.opportunityId);
  return json(200, opportunityView(await updateOpportunity(o, body, { actorId: actor.userId, via: 'api' })));
});

/** A POST's work, once per Idempotency-Key; the record covers the opportunity, the route and the body. */
const onceEach =
  <B>(work: (o: Opportunity, body: B, actor: Actor, record: Recorder) => Promise<Opportunity>) =>
  async ({ actor, params, body, once }: Input & { body: B; once: Once }) => {
    const o = await opportunityChangeableBy(await viewerOf(actor), params.opportunityId);
    const changed = await once({ opportunityId: o.opportunityId, body }, (record) => work(o, body, actor, record));
    return json(200, opportunityView(changed));
  };

const move = (action: StageAction) =>
  onceEach<{ seq?: number; lostReason?: string }>((o, body, actor, record) =>
    changeStage(o, action, body, { actorId: actor.userId, via: 'api', record }),
  );

const attach = onceEach<{ quoteId: string; seq?: number }>(async (o, { quoteId, seq }, actor, record) => {
  refuseStaleOpportunity(o, seq);
  return attachQuote(o, isId(quoteId) ? await findQuote(quoteId) : undefined, {
    actorId: actor.userId,
    via: 'api',
    record,
  });
});

export const handler = routes([
  update,
  route(opportunityRoutes.advanceOpportunity, move('advance')),
  route(opportunityRoutes.backOpportunity, move('back')),
  route(opportunityRoutes.winOpportunity, move('win')),
  route(opportunityRoutes.loseOpportunity, move('lose')),
  route(opportunityRoutes.attachQuote, attach),
]);
