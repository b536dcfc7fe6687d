// GET /privacy/requests — the record of access and erasure requests, newest first.
import { json, route } from '../../../shared/http.js';
import { privacyRoutes } from '../manifest.js';
import { listRequests } from '../request-store.js';

export const handler = route(privacyRoutes.listPrivacyRequests, async ({ query }) =>
  json(200, await listRequests(query.limit, query.cursor)),
);
