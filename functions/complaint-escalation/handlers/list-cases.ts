// GET /cases?status=&customer=&limit=&cursor= — a department's people see its cases, the firm's
// managers all, anyone else the cases they opened; `customer` narrows to one customer's cases.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { caseListScope } from '../case-access.js';
import { listCases } from '../case-store.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.listCases, async ({ actor, query }) => {
  const { customer, ...rest } = query;
  const page = await listCases({ ...rest, customerId: customer, ...caseListScope(await viewerOf(actor)) });
  return json(200, { cases: page.cases, nextCursor: page.next });
});
