// The keys of cases in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> CASE#<caseId> (history and its place in the SLA due-time queue beside it).
// Indexes: gsi1 UNIT#<unitId>#CASES, gsi2 CASES#<status>#<shard>, gsi3 CASE#<id>.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const complaintEscalationKeys = {
  case: (customerId: string, caseId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `CASE#${caseId}` }),
  casesPrefix: () => 'CASE#',
  caseById: (caseId: string) => ({ gsi3pk: `CASE#${caseId}`, gsi3sk: 'CASE' }),
  /** A unit's (department's or dealer's) cases, newest first. */
  casesByUnit: (unitId: string, createdAt: string, caseId: string) => ({
    gsi1pk: `UNIT#${unitId}#CASES`,
    gsi1sk: timeOrdered(createdAt, caseId),
  }),
  casesByUnitPartition: (unitId: string) => `UNIT#${unitId}#CASES`,
  casesByStatus: (status: string, createdAt: string, caseId: string) => ({
    gsi2pk: sharded(`CASES#${status}`, caseId),
    gsi2sk: timeOrdered(createdAt, caseId),
  }),
  casesByStatusPartitions: (status: string) => allShards(`CASES#${status}`),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    case: true;
  }
}
