// An order's instalments past the quote: when each falls due, what the ERP's payments cover (oldest
// instalment first), which are overdue, and when the owner is reminded — a set number of working days
// before each due date, at the opening of that day, each instalment once.
import { workingDaysBefore } from '../../../shared/business-hours.js';
import type { Money } from '../../../shared/money.js';

/** Working days ahead of a due date that the owner hears of it. */
export const REMINDER_WORKING_DAYS = 3;

export interface PlanInstalment {
  n: number;
  dueDate: string;
  amount: Money;
  remindedAt?: string;
}

export interface InstalmentPlan {
  orderId: string;
  customerId: string;
  ownerId: string;
  currency: string;
  instalments: PlanInstalment[];
  /** The payments the ERP posted against the order, in minor units, summed. */
  paid: number;
  /** The ERP's payment ids already counted: a payment event delivered twice is counted once. */
  paymentIds: string[];
  seq: number;
  createdAt: string;
  updatedAt: string;
}

export type InstalmentStatus = 'paid' | 'due' | 'overdue';

export interface InstalmentState extends PlanInstalment {
  status: InstalmentStatus;
  /** What the payments cover of this instalment, oldest instalment first. */
  covered: Money;
}

/**
 * Each instalment's state on `today` (an Istanbul date): paid when the payments cover it whole,
 * overdue from the day after its due date, due until then.
 */
export const statesOn = (plan: Pick<InstalmentPlan, 'instalments' | 'paid'>, today: string): InstalmentState[] => {
  let left = plan.paid;
  return plan.instalments.map((instalment) => {
    const covered = Math.min(left, instalment.amount.amount);
    left -= covered;
    const status: InstalmentStatus =
      covered === instalment.amount.amount ? 'paid' : instalment.dueDate < today ? 'overdue' : 'due';
    return { ...instalment, status, covered: { amount: covered, currency: instalment.amount.currency } };
  });
};

/** The oldest instalment the payments do not cover whole, if any: what the overdue list sorts by. */
export const firstUnpaid = (plan: Pick<InstalmentPlan, 'instalments' | 'paid'>) =>
  statesOn(plan, '0000-00-00').find((state) => state.status !== 'paid');

/** The instant the owner is reminded of a due date: the opening of the working day N working days before. */
export const reminderAt = (dueDate: string, days = REMINDER_WORKING_DAYS) => workingDaysBefore(dueDate, days).opensAt;

/** The next instalment to remind of: the first not yet reminded and not yet paid. */
export const nextReminder = (plan: Pick<InstalmentPlan, 'instalments' | 'paid'>) => {
  const next = statesOn(plan, '0000-00-00').find((state) => !state.remindedAt && state.status !== 'paid');
  return next && { n: next.n, at: reminderAt(next.dueDate).toISOString() };
};
