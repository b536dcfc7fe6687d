// What other modules may use of complaints and requests: cases as stored, and their reports.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { unitCases } from './case-inbox.js';
export { casesOpenedBetween } from './case-store.js';
export { caseReport, valuableComplainants } from './domain/case-reports.js';
export { recordParts } from './record-part.js';
