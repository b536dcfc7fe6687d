// On TodoReminderDue: mail the assignee, in their language, once per to-do. A to-do done meanwhile
// is not mailed about.
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { istanbulDateTime } from '../../../shared/time.js';
import { catalogue } from '../../event-table.js';
import { getActivity } from '../activity-store.js';
import { todoReminder } from '../templates/todo-reminder.js';

export const handler = eventHandler(catalogue.TodoReminderDue, async ({ activityId, assigneeId }) => {
  const todo = await getActivity(activityId);
  if (todo?.kind !== 'todo' || todo.status !== 'open') return;
  const [assignee, customer] = await Promise.all([getUser(assigneeId), getCustomer(todo.customerId)]);
  if (!assignee || !customer) return;
  await sendOnce(onceKey('todo-reminder', activityId), () =>
    sendTransactional({
      to: assignee.email,
      ...todoReminder.render(assignee.language, {
        customerId: customer.customerId,
        customerName: customer.company ? `${customer.company} (${customer.name})` : customer.name,
        due: istanbulDateTime(todo.dueAt, assignee.language),
        callback: todo.callbackOf !== undefined,
        subject: todo.subject,
        notes: todo.notes,
      }),
    }),
  );
});
