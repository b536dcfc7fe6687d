// A person's request under KVKK art. 11 (to see their data, or to have it erased), as the privacy
// officer works it: open when received, then answered (completed) or refused with the reason. The
// law gives the firm 30 days from receipt to answer.
import { defineLifecycle } from '../../../shared/lifecycle.js';

export const subjectRequestKinds = ['access', 'erasure'] as const;
export type SubjectRequestKind = (typeof subjectRequestKinds)[number];

export const subjectRequestStatuses = ['open', 'completed', 'refused'] as const;
export type SubjectRequestStatus = (typeof subjectRequestStatuses)[number];

export const subjectRequestLifecycle = defineLifecycle({
  name: 'subject request',
  states: subjectRequestStatuses,
  actions: {
    complete: { from: ['open'], to: 'completed' },
    refuse: { from: ['open'], to: 'refused' },
  },
  tr: {
    record: 'başvuru',
    states: { open: 'Açık', completed: 'Yanıtlandı', refused: 'Reddedildi' },
    actions: { complete: 'yanıtlama', refuse: 'reddetme' },
  },
});

/** KVKK art. 13: the answer is due at the latest thirty days after the request is received. */
export const ANSWER_DAYS = 30;

export const dueAt = (receivedAt: string) =>
  new Date(Date.parse(receivedAt) + ANSWER_DAYS * 24 * 3600 * 1000).toISOString();

/** Open past its due instant: the firm is late. */
export const isOverdue = (request: { status: SubjectRequestStatus; dueAt: string }, now: Date) =>
  request.status === 'open' && Date.parse(request.dueAt) < now.getTime();
