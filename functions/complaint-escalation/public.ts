// What other modules may use of complaints and requests: cases as stored, and their reports.
export { casesOpenedBetween, type Case } from './case-store.js';
export { activeStatuses } from './domain/case-lifecycle.js';
export { caseReport, valuableComplainants } from './domain/case-reports.js';
