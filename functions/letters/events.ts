// The events letter runs publish: a run and a part number, never a customer's name or address.
import { defineEvents, envelope, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.letters', {
  /** A letter run was made: its segment is to be counted and its first part enqueued, once. */
  LetterRunCountDue: z.object({ ...envelope, runId: z.string() }),
  /** A letter run's next part is to be printed: by the part printer, once whatever is redelivered. */
  LetterRunPartDue: z.object({ ...envelope, runId: z.string(), part: positiveInt }),
});
