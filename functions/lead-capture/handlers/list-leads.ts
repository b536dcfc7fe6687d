// GET /leads?status=&owner=&from=&to=&limit=&cursor= — reps see their own leads, a team's manager
// the team's, a dealer the dealer's, and the firm's managers everyone's.
import { listScope, viewerOf } from '../../../shared/access.js';
import { actorOf, type HttpEvent, httpHandler, json, requireScope, validate } from '../../../shared/http.js';
import * as z from '../../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../../shared/time.js';
import { leadStatuses } from '../domain/lead-status.js';
import { listLeads } from '../lead-store.js';

const querySchema = z
  .strictObject({
    status: z.optional(z.enum(leadStatuses)),
    owner: z.optional(z.requiredLine(100)),
    ...timeRangeQuery,
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(rangeInOrder);

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:read');
  const query = validate(querySchema, event.queryStringParameters ?? {});
  const scope = listScope(await viewerOf(actor), query.owner);
  const page = await listLeads({ ...query, ...scope });
  return json(200, { leads: page.leads, nextCursor: page.next });
});
