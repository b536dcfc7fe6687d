// What other modules may use of activities.
export { timelineRecordPart } from './record-part.js';
