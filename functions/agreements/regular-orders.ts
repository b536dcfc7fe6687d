// The CRM noticing customers who order regularly by themselves: each customer's rhythm learned from
// their own orders of the last year (orders a schedule placed left out), and when an
// expected order has not come past its grace, ONE to-do for the customer's owner: the to-do and a
// marker keyed by the customer and the expected day in one transaction, the marker only if absent.
import { clockNow } from '../../shared/clock.js';
import { profileItem } from '../../shared/customer.js';
import { putNew, transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import type { ItemType } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { systemTodoItems } from '../activities/public.js';
import { orderStatuses, ordersIn } from '../order-routing/public.js';
import { addDays } from './domain/agreement.js';
import { learnRhythm, missed, type Rhythm } from './domain/regular-orders.js';
import { agreementsKeys } from './keys.js';

/** How far back a rhythm is learned from. */
const HISTORY_DAYS = 400;

const ownerOf = async (customerId: string) => {
  const owners = [...(((await profileItem(customerId))?.ownerIds as Set<string> | undefined) ?? [])].sort();
  for (const id of owners) if (await getUser(id)) return id;
  return undefined;
};

const todoText = (r: Rhythm) => ({
  subject: `Beklenen sipariş gelmedi / Expected order missing (${r.expectedOn})`,
  notes:
    `Müşteri yaklaşık her ${r.periodDays} günde bir sipariş veriyor; son sipariş ${r.lastOn}, beklenen ${r.expectedOn}.\n` +
    `The customer orders about every ${r.periodDays} days; last order ${r.lastOn}, expected ${r.expectedOn}.`,
});

export const noticeMissedOrders = async (now = clockNow()) => {
  const today = istanbulDate(now);
  const from = new Date(Date.parse(`${addDays(today, -HISTORY_DAYS)}T00:00:00Z`)).toISOString();
  const statuses = orderStatuses.filter((s) => s !== 'cancelled');
  const byCustomer = new Map<string, string[]>();
  for (const order of await ordersIn(statuses, { from })) {
    if (order.channel === 'agreement' || order.channel === 'standing-order') continue;
    const days = byCustomer.get(order.customerId) ?? [];
    days.push(istanbulDate(new Date(order.createdAt)));
    byCustomer.set(order.customerId, days);
  }
  const counts = { customers: byCustomer.size, regular: 0, todos: 0 };
  for (const [customerId, days] of byCustomer) {
    const rhythm = learnRhythm(days);
    if (!rhythm) continue;
    counts.regular++;
    if (!missed(rhythm, today)) continue;
    const assigneeId = await ownerOf(customerId);
    if (!assigneeId) continue;
    const { items } = systemTodoItems({ customerId, assigneeId, dueAt: now.toISOString(), ...todoText(rhythm) }, now);
    const marker = putNew({
      ...agreementsKeys.missedOrder(customerId, rhythm.expectedOn),
      type: 'regular-order-missed' satisfies ItemType,
      periodDays: rhythm.periodDays,
      lastOn: rhythm.lastOn,
      at: now.toISOString(),
    });
    if ((await transact([marker, ...items])).ok) counts.todos++;
  }
  return counts;
};
