// The customer record's timeline: every activity's summary, and the call center's last contacts.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import type { Activity } from './domain/activity.js';
import { activitiesKeys } from './keys.js';

export const timelineRecordPart = recordPart({
  prefix: activitiesKeys.activitiesPrefix(),
  type: 'activity',
  schema: z.strictObject({
    activityId: z.string(),
    kind: z.string(),
    status: z.string(),
    subject: z.optional(z.string()),
    outcome: z.optional(z.string()),
    dueAt: z.optional(z.string()),
    template: z.optional(z.string()),
    occurredAt: z.string(),
    createdBy: z.string(),
  }),
  summary: (a: Activity) => ({
    activityId: a.activityId,
    kind: a.kind,
    status: a.status,
    subject: a.subject,
    outcome: a.kind === 'call' ? a.outcome : undefined,
    dueAt: a.kind === 'todo' ? a.dueAt : undefined,
    template: a.kind === 'email' || a.kind === 'sms' ? a.template : undefined,
    occurredAt: a.occurredAt,
    createdBy: a.createdBy,
  }),
  lookup: { name: 'lastActivities' },
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { timeline: timelineRecordPart };
