// /call-lists — list the lists, make a list from a segment, take the next call, record its outcome, read progress.
import { json, route, routes } from '../../../shared/http.js';
import { createCallList, listCallLists, listOr404, nextCall, progressOf, recordOutcome } from '../call-lists.js';
import { callListRoutes } from '../manifest.js';

export const handler = routes([
  route(callListRoutes.createList, async ({ actor, body }) => json(201, await createCallList(body, actor.userId))),
  route(callListRoutes.listLists, async ({ query }) => {
    const page = await listCallLists(query);
    return json(200, { items: page.items, ...(page.next ? { next: page.next } : {}) });
  }),
  route(callListRoutes.getList, async ({ params }) => json(200, await progressOf(await listOr404(params.listId)))),
  route(callListRoutes.nextCall, async ({ actor, params }) => {
    const { list, entry } = await nextCall(params.listId, actor.userId);
    return json(200, { script: list.script, entry: entry ?? null });
  }),
  route(callListRoutes.recordOutcome, async ({ actor, params, body }) =>
    json(200, await recordOutcome(actor, params.listId, params.customerId, body)),
  ),
]);
