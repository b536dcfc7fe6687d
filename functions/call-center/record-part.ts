// The customer record's requests to dealers, and the open ones in lookups.

import { recordPart } from '../../shared/record-part.js';
import { requestView } from './api-schemas.js';
import { activeRequestStatuses } from './domain/request-lifecycle.js';
import { callCenterKeys } from './keys.js';
import type { CustomerRequest } from './request-store.js';

export const requestsRecordPart = recordPart({
  prefix: callCenterKeys.requestsPrefix(),
  type: 'request',
  schema: requestView,
  summary: (r: CustomerRequest) => ({ ...r }),
  lookup: { name: 'openRequests', keep: (r) => activeRequestStatuses.includes(r.status) },
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { requests: requestsRecordPart };
