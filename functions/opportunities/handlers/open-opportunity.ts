// POST /opportunities — staff open an opportunity for a customer they may see; a retry with the same
// Idempotency-Key returns the first instead of opening a second.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { opportunityRoutes } from '../manifest.js';
import { openOpportunity } from '../opportunities.js';
import { opportunityView } from '../opportunity-view.js';

export const handler = route(opportunityRoutes.openOpportunity, async ({ actor, body, once }) => {
  const viewer = await viewerOf(actor);
  // A customer the caller may not see is "no such customer", as a wrong id is.
  await customerVisibleTo(viewer, body.customerId);
  const owner = { userId: actor.userId, teamId: viewer.teamId ?? (await getUser(actor.userId))?.teamId };
  const opened = await once(body, (record) => openOpportunity(body, owner, clockNow(), record));
  return json(201, opportunityView(opened), { location: `/opportunities/${opened.opportunityId}` });
});
