// What other modules may use of instalments: its part of the customer's record.
export { recordParts } from './record-part.js';
