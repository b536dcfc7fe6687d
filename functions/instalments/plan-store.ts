// Instalment plans in their customer's partition: made once from an order that carries a payment
// plan, paid down by the ERP's payments (each counted once), reminded of instalment by instalment
// through a due-time queue, and listed for managers while their oldest unpaid instalment is overdue.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { MailInProgressError, onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { queryAll } from '../../shared/query.js';
import { byAssignee, fromItem, type Key } from '../../shared/table.js';
import { DAY_MS, istanbulDate, parseIsoDate } from '../../shared/time.js';
import { defineDueQueue, sweep } from '../../shared/work-queue.js';
import { getOrder, orderNumber } from '../order-routing/public.js';
import { firstUnpaid, type InstalmentPlan, nextReminder, statesOn } from './domain/plan.js';
import { instalmentsKeys } from './keys.js';
import { instalmentReminder } from './templates/reminder.js';

/** The next instalment the owner is to hear of, by the instant they should. */
export const reminderQueue = defineDueQueue<{ n: number }>('instalment-reminder');

const keyOf = (plan: Pick<InstalmentPlan, 'customerId' | 'orderId'>) =>
  instalmentsKeys.plan(plan.customerId, plan.orderId);

const itemOf = (plan: InstalmentPlan) => {
  const unpaid = firstUnpaid(plan);
  return {
    ...keyOf(plan),
    type: 'instalment-plan',
    ...plan,
    ...(unpaid ? instalmentsKeys.unpaid(unpaid.dueDate, plan.orderId) : {}),
  };
};

/** The plan and where it waits for its next reminder, written at the seq it was read at. */
const planWrites = (before: InstalmentPlan | undefined, after: InstalmentPlan): TransactItem[] => {
  const next = nextReminder(after);
  const placement = next && reminderQueue.at(after.orderId, next.at, { n: next.n }).item(keyOf(after));
  const put: TransactItem = before
    ? {
        Put: {
          TableName: tableName(),
          Item: itemOf(after),
          ConditionExpression: '#seq = :seq',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':seq': before.seq },
        },
      }
    : putNew(itemOf(after));
  return [put, ...(placement ? [{ Put: { TableName: tableName(), Item: placement } }] : [])];
};

export const getPlan = async (customerId: string, orderId: string) => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: instalmentsKeys.plan(customerId, orderId), ConsistentRead: true }),
  );
  return found.Item ? fromItem<InstalmentPlan>(found.Item) : undefined;
};

/** On OrderCreated: an order that carries a payment plan gets its instalments, once. */
export const planFromOrder = async (detail: { customerId: string; orderId: string }, now = clockNow()) => {
  const order = await getOrder(detail.customerId, detail.orderId);
  if (!order?.paymentPlan?.length) return { status: 'skipped' as const };
  const at = now.toISOString();
  const plan: InstalmentPlan = {
    orderId: order.orderId,
    customerId: order.customerId,
    ownerId: order.ownerId,
    currency: order.currency,
    instalments: order.paymentPlan.map((part, i) => ({ n: i + 1, dueDate: part.dueDate, amount: part.amount })),
    paid: 0,
    paymentIds: [],
    seq: 1,
    createdAt: at,
    updatedAt: at,
  };
  // A redelivered event finds the plan there: the put's condition fails and nothing changes.
  const written = await transact(planWrites(undefined, plan));
  return { status: written.ok ? ('planned' as const) : ('exists' as const) };
};

/** Reads, changes and saves at the read seq, again on a concurrent change. */
const update = async (key: Key, change: (plan: InstalmentPlan) => InstalmentPlan | undefined) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    if (!found.Item) return undefined;
    const before = fromItem<InstalmentPlan>(found.Item);
    const after = change(before);
    if (!after) return before;
    if ((await transact(planWrites(before, after))).ok) return after;
  }
  throw new Error(`instalment plan ${key.sk} kept changing`);
};

/** On PaymentPosted: the payment pays the order's instalments down, oldest first, counted once. */
export const applyPayment = async (
  detail: { customerId: string; orderId: string; paymentId: string; amount: number },
  now = clockNow(),
) =>
  update(instalmentsKeys.plan(detail.customerId, detail.orderId), (plan) =>
    plan.paymentIds.includes(detail.paymentId)
      ? undefined
      : {
          ...plan,
          paid: plan.paid + detail.amount,
          paymentIds: [...plan.paymentIds, detail.paymentId],
          seq: plan.seq + 1,
          updatedAt: now.toISOString(),
        },
  );

/**
 * Reminds owners of the instalments whose reminder is due: the mail once per instalment (its marker),
 * the plan marked reminded and placed for its next instalment in the transaction that claims the entry.
 */
export const remindDue = async (now = clockNow()) =>
  sweep(reminderQueue, now, 100, async (entry) => {
    const plan = await getPlan(String(entry.entity.pk).slice('CUSTOMER#'.length), entry.entityId);
    const state = plan && statesOn(plan, istanbulDate(now)).find((s) => s.n === entry.data.n);
    if (!plan || !state || state.remindedAt || state.status === 'paid') return 'drop';
    const [owner, order] = await Promise.all([getUser(plan.ownerId), getOrder(plan.customerId, plan.orderId)]);
    try {
      if (owner && order) {
        await sendOnce(onceKey('instalment-reminder', plan.orderId, state.n), () =>
          sendTransactional({
            to: owner.email,
            ...instalmentReminder.render(owner.language, {
              orderNumber: orderNumber(order),
              orderId: plan.orderId,
              n: state.n,
              count: plan.instalments.length,
              dueDate: state.dueDate,
              amount: state.amount,
            }),
          }),
        );
      }
    } catch (error) {
      // An overlapping sweep is sending this very reminder: it marks the plan, or a later run does.
      if (error instanceof MailInProgressError) return 'later';
      throw error;
    }
    const after: InstalmentPlan = {
      ...plan,
      instalments: plan.instalments.map((i) => (i.n === state.n ? { ...i, remindedAt: now.toISOString() } : i)),
      seq: plan.seq + 1,
      updatedAt: now.toISOString(),
    };
    return { writes: planWrites(plan, after) };
  });

/** Plans whose oldest unpaid instalment fell due before `today`, oldest first: the manager's list. */
export const overduePlans = async (today: string, limit = 500) => {
  const items = await queryAll(
    {
      index: byAssignee,
      partition: instalmentsKeys.unpaidPartitions(),
      // The sort key starts with the due date and `to` takes in the whole day: through yesterday.
      range: { to: new Date(parseIsoDate(today).getTime() - DAY_MS).toISOString().slice(0, 10) },
      order: 'oldest',
    },
    limit,
  );
  return items.map((item) => fromItem<InstalmentPlan>(item));
};
