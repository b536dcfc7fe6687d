// GET /leads?status=&owner=&from=&to=&limit=&cursor= — reps and dealers see their own leads.
import { actorOf, type HttpEvent, httpHandler, json, requireScope, seesAll, validate } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
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
  if (query.owner && query.owner !== actor.userId && !seesAll(actor)) {
    throw new ForbiddenError("Only managers may list other people's leads.");
  }
  const ownerId = seesAll(actor) ? query.owner : actor.userId;
  const page = await listLeads({ ...query, ownerId });
  return json(200, { leads: page.leads, nextCursor: page.next });
});
