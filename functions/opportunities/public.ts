// What other modules may use of opportunities.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { recordParts } from './record-part.js';
