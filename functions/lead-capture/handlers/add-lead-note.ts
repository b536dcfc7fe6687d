// POST /leads/{leadId}/notes {"text": "…"} — a retry with the same Idempotency-Key adds one note.
import { type Actor, header, json, route } from '../../../shared/http.js';
import { idempotent } from '../../../shared/idempotency.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveNote } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

const addNote = idempotent(
  'add-lead-note',
  async ({ actor, leadId, text }: { key?: string; actor: Actor; leadId?: string; text: string }) =>
    saveNote(await leadVisibleTo(actor, leadId), text, actor.userId, new Date()),
  { keyPath: 'key', payloadPath: '[leadId, text]' },
);

export const handler = route(leadRoutes.addLeadNote, async ({ actor, params, body: { text } }, event, context) => {
  const key = header(event, 'idempotency-key');
  const note = await addNote({ key, actor, leadId: params.leadId, text }, context);
  return json(201, note);
});
