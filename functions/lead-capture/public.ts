// What other modules may use of lead capture: leads as stored, their statuses and history.
export { type LeadStatus, leadStatuses } from './domain/lead-status.js';
export { getLeadByKey, getLeadHistory, type Lead, leads } from './lead-store.js';
export { leadsRecordPart } from './record-part.js';
