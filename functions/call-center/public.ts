// What other modules may use of the call center's requests to dealers.
export { requestsRecordPart } from './record-part.js';
