// POST /privacy/access-requests — everything held about one person, as data and as a document.
import { json, route } from '../../../shared/http.js';
import { accessRequest } from '../access.js';
import { privacyRoutes } from '../manifest.js';

const { method, path } = privacyRoutes.accessRequest;

export const handler = route(privacyRoutes.accessRequest, async ({ actor, body }) =>
  json(200, await accessRequest(body, actor, `${method} ${path}`)),
);
