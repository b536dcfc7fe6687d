// /people — admins list, read, invite, move and disable people; one Lambda (it alone holds the
// pool's admin actions). Invitations once per Idempotency-Key.
import { json, route, routes } from '../../../shared/http.js';
import { peopleRoutes } from '../manifest.js';
import { disable, invitePerson, peoplePage, personDetail, poolFromEnvironment, setRole } from '../people.js';

const via = 'api' as const;

export const handler = routes([
  route(peopleRoutes.listPeople, async ({ query }) =>
    json(200, await peoplePage(poolFromEnvironment(), query.limit, query.cursor)),
  ),
  route(peopleRoutes.getPerson, async ({ params }) =>
    json(200, await personDetail(poolFromEnvironment(), params.userId)),
  ),
  route(peopleRoutes.invitePerson, async ({ actor, body, once }) => {
    const invited = await once(body, (record) =>
      invitePerson(poolFromEnvironment(), body, { actorId: actor.userId, via }, record),
    );
    return json(201, invited, { location: `/people/${invited.userId}` });
  }),
  route(peopleRoutes.disablePerson, async ({ actor, params, body }) =>
    json(200, await disable(poolFromEnvironment(), params.userId, body.seq, { actorId: actor.userId, via })),
  ),
  route(peopleRoutes.changeRole, async ({ actor, params, body }) =>
    json(200, await setRole(poolFromEnvironment(), params.userId, body, { actorId: actor.userId, via })),
  ),
]);
