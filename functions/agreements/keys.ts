// The keys of sales agreements in the one table (its shape and the platform's keys: shared/table.ts).
// Partition CUSTOMER#<id>: AGREEMENT#<id> (history beside it), AGREEMENT#<id>#ORDER#<orderId> (what an
// order under it bought: its volume), AGREEMENT#<id>#PERIOD#<YYYY-MM> (a periodic order placed once),
// REGULAR-MISSED#<expectedOn> (one to-do per missed regular order), STANDING-ORDER#<id> (history beside it) and
// STANDING-ORDER#<id>#PERIOD#<YYYY-MM>. Indexes: gsi2 AGREEMENTS#<status>#<shard> and STANDING-ORDERS#<status>#<shard>
// (the sweep's accepted agreements and active standing orders), gsi3 AGREEMENT#<id> and STANDING-ORDER#<id>.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const agreementsKeys = {
  agreement: (customerId: string, agreementId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `AGREEMENT#${agreementId}`,
  }),
  agreementById: (agreementId: string) => ({ gsi3pk: `AGREEMENT#${agreementId}`, gsi3sk: 'AGREEMENT' }),
  byStatus: (status: string, createdAt: string, agreementId: string) => ({
    gsi2pk: sharded(`AGREEMENTS#${status}`, agreementId),
    gsi2sk: timeOrdered(createdAt, agreementId),
  }),
  byStatusPartitions: (status: string) => allShards(`AGREEMENTS#${status}`),
  orderLedger: (customerId: string, agreementId: string, orderId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `AGREEMENT#${agreementId}#ORDER#${orderId}`,
  }),
  orderLedgerPrefix: (agreementId: string) => `AGREEMENT#${agreementId}#ORDER#`,
  period: (customerId: string, agreementId: string, period: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `AGREEMENT#${agreementId}#PERIOD#${period}`,
  }),
  periodPrefix: (agreementId: string) => `AGREEMENT#${agreementId}#PERIOD#`,
  standingOrder: (customerId: string, standingOrderId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `STANDING-ORDER#${standingOrderId}`,
  }),
  standingOrderById: (standingOrderId: string) => ({
    gsi3pk: `STANDING-ORDER#${standingOrderId}`,
    gsi3sk: 'STANDING-ORDER',
  }),
  standingByStatus: (status: string, createdAt: string, standingOrderId: string) => ({
    gsi2pk: sharded(`STANDING-ORDERS#${status}`, standingOrderId),
    gsi2sk: timeOrdered(createdAt, standingOrderId),
  }),
  standingByStatusPartitions: (status: string) => allShards(`STANDING-ORDERS#${status}`),
  standingPeriod: (customerId: string, standingOrderId: string, period: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `STANDING-ORDER#${standingOrderId}#PERIOD#${period}`,
  }),
  standingPeriodPrefix: (standingOrderId: string) => `STANDING-ORDER#${standingOrderId}#PERIOD#`,
  missedOrder: (customerId: string, expectedOn: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `REGULAR-MISSED#${expectedOn}`,
  }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    agreement: true;
    'agreement-order': true;
    'agreement-period': true;
    'regular-order-missed': true;
    'standing-order': true;
    'standing-order-period': true;
  }
}
