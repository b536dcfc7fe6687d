// GET /analytics/performance?from=&to=&by=rep|team  analytics:read — a team manager sees their team,
// the firm's managers and directors everyone. Without a range: this Istanbul year to date.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';
import { salesPerformance } from '../analytics.js';
import { analyticsRoutes } from '../manifest.js';

export const handler = route(analyticsRoutes.salesPerformance, async ({ actor, query }) => {
  const now = new Date();
  const from = query.from ?? startOfIstanbulDay(`${istanbulDate(now).slice(0, 4)}-01-01`);
  return json(200, await salesPerformance(await viewerOf(actor), from, query.to ?? now.toISOString(), query.by));
});
