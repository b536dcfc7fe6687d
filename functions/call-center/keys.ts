// The keys of call-center requests to dealers in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> REQUEST#<requestId> (history beside it). Indexes: gsi1
// UNIT#<unitId>#REQUESTS#<status> (a dealer's requests), gsi2 REQUESTS#<status>#<shard>, gsi3 REQUEST#<id>.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const callCenterKeys = {
  request: (customerId: string, requestId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `REQUEST#${requestId}`,
  }),
  requestsPrefix: () => 'REQUEST#',
  requestById: (requestId: string) => ({ gsi3pk: `REQUEST#${requestId}`, gsi3sk: 'REQUEST' }),
  /** A unit's (dealer's) requests by status: one dealer's queue, written at its pace, unsharded. */
  requestsByUnit: (unitId: string, status: string, createdAt: string, requestId: string) => ({
    gsi1pk: `UNIT#${unitId}#REQUESTS#${status}`,
    gsi1sk: timeOrdered(createdAt, requestId),
  }),
  requestsByUnitPartition: (unitId: string, status: string) => `UNIT#${unitId}#REQUESTS#${status}`,
  /** Every request by status: a firm-wide status queue, sharded. */
  requestsByStatus: (status: string, createdAt: string, requestId: string) => ({
    gsi2pk: sharded(`REQUESTS#${status}`, requestId),
    gsi2sk: timeOrdered(createdAt, requestId),
  }),
  requestsByStatusPartitions: (status: string) => allShards(`REQUESTS#${status}`),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    request: true;
  }
}
