// The keys of leads, their notes and the assignment rules in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> LEAD#<leadId> and its notes …#NOTE#<noteId>; ASSIGNMENT_RULES. Indexes: gsi1
// OWNER#<id>#LEADS, gsi2 LEADS#<status>#<shard>, gsi3 LEAD#<id>.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const leadCaptureKeys = {
  lead: (customerId: string, leadId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `LEAD#${leadId}` }),
  leadNote: (customerId: string, leadId: string, noteId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `LEAD#${leadId}#NOTE#${noteId}`,
  }),
  leadNotesPrefix: (leadId: string) => `LEAD#${leadId}#NOTE#`,
  leadsByOwner: (ownerId: string, createdAt: string, leadId: string) => ({
    gsi1pk: `OWNER#${ownerId}#LEADS`,
    gsi1sk: timeOrdered(createdAt, leadId),
  }),
  leadsByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#LEADS`,
  leadsByStatus: (status: string, createdAt: string, leadId: string) => ({
    gsi2pk: sharded(`LEADS#${status}`, leadId),
    gsi2sk: timeOrdered(createdAt, leadId),
  }),
  leadsByStatusPartitions: (status: string) => allShards(`LEADS#${status}`),
  leadById: (leadId: string) => ({ gsi3pk: `LEAD#${leadId}`, gsi3sk: 'LEAD' }),
  assignmentRules: (): Key => ({ pk: 'ASSIGNMENT_RULES', sk: 'RULES' }),
  leadsPrefix: () => 'LEAD#',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    lead: true;
    'lead-note': true;
    'assignment-rules': true;
  }
}
