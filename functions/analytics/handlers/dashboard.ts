// GET /analytics/dashboard?from=&to=  analytics:read — firm-wide counters. Without a range: this Istanbul month so far.
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';
import { dashboard } from '../analytics.js';
import { analyticsRoutes } from '../manifest.js';

export const handler = route(analyticsRoutes.dashboard, async ({ query }) => {
  const now = clockNow();
  const from = query.from ?? startOfIstanbulDay(`${istanbulDate(now).slice(0, 7)}-01`);
  return json(200, await dashboard(from, query.to ?? now.toISOString()));
});
