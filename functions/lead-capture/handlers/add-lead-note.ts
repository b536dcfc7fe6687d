// POST /leads/{leadId}/notes {"text": "…"} — a retry with the same Idempotency-Key adds one note.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveNote } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.addLeadNote, async ({ actor, params, body: { text }, once }) => {
  // Authorise first: a stored answer is only replayed to someone who may see the lead now.
  const lead = await leadVisibleTo(await viewerOf(actor), params.leadId);
  const request = { leadId: lead.leadId, text };
  const note = await once(request, (record) => saveNote(lead, text, actor.userId, clockNow(), record));
  return json(201, note);
});
