// GET /instalments/overdue (quotes:approve): orders whose oldest unpaid instalment is past due.
import { clockNow } from '../../../shared/clock.js';
import { json, route, routes } from '../../../shared/http.js';
import { istanbulDate } from '../../../shared/time.js';
import { instalmentsRoutes } from '../manifest.js';
import { overduePlans } from '../plan-store.js';
import { planView } from '../record-part.js';

export const handler = routes([
  route(instalmentsRoutes.listOverdue, async () => {
    const today = istanbulDate(clockNow());
    return json(200, { asOf: today, plans: (await overduePlans(today)).map((plan) => planView(plan, today)) });
  }),
]);
