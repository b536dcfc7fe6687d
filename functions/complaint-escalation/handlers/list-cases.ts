// GET /cases?status=&limit=&cursor= — a department's people see its cases, the firm's managers all.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { caseListScope } from '../case-access.js';
import { listCases } from '../case-store.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.listCases, async ({ actor, query }) => {
  const page = await listCases({ ...query, ...caseListScope(await viewerOf(actor)) });
  return json(200, { cases: page.cases, nextCursor: page.next });
});
