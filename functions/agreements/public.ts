// What other modules may use of sales agreements: nothing yet but its problem codes, registered
// wherever another module uses it, so their titles render there too.
import './problems.js';

export type { Agreement } from './domain/agreement.js';
