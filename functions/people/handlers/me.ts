// GET /me — who the caller is, for the console's header (only the links the caller's scopes can use).
import { getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { isSessionKeyId } from '../../authorizer/public.js';
import { peopleRoutes } from '../manifest.js';

export const handler = route(peopleRoutes.getMe, async ({ actor }) => {
  const user = await getUser(actor.userId);
  return json(200, {
    userId: actor.userId,
    ...(user ? { name: user.name } : {}),
    role: actor.role,
    ...(user?.teamId ? { teamId: user.teamId } : {}),
    ...(user?.unitId ? { unitId: user.unitId } : {}),
    scopes: actor.scopes,
    kind: isSessionKeyId(actor.keyId) ? 'person' : 'key',
  });
});
