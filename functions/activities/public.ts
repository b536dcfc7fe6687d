// What other modules may use of activities.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { logActivity, systemNoteItems, systemTodoItems } from './activities.js';
export { type CallOutcome, callOutcomes, type TodoActivity } from './domain/activity.js';
export { recordParts } from './record-part.js';
