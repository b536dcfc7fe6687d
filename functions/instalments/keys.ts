// The keys of order instalment plans in the one table (its shape and the platform's keys: shared/table.ts).
// Partition: CUSTOMER#<id> INSTALMENTS#<orderId> (one plan per order, versioned by seq).
// Index: gsi1 INSTALMENTS_UNPAID#<shard> by the oldest unpaid due date — present while anything is
// unpaid, so the manager's overdue list reads only plans whose oldest unpaid date has passed.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const instalmentsKeys = {
  plan: (customerId: string, orderId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `INSTALMENTS#${orderId}` }),
  plansPrefix: () => 'INSTALMENTS#',
  unpaid: (dueDate: string, orderId: string) => ({
    gsi1pk: sharded('INSTALMENTS_UNPAID', orderId),
    gsi1sk: timeOrdered(dueDate, orderId),
  }),
  unpaidPartitions: () => allShards('INSTALMENTS_UNPAID'),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'instalment-plan': true;
  }
}
