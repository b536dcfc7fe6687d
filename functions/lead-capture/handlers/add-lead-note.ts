// POST /leads/{leadId}/notes {"text": "…"} — a retry with the same Idempotency-Key adds one note.
import { viewerOf } from '../../../shared/access.js';
import { actorOf, decodeBody, type HttpEvent, header, httpHandler, json, requireScope, validate } from '../../../shared/http.js';
import { once } from '../../../shared/idempotency.js';
import * as z from '../../../shared/schema.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveNote } from '../lead-store.js';

const bodySchema = z.strictObject({ text: z.text(4000).check(z.minLength(1, 'Required.')) });

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:write');
  const { text } = validate(bodySchema, decodeBody(event, 8192).fields);
  // Authorise first: a stored answer is only replayed to someone who may see the lead now.
  const lead = await leadVisibleTo(await viewerOf(actor), event.pathParameters?.leadId);
  const scope = { route: 'POST /leads/{leadId}/notes', caller: actor.keyId, key: header(event, 'idempotency-key'), request: { leadId: lead.leadId, text } };
  const note = await once(scope, (record) => saveNote(lead, text, actor.userId, new Date(), record));
  return json(201, note);
});
