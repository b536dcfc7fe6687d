// The keys of sales agreements in the one table (its shape and the platform's keys: shared/table.ts).
// Partition CUSTOMER#<id>: AGREEMENT#<id> (history beside it), AGREEMENT#<id>#ORDER#<orderId> (what an
// order under it bought: its volume), AGREEMENT#<id>#PERIOD#<YYYY-MM> (a periodic order placed once),
// REGULAR-MISSED#<expectedOn> (one to-do per missed regular order). Indexes: gsi2 AGREEMENTS#<status>#<shard>
// (the sweeps' accepted agreements), gsi3 AGREEMENT#<id>.
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
  }
}
