// Activities in the one table: each in its customer's partition (the timeline is one Query, newest
// first), an agenda entry beside it per person who has it on their agenda, and an open to-do's place
// in the reminder queue, all written in one transaction with the activity.

import { findById, itemExists, putNew, scanType, type TransactItem, tableName, transact } from '../../shared/db.js';
import { defineEntity, fromItem, type MoveEffects } from '../../shared/entity.js';
import { outboxPut } from '../../shared/outbox.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { byAssignee, keys, tableKeyOf } from '../../shared/table.js';
import { defineDueQueue, defineInbox, type QueueEntry } from '../../shared/work-queue.js';
import { catalogue, type EventFacts } from '../event-table.js';
import { type Activity, type ActivityKind, agendaSlots } from './domain/activity.js';
import { activitiesKeys } from './keys.js';

export const activities = defineEntity<Activity>({
  type: 'activity',
  key: (a) => keys.activity(a.customerId, a.occurredAt, a.activityId),
  indexes: (a) => keys.activityById(a.activityId),
});

/** Open to-dos by due time: the reminder sweep mails each assignee when theirs falls due. */
export const reminderQueue = defineDueQueue<{ customerId: string }>('todo-reminder');

/** What an agenda shows of an activity: enough to plan a week, nothing of its notes. */
export interface AgendaEntry {
  userId: string;
  activityId: string;
  customerId: string;
  kind: 'visit' | 'meeting' | 'todo';
  status: string;
  at: string;
  endsAt?: string;
  subject?: string;
  location?: string;
  /** The activity's seq, so a change made from the agenda is guarded (absent on entries written before it was kept). */
  seq?: number;
}

/** What one person's agenda shows of an activity at an instant. */
const agendaEntry = (activity: Activity, userId: string, at: string): AgendaEntry => {
  const meeting = activity.kind === 'visit' || activity.kind === 'meeting' ? activity : undefined;
  return {
    userId,
    activityId: activity.activityId,
    customerId: activity.customerId,
    kind: activity.kind as AgendaEntry['kind'],
    status: activity.status,
    at,
    endsAt: meeting?.endsAt,
    subject: activity.subject,
    location: meeting?.location,
    seq: activity.seq,
  };
};

/** The agenda entries of an activity as it is now: written (or overwritten) with each change of it. */
export const agendaItems = (activity: Activity): TransactItem[] =>
  agendaSlots(activity).map(({ userId, at }) => ({
    Put: {
      TableName: tableName(),
      Item: {
        ...activitiesKeys.agendaEntry(activities.key(activity), userId),
        ...activitiesKeys.agendaOf(userId, at, activity.activityId),
        type: 'agenda-entry',
        ...agendaEntry(activity, userId, at),
      },
    },
  }));

/**
 * Open to-dos by assignee and due time, each placement carrying its agenda entry: "overdue" reads
 * only a person's open to-dos, oldest due first, never their whole agenda history. Rewritten with
 * each change of the to-do while it is open; gone once it is done.
 */
export const openTodos = defineInbox<AgendaEntry>('open-todos');

const openTodoPlacement = (todo: Activity) =>
  todo.kind === 'todo' && todo.status === 'open'
    ? [openTodos.for(todo.assigneeId, todo.activityId, todo.dueAt, agendaEntry(todo, todo.assigneeId, todo.dueAt))]
    : [];

/**
 * Puts the open to-dos written before the overdue list existed into it: an operator's one-off Scan
 * (`npm run reindex`). Each placement is written only while its to-do is still open at the seq read,
 * so a to-do ticked off meanwhile is not put back; an existing placement is left as it is.
 */
export const reindexOpenTodos = async () => {
  let placed = 0;
  const openTodo = {
    expression: 'kind = :todo AND #status = :open',
    names: { '#status': 'status' },
    values: { ':todo': 'todo', ':open': 'open' },
  };
  for await (const item of scanType('activity', openTodo)) {
    const todo = activities.read(item);
    const key = activities.key(todo);
    const written = await transact([
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: key,
          ConditionExpression: '#status = :open AND seq = :seq',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':seq': todo.seq },
        },
      },
      ...openTodoPlacement(todo).map((placement) => putNew(placement.item(key))),
    ]);
    if (written.ok) placed++;
  }
  return placed;
};

/** An open to-do waits in the reminder queue until its due time. */
export const reminderPlacement = (todo: Activity) =>
  todo.kind === 'todo' && todo.status === 'open'
    ? [reminderQueue.at(todo.activityId, todo.dueAt, { customerId: todo.customerId })]
    : [];

const loggedEvent = (activity: Activity, actorId: string, now: Date) => {
  const facts: EventFacts<'ActivityLogged'> = {
    customerId: activity.customerId,
    activityId: activity.activityId,
    kind: activity.kind,
    actorId,
  };
  if (activity.kind === 'call') facts.outcome = activity.outcome;
  return outboxPut(catalogue.ActivityLogged, facts, now);
};

/** The writes that log an activity: the item, its agenda entries, its reminder, and ActivityLogged. */
export const logItems = (activity: Activity, actorId: string, now: Date): TransactItem[] =>
  activities.createItems(activity, {
    enqueue: [...reminderPlacement(activity), ...openTodoPlacement(activity)],
    events: [loggedEvent(activity, actorId, now)],
    also: agendaItems(activity),
  });

/** Inside a transaction: the customer is still there (not erased or merged away meanwhile). */
export const customerStillThere = (customerId: string): TransactItem => ({
  ConditionCheck: { TableName: tableName(), Key: keys.customer(customerId), ConditionExpression: itemExists },
});

/** An activity by id, read consistently from the table (the id index only says where it is). */
export const getActivity = async (activityId: string): Promise<Activity | undefined> => {
  const pointer = await findById(keys.activityById(activityId));
  return pointer ? activities.get(tableKeyOf(pointer)) : undefined;
};

/** The move of an activity with its agenda entries (and an open to-do's place) rewritten, so the agenda shows what the timeline does. */
export const moveActivity = (before: Activity, after: Activity, effects: MoveEffects) =>
  activities.move(before, after, {
    ...effects,
    enqueue: [...(effects.enqueue ?? []), ...openTodoPlacement(after)],
    dequeue: [...(effects.dequeue ?? []), openTodos.name],
    also: [...(effects.also ?? []), ...agendaItems(after)],
  });

/** One page of a customer's timeline, newest first; only activities (not what sits beside them). */
export const timelinePage = async (
  customerId: string,
  kind: ActivityKind | undefined,
  limit: number,
  cursor?: string,
) => {
  const page = await queryPage({
    partition: keys.customerPartition(customerId),
    range: { prefix: activitiesKeys.activitiesPrefix() },
    limit,
    cursor,
    filter: {
      expression: kind ? '#type = :activity AND #kind = :kind' : '#type = :activity',
      names: { '#type': 'type', ...(kind ? { '#kind': 'kind' } : {}) },
      values: { ':activity': 'activity', ...(kind ? { ':kind': kind } : {}) },
    },
  });
  return { activities: page.items.map((item) => fromItem<Activity>(item)), nextCursor: page.next };
};

/** Beyond this a week's agenda is cut (a person with more than this in a week has no agenda left to plan). */
const AGENDA_MAX = 500;

/** The agenda entries of these people between two instants (inclusive), in time order. */
export const agendaBetween = async (userIds: readonly string[], from: string, to: string) =>
  (
    await queryAll(
      {
        index: byAssignee,
        partition: userIds.map((userId) => activitiesKeys.agendaPartition(userId)),
        range: { from, to },
        order: 'oldest',
      },
      AGENDA_MAX,
    )
  ).map((item) => fromItem<AgendaEntry>(item));

/**
 * A person's open to-dos due before `now`, oldest due first. The list runs in due order, so a page
 * that reaches a to-do not yet due is the last (its cursor does not depend on `now`).
 */
export const overduePage = async (userId: string, now: Date, limit: number, cursor?: string) => {
  const page = await queryPage({
    index: byAssignee,
    partition: keys.inboxPartition(openTodos.name, userId),
    order: 'oldest',
    limit,
    cursor,
  });
  const open = page.items.map((item) => fromItem<QueueEntry<AgendaEntry>>(item));
  const due = open.filter((entry) => entry.at < now.toISOString());
  return { entries: due.map((entry) => entry.data), nextCursor: due.length < open.length ? undefined : page.next };
};
