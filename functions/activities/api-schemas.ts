// The activity and agenda routes' request and response schemas: the manifest declares them on the
// routes, the handlers get their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { activityKinds, callDirections, callOutcomes, todoLifecycle } from './domain/activity.js';
import { isIsoWeek } from './domain/week.js';

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });
export const activityParams = z.strictObject({ customerId: z.string(), activityId: z.string() });

/** An instant with its offset (`2026-03-02T14:30:00+03:00` or `…Z`), stored as ISO UTC. */
const instant = z.iso
  .datetime({
    offset: true,
    ...z.said({
      en: 'Not an instant like 2026-03-02T14:30:00+03:00.',
      tr: '2026-03-02T14:30:00+03:00 gibi bir zaman değil.',
    }),
  })
  .check(z.overwrite((value) => new Date(value).toISOString()));
const userId = z.requiredLine(100);
const common = { subject: z.optional(z.requiredLine(200)), notes: z.optional(z.text(4000)) };

const callBody = z.strictObject({
  kind: z.literal('call'),
  direction: z.enum(callDirections),
  /** The agent who took or made the call; the caller when absent. */
  agentId: z.optional(userId),
  startedAt: instant,
  endedAt: instant,
  outcome: z.enum(callOutcomes),
  /** Required with the outcome callback-requested: the to-do for the callback is due then. */
  callbackAt: z.optional(instant),
  ...common,
});

const meetingBody = z.strictObject({
  kind: z.enum(['visit', 'meeting']),
  startsAt: instant,
  endsAt: instant,
  location: z.optional(z.requiredLine(200)),
  /** Who takes part (user ids); the caller when absent. */
  participants: z.optional(
    z.array(userId).check(
      z.minLength(1, z.said({ en: 'At least one.', tr: 'En az bir kişi.' })),
      z.maxLength(20, z.said({ en: 'At most 20.', tr: 'En çok 20 kişi.' })),
      z.refine(
        (ids) => new Set(ids).size === ids.length,
        z.said({ en: 'Each participant once.', tr: 'Her katılımcı bir kez.' }),
      ),
    ),
  ),
  ...common,
});

const todoBody = z.strictObject({
  kind: z.literal('todo'),
  dueAt: instant,
  /** Who is to do it (a user id); the caller when absent. */
  assigneeId: z.optional(userId),
  ...common,
});

const noteBody = z.strictObject({ kind: z.literal('note'), ...common });

export const logActivityBody = z.discriminatedUnion('kind', [callBody, meetingBody, todoBody, noteBody]);

export const updateActivityBody = z
  .strictObject({
    /** The seq the caller saw: an edit based on a stale screen is refused. */
    seq: z.optional(z.int().check(z.positive())),
    /** New notes; an empty string removes them. */
    notes: z.optional(z.text(4000)),
    /** A to-do only: done, or open again. */
    done: z.optional(z.boolean()),
  })
  .check(
    z.refine((b) => b.notes !== undefined || b.done !== undefined, {
      ...z.said({ en: 'Send `notes` or `done`.', tr: '`notes` veya `done` gönderin.' }),
      path: ['notes'],
    }),
  );

export const timelineQuery = z.strictObject({
  kind: z.optional(z.enum(activityKinds)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

const week = z.optional(
  z
    .string()
    .check(
      z.refine(isIsoWeek, z.said({ en: 'Not an ISO week like 2026-W03.', tr: '2026-W03 gibi bir ISO haftası değil.' })),
    ),
);
export const agendaQuery = z.strictObject({ user: z.optional(userId), week });
export const teamAgendaQuery = z.strictObject({ team: z.optional(z.requiredLine(100)), week });
export const overdueQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

export const activity = z.looseObject({
  activityId: z.string(),
  customerId: z.string(),
  kind: z.enum(activityKinds),
  status: z.enum(['logged', ...todoLifecycle.states]),
  seq: z.int(),
  subject: z.optional(z.string()),
  notes: z.optional(z.string()),
  occurredAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const loggedActivity = z.strictObject({
  activity,
  /** A call whose outcome is callback-requested: the to-do it made for the callback. */
  callbackTodo: z.optional(activity),
});

export const timelinePage = z.strictObject({ activities: z.array(activity), nextCursor: z.optional(z.string()) });

const agendaEntry = z.strictObject({
  userId: z.string(),
  activityId: z.string(),
  customerId: z.string(),
  kind: z.enum(['visit', 'meeting', 'todo']),
  status: z.string(),
  /** When it starts, or when the to-do is due (ISO UTC). */
  at: z.string(),
  endsAt: z.optional(z.string()),
  subject: z.optional(z.string()),
  location: z.optional(z.string()),
  /** The activity's seq when the entry was written (entries are rewritten with each change): a change sends it. */
  seq: z.optional(z.int()),
});

/**
 * `from` and `to`: the week's first and last instant (ISO UTC), Monday 00:00 to Sunday 23:59:59.999
 * Istanbul time; `previous` and `next` name the weeks either side.
 */
const agendaWeek = {
  week: z.string(),
  from: z.string(),
  to: z.string(),
  previous: z.string(),
  next: z.string(),
  entries: z.array(agendaEntry),
};
export const agenda = z.strictObject({ userId: z.string(), ...agendaWeek });
export const teamAgenda = z.strictObject({ teamId: z.string(), members: z.array(z.string()), ...agendaWeek });
/** The caller's open to-dos past their due time, oldest due first, whatever week they fell in. */
export const overdueTodos = z.strictObject({
  userId: z.string(),
  entries: z.array(agendaEntry),
  nextCursor: z.optional(z.string()),
});
