// What other modules may use of the call center's requests to dealers.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { type RequestOutcome, requestOutcomes } from './domain/request-input.js';
export { recordParts } from './record-part.js';
export { requestViewerOf, requestVisibleTo } from './request-access.js';
export { unitRequests } from './request-inbox.js';
