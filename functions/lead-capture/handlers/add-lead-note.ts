// POST /leads/{leadId}/notes {"text": "…"} — a retry with the same Idempotency-Key adds one note.
import { viewerOf } from '../../../shared/access.js';
import { header, json, route } from '../../../shared/http.js';
import { oncePerCaller } from '../../../shared/idempotency.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveNote } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.addLeadNote, async ({ actor, params, body: { text } }, event) => {
  // Authorise first: a stored answer is only replayed to someone who may see the lead now.
  const lead = await leadVisibleTo(await viewerOf(actor), params.leadId);
  const request = { leadId: lead.leadId, text };
  const note = await oncePerCaller(leadRoutes.addLeadNote, actor, header(event, 'idempotency-key'), request, (record) =>
    saveNote(lead, text, actor.userId, new Date(), record),
  );
  return json(201, note);
});
