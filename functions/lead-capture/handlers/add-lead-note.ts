// POST /leads/{leadId}/notes {"text": "…"} — a retry with the same Idempotency-Key adds one note.
import type { Context } from 'aws-lambda';
import {
  type Actor,
  actorOf,
  decodeBody,
  type HttpEvent,
  header,
  httpHandler,
  json,
  requireScope,
  validate,
} from '../../../shared/http.js';
import { idempotent } from '../../../shared/idempotency.js';
import * as z from '../../../shared/schema.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveNote } from '../lead-store.js';

const bodySchema = z.strictObject({ text: z.text(4000).check(z.minLength(1, 'Required.')) });

const addNote = idempotent(
  'add-lead-note',
  async ({ actor, leadId, text }: { key?: string; actor: Actor; leadId?: string; text: string }) =>
    saveNote(await leadVisibleTo(actor, leadId), text, actor.userId, new Date()),
  { keyPath: 'key', payloadPath: '[leadId, text]' },
);

export const handler = httpHandler(async (event: HttpEvent, context: Context) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:write');
  const { text } = validate(bodySchema, decodeBody(event, 8192).fields);
  const key = header(event, 'idempotency-key');
  const note = await addNote({ key, actor, leadId: event.pathParameters?.leadId, text }, context);
  return json(201, note);
});
