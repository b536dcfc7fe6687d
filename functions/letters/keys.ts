// The keys of postal addresses and letter runs in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> POSTAL_ADDRESS (one per customer); LETTER_RUN#<runId> RUN (the run, its
// counters), RECIPIENT#<customerId> (printed in which part, or skipped and why), PART#<n> (a stored part: its
// file's key in the run-files bucket). Every run is listed newest first on gsi2 under LETTER_RUNS.
import { type Key, timeOrdered } from '../../shared/table.js';

export const lettersKeys = {
  postalAddress: (customerId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: 'POSTAL_ADDRESS' }),
  letterRun: (runId: string): Key => ({ pk: `LETTER_RUN#${runId}`, sk: 'RUN' }),
  letterRecipient: (runId: string, customerId: string): Key => ({
    pk: `LETTER_RUN#${runId}`,
    sk: `RECIPIENT#${customerId}`,
  }),
  letterPart: (runId: string, part: number): Key => ({
    pk: `LETTER_RUN#${runId}`,
    sk: `PART#${String(part).padStart(6, '0')}`,
  }),
  letterRunPartition: (runId: string) => `LETTER_RUN#${runId}`,
  /** The run item's place in the list of runs, written with the run. */
  letterRunList: (createdAt: string, runId: string) => ({
    gsi2pk: 'LETTER_RUNS',
    gsi2sk: timeOrdered(createdAt, runId),
  }),
  letterRunListPartition: () => 'LETTER_RUNS',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'postal-address': true;
    'letter-run': true;
    'letter-recipient': true;
    'letter-part': true;
  }
}
