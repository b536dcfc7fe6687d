// The activity use cases: log one (a callback request makes its to-do in the same transaction), edit
// notes or tick a to-do off (guarded by seq), read the timeline and the agendas, and the sweep that
// hands due to-dos to the reminder mail.

import { isId, type Viewer, viewerOf } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { customerItemVisibleTo, customers } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { getTeam, getUser } from '../../shared/directory.js';
import { advance, refuseStale } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, records } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  ProblemError,
  ValidationError,
} from '../../shared/problems.js';
import { keys } from '../../shared/table.js';
import { sweep } from '../../shared/work-queue.js';
import { customerViewerOf } from '../customers/public.js';
import { catalogue } from '../event-table.js';
import {
  activities,
  agendaBetween,
  customerStillThere,
  getActivity,
  logItems,
  moveActivity,
  overduePage,
  reminderPlacement,
  reminderQueue,
} from './activity-store.js';
import {
  type Activity,
  type ActivityInput,
  activityProblems,
  callbackAssignee,
  callbackTodo,
  newActivity,
  sentKinds,
  type TodoActivity,
  todoLifecycle,
} from './domain/activity.js';
import { adjacentWeeks, istanbulWeekBounds, istanbulWeekOf } from './domain/week.js';

type Item = Record<string, unknown>;

/** The customer's stored profile (owners included), if the caller may work with them; otherwise 404. */
export const customerFor = async (actor: Actor, customerId: string): Promise<Item> => {
  const found = isId(customerId) ? ((await customers.get(keys.customer(customerId))) as Item | undefined) : undefined;
  if (!found || !customerItemVisibleTo(await customerViewerOf(actor), found)) throw new NotFoundError(records.customer);
  return found;
};

/** Every user id the caller named must be someone in the directory. */
const checkPeople = async (named: { path: string; userId: string | undefined }[]) => {
  const given = named.filter((n): n is { path: string; userId: string } => n.userId !== undefined);
  const found = await Promise.all(given.map(async (n) => ((await getUser(n.userId)) ? undefined : n)));
  const unknown = found.filter((n) => n !== undefined);
  if (unknown.length) {
    const problems: FieldProblem[] = unknown.map((n) => ({
      path: n.path,
      message: { en: `No user ${n.userId}.`, tr: `${n.userId} adlı kullanıcı yok.` },
    }));
    throw new ProblemError(
      422,
      'unknown-user',
      { en: 'A person named is not in the directory.', tr: 'Adı geçen bir kişi dizinde yok.' },
      problems,
    );
  }
};

const namedPeople = (input: ActivityInput) => {
  if (input.kind === 'call') return [{ path: 'agentId', userId: input.agentId }];
  if (input.kind === 'todo') return [{ path: 'assigneeId', userId: input.assigneeId }];
  if (input.kind === 'visit' || input.kind === 'meeting')
    return (input.participants ?? []).map((userId, i) => ({ path: `participants.${i}`, userId }));
  return [];
};

/** Whom a callback goes to (see `callbackAssignee`): the owners that are people in the directory, in id order. */
const callbackOwner = async (customer: Item, agentId: string) => {
  const owners = [...((customer.ownerIds as Set<string> | undefined) ?? [])].sort();
  const people = new Set(
    (await Promise.all(owners.map(async (id) => ((await getUser(id)) ? id : undefined)))).filter(
      (id) => id !== undefined,
    ),
  );
  return callbackAssignee(owners, (id) => people.has(id), agentId);
};

export interface Logged {
  activity: Activity;
  callbackTodo?: TodoActivity;
}

/** Logs an activity for a customer the caller reaches; a call with a callback request also makes its to-do. */
export const logActivity = async (
  actor: Actor,
  customer: Item,
  input: ActivityInput,
  record: Recorder,
  now = clockNow(),
): Promise<Logged> => {
  const problems = activityProblems(input);
  if (problems.length) throw new ValidationError(problems);
  await checkPeople(namedPeople(input));
  const customerId = String(customer.customerId);
  const at = now.toISOString();
  const activity = newActivity(input, { activityId: newId(), customerId, actorId: actor.userId, now: at });
  let todo: TodoActivity | undefined;
  if (activity.kind === 'call' && activity.outcome === 'callback-requested' && activity.callbackAt) {
    todo = callbackTodo(
      { ...activity, callbackAt: activity.callbackAt },
      newId(),
      await callbackOwner(customer, activity.agentId),
    );
    activity.callbackTodoId = todo.activityId;
  }
  const answer: Logged = { activity, ...(todo ? { callbackTodo: todo } : {}) };
  const written = await transact([
    customerStillThere(customerId),
    ...logItems(activity, actor.userId, now),
    ...(todo ? logItems(todo, actor.userId, now) : []),
    ...record(answer),
  ]);
  if (!written.ok) {
    if (written.reasons[0]) throw new NotFoundError(records.customer);
    // Only the stored answer can be in the way: a duplicate request won, and `once` answers with its answer.
    throw new ConflictError('request-in-progress', {
      en: 'A request with this Idempotency-Key is in progress.',
      tr: 'Bu Idempotency-Key ile bir istek sürüyor.',
    });
  }
  return answer;
};

/** A to-do another module raises for a person (the CRM noticed something): the writes, for its transaction. */
export const systemTodoItems = (
  todo: { customerId: string; assigneeId: string; dueAt: string; subject: string; notes?: string },
  now = clockNow(),
) => {
  const at = now.toISOString();
  const activity: TodoActivity = {
    activityId: newId(),
    kind: 'todo',
    status: 'open',
    ...todo,
    occurredAt: at,
    createdBy: 'system',
    createdAt: at,
    updatedAt: at,
    seq: 1,
  };
  return { todo: activity, items: [customerStillThere(todo.customerId), ...logItems(activity, 'system', now)] };
};

/** A note another module leaves on a customer's timeline (a letter posted): the writes, for its transaction. */
export const systemNoteItems = (
  note: { customerId: string; actorId: string; subject: string; notes?: string },
  now = clockNow(),
) => {
  const { customerId, actorId, subject, notes } = note;
  const activity = newActivity(
    { kind: 'note', subject, notes },
    { activityId: newId(), customerId, actorId, now: now.toISOString() },
  );
  return [customerStillThere(customerId), ...logItems(activity, actorId, now)];
};

export interface ActivityChange {
  seq?: number;
  notes?: string;
  done?: boolean;
}

/** Edits the notes or ticks a to-do off (or opens it again), only while it is at the seq it was read at. */
export const changeActivity = async (
  customerId: string,
  activityId: string,
  change: ActivityChange,
  actorId: string,
  now = clockNow(),
) => {
  const current = isId(activityId) ? await getActivity(activityId) : undefined;
  if (!current || current.customerId !== customerId) throw new NotFoundError(records.activity);
  if (sentKinds.includes(current.kind)) {
    throw new ConflictError('activity-read-only', {
      en: 'A mail or text sent to the customer is a record: it cannot be edited.',
      tr: 'Müşteriye gönderilmiş bir e-posta veya kısa mesaj kayıttır: düzenlenemez.',
    });
  }
  refuseStale(current, change.seq, 'activity-changed', records.activity);
  if (change.done !== undefined && current.kind !== 'todo') {
    throw new ValidationError([
      { path: 'done', message: { en: 'Only a to-do is done.', tr: 'Yalnızca yapılacak bir iş tamamlanabilir.' } },
    ]);
  }
  const action =
    current.kind === 'todo' && change.done !== undefined && change.done !== (current.status === 'done')
      ? todoLifecycle.actionTo(current.status, change.done ? 'done' : 'open')
      : undefined;
  const notes = change.notes === undefined ? current.notes : change.notes || undefined;
  if (!action && notes === current.notes) return current;
  const at = now.toISOString();
  let after = advance(current, { notes, updatedAt: at } as Partial<Activity>) as Activity;
  if (action && after.kind === 'todo') {
    after = {
      ...after,
      status: todoLifecycle.apply(after.status, action),
      doneAt: action === 'complete' ? at : undefined,
    };
  }
  const moved = await moveActivity(current, after, {
    history: { actorId, action: action ?? 'edit-notes', via: 'api' },
    // Done before its time: out of the reminder queue. Open again: back in it.
    dequeue: action === 'complete' ? [reminderQueue.name] : [],
    enqueue: action === 'reopen' ? reminderPlacement(after) : [],
  });
  if (!moved) throw new ConflictError('activity-changed', changedMeanwhile(records.activity));
  return after;
};

// ---- agendas ------------------------------------------------------------------------------------

const weekOf = (week: string | undefined, now: Date) => {
  const name = week ?? istanbulWeekOf(now);
  return { week: name, ...istanbulWeekBounds(name), ...adjacentWeeks(name) };
};

/** Whose agenda the caller may read: their own always; someone else's if the caller's reach covers them. */
const agendaOwner = async (viewer: Viewer, userId: string) => {
  if (userId === viewer.actor.userId) return;
  const user = viewer.reach === 'all' || viewer.reach === 'team' ? await getUser(userId) : undefined;
  const reached = user && (viewer.reach === 'all' || (viewer.reach === 'team' && user.teamId === viewer.teamId));
  if (!reached) throw new NotFoundError({ en: 'The agenda', tr: 'Ajanda' });
};

export const userAgenda = async (actor: Actor, query: { user?: string; week?: string }, now = clockNow()) => {
  const userId = query.user ?? actor.userId;
  await agendaOwner(await viewerOf(actor), userId);
  const week = weekOf(query.week, now);
  return { userId, ...week, entries: await agendaBetween([userId], week.from, week.to) };
};

const teamAgendaRecord = { en: 'The team agenda', tr: 'Ekip ajandası' };

/** A team's week: each member's agenda partition read and merged in time order. A team's manager, or someone who reaches everyone. */
export const teamAgenda = async (actor: Actor, query: { team?: string; week?: string }, now = clockNow()) => {
  const viewer = await viewerOf(actor);
  const teamId = query.team ?? viewer.teamId;
  if (!teamId) {
    if (viewer.reach === 'all')
      throw new ValidationError([{ path: 'team', message: { en: 'Name the team.', tr: 'Ekibi belirtin.' } }]);
    throw new NotFoundError(teamAgendaRecord);
  }
  const team =
    viewer.reach === 'all' || (viewer.reach === 'team' && viewer.teamId === teamId) ? await getTeam(teamId) : undefined;
  if (!team) throw new NotFoundError(teamAgendaRecord);
  const members = team.members.map((m) => m.userId);
  const week = weekOf(query.week, now);
  return { teamId, members, ...week, entries: await agendaBetween(members, week.from, week.to) };
};

/** The caller's own open to-dos past due, any week: what the agenda's week cannot say alone. */
export const overdueTodos = async (actor: Actor, query: { limit: number; cursor?: string }, now = clockNow()) => ({
  userId: actor.userId,
  ...(await overduePage(actor.userId, now, query.limit, query.cursor)),
});

// ---- reminders ------------------------------------------------------------------------------------

const SWEEP_BATCH = 200;

/** To-dos due by `now` and still open → TodoReminderDue, once each (the sweep's claim is in the same transaction). */
export const remindDueTodos = async (now = clockNow()) => {
  const { due, acted, dropped } = await sweep(reminderQueue, now, SWEEP_BATCH, async ({ entity }) => {
    const todo = await activities.get(entity);
    if (todo?.kind !== 'todo' || todo.status !== 'open') return 'drop';
    const event = outboxPut(
      catalogue.TodoReminderDue,
      { customerId: todo.customerId, activityId: todo.activityId, assigneeId: todo.assigneeId, dueAt: todo.dueAt },
      now,
    );
    return { writes: [activities.unchangedCheck(todo), event] };
  });
  return { due, reminded: acted, dropped };
};
