// What other modules may use of the customer record: the call center's "who is calling" lookup.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { lookupMatches } from './customer-view.js';
