// What other modules may use of opportunities.
export { opportunity } from './api-schemas.js';
export { isOpen } from './domain/stages.js';
export type { Opportunity } from './opportunity-store.js';
export { opportunityView } from './opportunity-view.js';
