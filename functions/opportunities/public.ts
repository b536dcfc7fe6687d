// What other modules may use of opportunities.
export { opportunitiesRecordPart } from './record-part.js';
