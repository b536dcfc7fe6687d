// The keys of the customer record's read log in the one table (its shape and the platform's keys:
// shared/table.ts). Partitions: RECORD_READS#<customerId> — who read the customer's record, newest
// last. Index: gsi1 RECORD_READS_BY#<userId> — what one staff member read. Both are one customer's or
// one person's pace, unsharded.
import { type Key, timeOrdered } from '../../shared/table.js';

export const customerRecordKeys = {
  recordRead: (customerId: string, at: string, readId: string): Key => ({
    pk: `RECORD_READS#${customerId}`,
    sk: timeOrdered(at, readId),
  }),
  recordReadsPartition: (customerId: string) => `RECORD_READS#${customerId}`,
  recordReadsBy: (userId: string, at: string, readId: string) => ({
    gsi1pk: `RECORD_READS_BY#${userId}`,
    gsi1sk: timeOrdered(at, readId),
  }),
  recordReadsByPartition: (userId: string) => `RECORD_READS_BY#${userId}`,
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'record-read': true;
  }
}
