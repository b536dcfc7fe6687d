// What other modules may use of the call center's requests to dealers.

export { type RequestOutcome, requestOutcomes } from './domain/request-input.js';
export { requestsRecordPart } from './record-part.js';
export { unitRequests } from './request-inbox.js';
