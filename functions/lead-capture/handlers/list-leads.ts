// GET /leads?status=&owner=&from=&to=&limit=&cursor= — reps and dealers see their own leads.
import { z } from 'zod';
import { actorOf, type HttpEvent, httpHandler, json, requireScope, seesAll, validate } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
import { leadStatuses } from '../domain/lead-status.js';
import { listLeads } from '../lead-store.js';

const querySchema = z.strictObject({
  status: z.enum(leadStatuses).optional(),
  owner: z.string().min(1).max(100).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

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
