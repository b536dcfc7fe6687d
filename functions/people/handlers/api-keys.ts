// /api-keys — admins list, create and revoke keys. A new key is shown once: a retry with the same
// Idempotency-Key answers 200 with the key's record and no key (see createKey).
import { json, route, routes } from '../../../shared/http.js';
import { createKey, keysPage, revokeKey } from '../api-key-admin.js';
import { peopleRoutes } from '../manifest.js';

export const handler = routes([
  route(peopleRoutes.listApiKeys, async ({ query }) => json(200, await keysPage(query.limit, query.cursor))),
  route(peopleRoutes.createApiKey, async ({ actor, body, once }) => {
    const { status, body: answer } = await once(body, (record) =>
      createKey(body, { actorId: actor.userId, via: 'api' }, record),
    );
    return json(status, answer, status === 201 ? { location: `/api-keys/${answer.keyId}` } : {});
  }),
  route(peopleRoutes.revokeApiKey, async ({ actor, params }) =>
    json(200, await revokeKey(params.keyId, { actorId: actor.userId, via: 'api' })),
  ),
]);
