// POST /privacy/erasures — erases one person. A retry finds the person still there until the
// profile's delete (the last write) and takes the erasure up again; afterwards it is a 404.
import { json, route } from '../../../shared/http.js';
import { erasePerson } from '../erasure.js';
import { privacyRoutes } from '../manifest.js';

const { method, path } = privacyRoutes.erasePerson;

export const handler = route(privacyRoutes.erasePerson, async ({ actor, body }) =>
  json(200, await erasePerson(body, actor, `${method} ${path}`)),
);
