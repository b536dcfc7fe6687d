// GET /iys/status — where the sync stands; GET /iys/pushes?customerId= — one customer's pushes.
import { json, route, routes } from '../../../shared/http.js';
import { iysRoutes } from '../manifest.js';
import { pushesOf, syncStatus } from '../sync.js';

const status = route(iysRoutes.iysStatus, async () => json(200, await syncStatus()));

const pushes = route(iysRoutes.iysPushes, async ({ query }) => json(200, { items: await pushesOf(query.customerId) }));

export const handler = routes([status, pushes]);
