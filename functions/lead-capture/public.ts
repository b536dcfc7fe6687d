// What other modules may use of lead capture: leads as stored, their statuses and history.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { type LeadStatus, leadStatuses } from './domain/lead-status.js';
export { leadVisibleTo } from './lead-access.js';
export { getLeadByKey, getLeadHistory, type Lead, leads, leadsCreatedBetween } from './lead-store.js';
export { recordParts } from './record-part.js';
