// What other modules may use of complaints and requests: cases as stored, and their reports.

export { unitCases } from './case-inbox.js';
export { casesOpenedBetween } from './case-store.js';
export { caseReport, valuableComplainants } from './domain/case-reports.js';
export { casesRecordPart } from './record-part.js';
