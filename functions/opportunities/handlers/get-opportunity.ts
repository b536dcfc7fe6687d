// GET /opportunities/{opportunityId} — the opportunity, its history, and its quotes' cost and margin.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { opportunityRoutes } from '../manifest.js';
import { opportunityVisibleTo } from '../opportunity-access.js';
import { getOpportunityHistory } from '../opportunity-store.js';
import { opportunityView } from '../opportunity-view.js';
import { costOf } from '../pipeline.js';

export const handler = route(opportunityRoutes.getOpportunity, async ({ actor, params }) => {
  const o = await opportunityVisibleTo(await viewerOf(actor), params.opportunityId);
  const [history, costAnalysis] = await Promise.all([getOpportunityHistory(o), costOf(o)]);
  return json(200, { ...opportunityView(o), costAnalysis, history });
});
