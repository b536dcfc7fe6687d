// What other modules may use of call lists: nothing yet beyond its problem codes.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { entryOutcomes } from './call-lists.js';
