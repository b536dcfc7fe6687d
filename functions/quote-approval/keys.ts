// The keys of quotes, their versions and report figures, and the approval policy in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> QUOTE#<quoteId> (the quote as it is now), …#V#<0001> (an earlier version,
// frozen when the quote was revised), …#REPORT (the figures quote reports count, by month sent);
// APPROVAL_POLICY CURRENT | DEFAULT. Indexes: gsi1 OWNER#<id>#QUOTES, gsi2 QUOTES#<yyyy-mm> and
// QUOTES_SENT#<yyyy-mm> (month cohorts, unsharded: written at the pace staff quote), gsi3 QUOTE#<id>.
import { type Key, timeOrdered } from '../../shared/table.js';

export const quoteApprovalKeys = {
  quote: (customerId: string, quoteId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `QUOTE#${quoteId}` }),
  quoteVersion: (customerId: string, quoteId: string, version: number): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `QUOTE#${quoteId}#V#${String(version).padStart(4, '0')}`,
  }),
  quotesPrefix: () => 'QUOTE#',
  quoteById: (quoteId: string) => ({ gsi3pk: `QUOTE#${quoteId}`, gsi3sk: 'QUOTE' }),
  quotesByOwner: (ownerId: string, createdAt: string, quoteId: string) => ({
    gsi1pk: `OWNER#${ownerId}#QUOTES`,
    gsi1sk: timeOrdered(createdAt, quoteId),
  }),
  quotesByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#QUOTES`,
  /** `month` is the Istanbul calendar month, `2026-03`. */
  quotesByMonth: (month: string, createdAt: string, quoteId: string) => ({
    gsi2pk: `QUOTES#${month}`,
    gsi2sk: timeOrdered(createdAt, quoteId),
  }),
  quotesByMonthPartition: (month: string) => `QUOTES#${month}`,
  quoteReport: (customerId: string, quoteId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `QUOTE#${quoteId}#REPORT`,
  }),
  quotesSentIn: (month: string, sentAt: string, quoteId: string) => ({
    gsi2pk: `QUOTES_SENT#${month}`,
    gsi2sk: timeOrdered(sentAt, quoteId),
  }),
  quotesSentInPartition: (month: string) => `QUOTES_SENT#${month}`,
  approvalPolicy: (which: 'CURRENT' | 'DEFAULT'): Key => ({ pk: 'APPROVAL_POLICY', sk: which }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    quote: true;
    'quote-version': true;
    'quote-report': true;
    'approval-policy': true;
  }
}
