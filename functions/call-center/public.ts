// What other modules may use of the call center's requests to dealers.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { requestsRecordPart } from './record-part.js';
