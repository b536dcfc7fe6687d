// The privacy module's items: one record per access or erasure request, beside nobody's partition,
// so it outlives the person it was about.
import { type Key, timeOrdered } from '../../shared/table.js';

export const privacyKeys = {
  /** An access or erasure request: who asked for which customer, when, and what came of it. */
  privacyRequest: (requestId: string): Key => ({ pk: `PRIVACY_REQUEST#${requestId}`, sk: 'REQUEST' }),
  /** Every request, newest first: written at the pace of people's requests, unsharded. */
  privacyRequestList: (at: string, requestId: string) => ({
    gsi2pk: 'PRIVACY_REQUESTS',
    gsi2sk: timeOrdered(at, requestId),
  }),
  privacyRequestListPartition: () => 'PRIVACY_REQUESTS',
  /** A person's request as the privacy officer works it (open, then completed or refused). */
  subjectRequest: (requestId: string): Key => ({ pk: `PRIVACY_SUBJECT_REQUEST#${requestId}`, sk: 'REQUEST' }),
  /** Every subject request, newest received first. */
  subjectRequestList: (receivedAt: string, requestId: string) => ({
    gsi2pk: 'PRIVACY_SUBJECT_REQUESTS',
    gsi2sk: timeOrdered(receivedAt, requestId),
  }),
  subjectRequestListPartition: () => 'PRIVACY_SUBJECT_REQUESTS',
  /** The retention rules in force (one rule document). */
  retentionRules: (): Key => ({ pk: 'PRIVACY_RETENTION', sk: 'RULES' }),
  /** A retention run: the list a dry run made, and what its erasure did. */
  retentionRun: (runId: string): Key => ({ pk: `PRIVACY_RETENTION_RUN#${runId}`, sk: 'RUN' }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'privacy-request': true;
    'privacy-subject-request': true;
    'retention-rules': true;
    'retention-run': true;
  }
}
