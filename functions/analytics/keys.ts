// The keys of a customer's yearly figures and the analytics rules in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> VALUE#<yyyy> (a year's figures, in gsi2 BUYERS#<yyyy>#<shard> by revenue in
// TRY), PURCHASES#<yyyy> (by category and month, in gsi2 PURCHASERS#<yyyy>#<shard>) and
// ORDER#<orderId>#VALUE#<delivered|returned> (applied markers); COMMISSION_RULES / SEGMENT_RULES.
import { allShards, type Key, sharded } from '../../shared/table.js';

export const analyticsKeys = {
  /** A customer's figures for one Istanbul calendar year: revenue, orders, first and last order. */
  customerValue: (customerId: string, year: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `VALUE#${year}` }),
  /** That an order's transition (`delivered`, `returned`) is in the figures: written with them, once. */
  orderValueApplied: (customerId: string, orderId: string, to: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `ORDER#${orderId}#VALUE#${to}`,
  }),
  /** The customers who bought in a year, by revenue in TRY (zero-padded minor units): what the nightly job and the lists read. */
  buyersIn: (year: string, revenueTry: number, customerId: string) => ({
    gsi2pk: sharded(`BUYERS#${year}`, customerId),
    gsi2sk: `${String(Math.max(0, Math.trunc(revenueTry))).padStart(16, '0')}#${customerId}`,
  }),
  buyersInPartitions: (year: string) => allShards(`BUYERS#${year}`),
  /** What a customer bought in a year by category and month; in gsi2 PURCHASERS#<yyyy>#<shard> for segments. */
  purchases: (customerId: string, year: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `PURCHASES#${year}` }),
  purchasersIn: (year: string, customerId: string) => ({
    gsi2pk: sharded(`PURCHASERS#${year}`, customerId),
    gsi2sk: customerId,
  }),
  purchasersInPartitions: (year: string) => allShards(`PURCHASERS#${year}`),
  /** Admin-set analytics rules (`COMMISSION_RULES`, `SEGMENT_RULES`); absent, the code's defaults apply. */
  analyticsRules: (kind: 'COMMISSION_RULES' | 'SEGMENT_RULES'): Key => ({ pk: kind, sk: 'CURRENT' }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'customer-value': true;
    'customer-purchases': true;
    'order-value-applied': true;
    'analytics-rules': true;
  }
}
