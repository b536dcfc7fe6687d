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
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'privacy-request': true;
  }
}
