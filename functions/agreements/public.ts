// What other modules may use of sales agreements: who may see one, and its problem codes, registered
// wherever another module uses it, so their titles render there too.
import './problems.js';

export { agreementVisibleTo } from './agreements.js';
export type { Agreement } from './domain/agreement.js';
