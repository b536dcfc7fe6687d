// The keys of each person's agenda in the one table (its shape and the platform's keys: shared/table.ts).
// Beside a customer's ACTIVITY#<occurredAt>#<activityId> (a platform item: mails write it too), each
// person's …#AGENDA#<userId> with gsi1 AGENDA#<userId> by start or due instant.
import { type Key, timeOrdered } from '../../shared/table.js';

export const activitiesKeys = {
  activitiesPrefix: () => 'ACTIVITY#',
  /** One per person who has the activity on their agenda, beside it: an item carries one gsi1 key only. */
  agendaEntry: (activity: Key, userId: string): Key => ({ pk: activity.pk, sk: `${activity.sk}#AGENDA#${userId}` }),
  /** A user's agenda by start or due instant: one person's pace, unsharded. */
  agendaOf: (userId: string, startsAt: string, activityId: string) => ({
    gsi1pk: `AGENDA#${userId}`,
    gsi1sk: timeOrdered(startsAt, activityId),
  }),
  agendaPartition: (userId: string) => `AGENDA#${userId}`,
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'agenda-entry': true;
  }
}
