// Scheduled every minute: open to-dos that fell due → TodoReminderDue, once each.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { remindDueTodos } from '../activities.js';

export const handler = scheduledHandler('sweep-todo-reminders', remindDueTodos);
