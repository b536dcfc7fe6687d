// What other modules may use of letters: a customer's postal address and how an envelope shows it.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { getPostalAddress } from './addresses.js';
export { addressLines, type PostalAddress } from './domain/postal-address.js';
