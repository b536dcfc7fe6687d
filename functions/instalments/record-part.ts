// The customer record's instalments part: each order's instalments with due dates, paid, due or overdue today.
import { clockNow } from '../../shared/clock.js';
import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import { istanbulDate } from '../../shared/time.js';
import { type InstalmentPlan, statesOn } from './domain/plan.js';
import { instalmentsKeys } from './keys.js';

const money = z.strictObject({ amount: z.int(), currency: z.string() });
export const instalmentState = z.strictObject({
  n: z.int(),
  dueDate: z.string(),
  amount: money,
  covered: money,
  status: z.enum(['paid', 'due', 'overdue']),
  remindedAt: z.optional(z.string()),
});

/** The plan as shown: its instalments' states on `today`. */
export const planView = (plan: InstalmentPlan, today = istanbulDate(clockNow())) => ({
  orderId: plan.orderId,
  customerId: plan.customerId,
  ownerId: plan.ownerId,
  paid: { amount: plan.paid, currency: plan.currency },
  instalments: statesOn(plan, today).map(({ n, dueDate, amount, covered, status, remindedAt }) => ({
    n,
    dueDate,
    amount,
    covered,
    status,
    ...(remindedAt ? { remindedAt } : {}),
  })),
});

export const planSchema = z.strictObject({
  orderId: z.string(),
  customerId: z.string(),
  ownerId: z.string(),
  paid: money,
  instalments: z.array(instalmentState),
});

export const instalmentsRecordPart = recordPart({
  prefix: instalmentsKeys.plansPrefix(),
  type: 'instalment-plan',
  schema: planSchema,
  summary: (plan: InstalmentPlan) => planView(plan),
  // What was sold on credit stays with the order's books; the plan holds no personal field.
  erase: (plan: InstalmentPlan) => ({ keep: plan }),
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { instalments: instalmentsRecordPart };
