// POST /opportunities — staff open an opportunity for a customer they may see; a retry with the same
// Idempotency-Key returns the first instead of opening a second.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { header, json, route } from '../../../shared/http.js';
import { oncePerCaller } from '../../../shared/idempotency.js';
import { opportunityRoutes } from '../manifest.js';
import { openOpportunity } from '../opportunities.js';
import { opportunityView } from '../opportunity-view.js';

export const handler = route(opportunityRoutes.openOpportunity, async ({ actor, body }, event) => {
  const viewer = await viewerOf(actor);
  // A customer the caller may not see is "no such customer", as a wrong id is.
  await customerVisibleTo(viewer, body.customerId);
  const owner = { userId: actor.userId, teamId: viewer.teamId ?? (await getUser(actor.userId))?.teamId };
  const opened = await oncePerCaller(
    opportunityRoutes.openOpportunity,
    actor,
    header(event, 'idempotency-key'),
    body,
    (record) => openOpportunity(body, owner, new Date(), record),
  );
  return json(201, opportunityView(opened), { location: `/opportunities/${opened.opportunityId}` });
});
