// A customer's activities, one timeline: calls, visits, meetings, to-dos, notes, and every e-mail the
// CRM sent them (logged by the mail module). The rules here are plain functions, tested alone.
import { defineLifecycle } from '../../../shared/lifecycle.js';
import type { FieldProblem } from '../../../shared/problems.js';

export const activityKinds = ['call', 'visit', 'meeting', 'todo', 'note', 'email', 'sms'] as const;
export type ActivityKind = (typeof activityKinds)[number];
/** What staff log through the API; `email` entries are written by the mail module alone. */
export const loggedKinds = ['call', 'visit', 'meeting', 'todo', 'note'] as const satisfies readonly ActivityKind[];
export type LoggedKind = (typeof loggedKinds)[number];

export const callDirections = ['in', 'out'] as const;
export const callOutcomes = [
  'reached',
  'no-answer',
  'busy',
  'callback-requested',
  'interested',
  'not-interested',
  /** The call closed a sale. */
  'sale',
  /** The caller complained: what about goes in `notes` (a case is opened on its own route). */
  'complaint',
] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** A to-do is open until done (and may be reopened); every other activity is a record, `logged`. */
export const todoLifecycle = defineLifecycle({
  name: 'to-do',
  states: ['open', 'done'] as const,
  actions: { complete: { from: ['open'], to: 'done' }, reopen: { from: ['done'], to: 'open' } },
  tr: {
    record: 'yapılacak iş',
    states: { open: 'Açık', done: 'Yapıldı' },
    actions: { complete: 'tamamlama', reopen: 'yeniden açma' },
  },
});
export type TodoStatus = (typeof todoLifecycle.states)[number];

interface Common {
  activityId: string;
  customerId: string;
  subject?: string;
  notes?: string;
  /** Where it sits on the timeline: a call's start, a meeting's start, when a to-do or note was written, when a mail was sent. */
  occurredAt: string;
  /** A user id, or `system` for mail. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  seq: number;
}

export interface CallActivity extends Common {
  kind: 'call';
  status: 'logged';
  direction: (typeof callDirections)[number];
  agentId: string;
  startedAt: string;
  endedAt: string;
  outcome: CallOutcome;
  /** When the customer asked to be called back: the to-do `callbackTodoId` is due then. */
  callbackAt?: string;
  callbackTodoId?: string;
}

export interface MeetingActivity extends Common {
  kind: 'visit' | 'meeting';
  status: 'logged';
  startsAt: string;
  endsAt: string;
  location?: string;
  /** User ids: each has it on their agenda. */
  participants: string[];
}

export interface TodoActivity extends Common {
  kind: 'todo';
  status: TodoStatus;
  dueAt: string;
  assigneeId: string;
  doneAt?: string;
  /** The call whose callback request made this to-do. */
  callbackOf?: string;
}

export interface NoteActivity extends Common {
  kind: 'note';
  status: 'logged';
}

/** Written by shared/mail.ts when SES accepts a mail to the customer: never the body or the address. */
export interface EmailActivity extends Common {
  kind: 'email';
  status: 'logged';
  template: string;
  sentAt: string;
  messageId: string;
}

/** Written by shared/mail.ts when the SMS service accepts a text to the customer: never the text or the number. */
export interface TextActivity extends Common {
  kind: 'sms';
  status: 'logged';
  template: string;
  sentAt: string;
  messageId: string;
  segments?: number;
}

/** What the CRM sent the customer itself: a record, never edited. */
export const sentKinds: readonly ActivityKind[] = ['email', 'sms'];

export type Activity = CallActivity | MeetingActivity | TodoActivity | NoteActivity | EmailActivity | TextActivity;

/** What a caller sends to log one (instants already ISO UTC); the rest is filled in on logging. */
export type ActivityInput =
  | (Pick<
      CallActivity,
      'kind' | 'direction' | 'startedAt' | 'endedAt' | 'outcome' | 'callbackAt' | 'subject' | 'notes'
    > & { agentId?: string })
  | (Pick<MeetingActivity, 'kind' | 'startsAt' | 'endsAt' | 'location' | 'subject' | 'notes'> & {
      participants?: string[];
    })
  | (Pick<TodoActivity, 'kind' | 'dueAt' | 'subject' | 'notes'> & { assigneeId?: string })
  | Pick<NoteActivity, 'kind' | 'subject' | 'notes'>;

/** The rules across fields, each refusal naming its field; empty when the input holds together. */
export const activityProblems = (input: ActivityInput): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (input.kind === 'call') {
    if (input.endedAt < input.startedAt)
      problems.push({ path: 'endedAt', message: { en: 'Before `startedAt`.', tr: '`startedAt` zamanından önce.' } });
    if (input.outcome === 'callback-requested') {
      if (input.callbackAt === undefined) {
        problems.push({
          path: 'callbackAt',
          message: {
            en: 'Required when the outcome is callback-requested.',
            tr: 'Sonuç callback-requested olduğunda zorunlu.',
          },
        });
      } else if (input.callbackAt <= input.endedAt) {
        problems.push({
          path: 'callbackAt',
          message: { en: 'Must be after the call ended.', tr: 'Görüşme bittikten sonra olmalı.' },
        });
      }
    } else if (input.callbackAt !== undefined) {
      problems.push({
        path: 'callbackAt',
        message: { en: 'Only for the outcome callback-requested.', tr: 'Yalnızca callback-requested sonucu için.' },
      });
    }
    if (input.outcome === 'complaint' && !input.notes) {
      problems.push({
        path: 'notes',
        message: {
          en: 'Say what the complaint is about when the outcome is complaint.',
          tr: 'Sonuç şikâyet olduğunda şikâyetin ne hakkında olduğunu yazın.',
        },
      });
    }
  }
  if ((input.kind === 'visit' || input.kind === 'meeting') && input.endsAt < input.startsAt) {
    problems.push({ path: 'endsAt', message: { en: 'Before `startsAt`.', tr: '`startsAt` zamanından önce.' } });
  }
  if (input.kind === 'note' && !input.notes)
    problems.push({ path: 'notes', message: { en: 'A note needs its text.', tr: 'Notun bir metni olmalı.' } });
  return problems;
};

/** Where a new activity sits on the timeline (instants compare as ISO UTC strings). */
export const occurredAtOf = (input: ActivityInput, now: string) =>
  input.kind === 'call' ? input.startedAt : input.kind === 'visit' || input.kind === 'meeting' ? input.startsAt : now;

/** Who has it on their agenda, and at which instant: meetings and visits for each participant, a to-do for its assignee. */
export const agendaSlots = (activity: Activity): { userId: string; at: string }[] => {
  if (activity.kind === 'visit' || activity.kind === 'meeting')
    return activity.participants.map((userId) => ({ userId, at: activity.startsAt }));
  if (activity.kind === 'todo') return [{ userId: activity.assigneeId, at: activity.dueAt }];
  return [];
};

/**
 * Who calls a customer back: the first of the customer's owners (in id order) who is a person in the
 * directory — owners also hold dealers, which are not people — else the agent who took the call.
 */
export const callbackAssignee = (ownerIds: readonly string[], isPerson: (id: string) => boolean, agentId: string) =>
  [...ownerIds].sort().find(isPerson) ?? agentId;

/** Who and when: what logging adds to the caller's input. */
export interface LogContext {
  activityId: string;
  customerId: string;
  actorId: string;
  /** ISO UTC. */
  now: string;
}

/** The activity an input logs; people left out default to the caller. */
export const newActivity = (input: ActivityInput, context: LogContext): Activity => {
  const { activityId, customerId, actorId, now } = context;
  const base = {
    activityId,
    customerId,
    subject: input.subject,
    notes: input.notes,
    occurredAt: occurredAtOf(input, now),
    createdBy: actorId,
    createdAt: now,
    updatedAt: now,
    seq: 1,
  };
  switch (input.kind) {
    case 'call': {
      const { direction, startedAt, endedAt, outcome, callbackAt } = input;
      return {
        ...base,
        kind: 'call',
        status: 'logged',
        direction,
        agentId: input.agentId ?? actorId,
        startedAt,
        endedAt,
        outcome,
        callbackAt,
      };
    }
    case 'visit':
    case 'meeting': {
      const { kind, startsAt, endsAt, location } = input;
      return {
        ...base,
        kind,
        status: 'logged',
        startsAt,
        endsAt,
        location,
        participants: input.participants ?? [actorId],
      };
    }
    case 'todo':
      return { ...base, kind: 'todo', status: 'open', dueAt: input.dueAt, assigneeId: input.assigneeId ?? actorId };
    case 'note':
      return { ...base, kind: 'note', status: 'logged' };
  }
};

/** The to-do a callback request makes: due at the time the customer asked for, linked to the call. */
export const callbackTodo = (
  call: CallActivity & { callbackAt: string },
  todoId: string,
  assigneeId: string,
): TodoActivity => ({
  activityId: todoId,
  customerId: call.customerId,
  kind: 'todo',
  status: 'open',
  dueAt: call.callbackAt,
  assigneeId,
  callbackOf: call.activityId,
  // What the call was about travels with the callback, to the agenda and the reminder.
  subject: call.subject,
  notes: call.notes,
  occurredAt: call.createdAt,
  createdBy: call.createdBy,
  createdAt: call.createdAt,
  updatedAt: call.createdAt,
  seq: 1,
});
