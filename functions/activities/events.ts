// The events activities publish beside the platform's ActivityLogged (events/platform.ts).
import { defineEvents, envelope } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.activities', {
  /** An open to-do reached its due time: its assignee is reminded by mail. */
  TodoReminderDue: z.object({
    ...envelope,
    customerId: z.string(),
    activityId: z.string(),
    assigneeId: z.string(),
    dueAt: z.iso.datetime(),
  }),
});
