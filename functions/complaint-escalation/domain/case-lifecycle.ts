// A case's lifecycle: open → acknowledged → in_progress → waiting_customer (SLA clock paused) →
// resolved → closed, and a resolved or closed case reopened within REOPEN_WITHIN_DAYS.

import { config } from '../../../shared/config.js';
import { defineLifecycle } from '../../../shared/lifecycle.js';

export const caseStatuses = ['open', 'acknowledged', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The statuses in which someone at the firm still owes the customer something. */
export const activeStatuses: readonly CaseStatus[] = ['open', 'acknowledged', 'in_progress', 'waiting_customer'];

export const caseLifecycle = defineLifecycle({
  name: 'case',
  states: caseStatuses,
  actions: {
    acknowledge: { from: ['open'], to: 'acknowledged' },
    start: { from: ['open', 'acknowledged'], to: 'in_progress' },
    askCustomer: { from: ['acknowledged', 'in_progress'], to: 'waiting_customer' },
    customerAnswered: { from: ['waiting_customer'], to: 'in_progress' },
    resolve: { from: ['acknowledged', 'in_progress', 'waiting_customer'], to: 'resolved' },
    close: { from: ['resolved'], to: 'closed' },
    reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
  },
  tr: {
    record: 'vaka',
    states: {
      open: 'Açık',
      acknowledged: 'Teslim alındı',
      in_progress: 'Üzerinde çalışılıyor',
      waiting_customer: 'Müşterinin yanıtı bekleniyor',
      resolved: 'Çözüldü',
      closed: 'Kapandı',
    },
    actions: {
      acknowledge: 'teslim alma',
      start: 'çalışmaya başlama',
      askCustomer: 'müşteriye sorma',
      customerAnswered: 'müşteri yanıtladı',
      resolve: 'çözme',
      close: 'kapatma',
      reopen: 'yeniden açma',
    },
  },
});
export type CaseAction = keyof typeof caseLifecycle.actions;

/** How long after resolution a case may be reopened; configurable with CASE_REOPEN_DAYS. */
export const reopenWithinDays = () => config.caseReopenDays();

/** Whether a low survey score reopens the case it answers (CASE_REOPEN_ON_LOW_SCORE=true); off by default. */
export const reopenOnLowScore = () => config.caseReopenOnLowScore();

/** A reopen is allowed only within the window after resolution. */
export const mayReopen = (resolvedAt: string | undefined, now: Date, days = reopenWithinDays()) =>
  resolvedAt !== undefined && now.getTime() - Date.parse(resolvedAt) <= days * 24 * 60 * 60 * 1000;

/**
 * Whether a low survey answer reopens its case: when so configured, while the case is still resolved
 * or closed within the reopen window, and only for an answer about its latest resolution (a case
 * resolved again since is not reopened by an old answer, nor by a redelivered event).
 */
export const reopensAfterLowScore = (
  c: { status: CaseStatus; resolvedAt?: string; survey?: { answeredAt: string } },
  now: Date,
  enabled = reopenOnLowScore(),
) =>
  enabled &&
  (c.status === 'resolved' || c.status === 'closed') &&
  c.resolvedAt !== undefined &&
  c.survey !== undefined &&
  c.survey.answeredAt >= c.resolvedAt &&
  mayReopen(c.resolvedAt, now);
