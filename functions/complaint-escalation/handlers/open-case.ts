// POST /cases — staff and the call center open a case for a known customer or from contact details.
import { json, route } from '../../../shared/http.js';
import { customerViewerOf } from '../../customers/public.js';
import { openCase } from '../cases.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.openCase, async ({ actor, body, idempotency }) => {
  const opened = await openCase({
    intake: body,
    actorId: actor.userId,
    viewer: await customerViewerOf(actor),
    route: idempotency.route,
    caller: idempotency.caller,
    idempotencyKey: idempotency.key,
  });
  return json(201, opened, { location: `/cases/${opened.caseId}` });
});
