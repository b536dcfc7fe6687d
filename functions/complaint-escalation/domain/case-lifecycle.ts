// A case's lifecycle: open → acknowledged → in_progress → waiting_customer (SLA clock paused) →
// resolved → closed, and a resolved or closed case reopened within REOPEN_WITHIN_DAYS.
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
});
export type CaseAction = keyof typeof caseLifecycle.actions;

/** How long after resolution a case may be reopened; configurable with PUSULA_CASE_REOPEN_DAYS. */
export const reopenWithinDays = () => Number(process.env.PUSULA_CASE_REOPEN_DAYS ?? 14);

/** A reopen is allowed only within the window after resolution. */
export const mayReopen = (resolvedAt: string | undefined, now: Date, days = reopenWithinDays()) =>
  resolvedAt !== undefined && now.getTime() - Date.parse(resolvedAt) <= days * 24 * 60 * 60 * 1000;
