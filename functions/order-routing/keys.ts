// The keys of orders and the routing rules in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> ORDER#<orderId> (from a quote, its id is the quote's id); ROUTING_RULES
// CURRENT | DEFAULT (versioned by seq). Indexes: gsi1 UNIT#<unitId>#ORDERS#<status> (a unit's orders,
// oldest first), gsi2 ORDERS#<status>#<shard>, gsi3 ORDER#<id>; the due-time queue `order-ack`.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const orderRoutingKeys = {
  order: (customerId: string, orderId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `ORDER#${orderId}` }),
  orderById: (orderId: string) => ({ gsi3pk: `ORDER#${orderId}`, gsi3sk: 'ORDER' }),
  routingRules: (which: 'CURRENT' | 'DEFAULT'): Key => ({ pk: 'ROUTING_RULES', sk: which }),
  /** A unit's orders by status, oldest first: one unit's queue, written at its pace, unsharded. */
  ordersByUnit: (unitId: string, status: string, createdAt: string, orderId: string) => ({
    gsi1pk: `UNIT#${unitId}#ORDERS#${status}`,
    gsi1sk: timeOrdered(createdAt, orderId),
  }),
  ordersByUnitPartition: (unitId: string, status: string) => `UNIT#${unitId}#ORDERS#${status}`,
  /** Every order by status, oldest first: a firm-wide status queue, sharded. */
  ordersByStatus: (status: string, createdAt: string, orderId: string) => ({
    gsi2pk: sharded(`ORDERS#${status}`, orderId),
    gsi2sk: timeOrdered(createdAt, orderId),
  }),
  ordersByStatusPartitions: (status: string) => allShards(`ORDERS#${status}`),
  ordersPrefix: () => 'ORDER#',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    order: true;
    'routing-rules': true;
  }
}
