// What other modules may use of the customer record: the parts every module contributes to it (a
// person's access request exports them, their erasure asks each what it does to its items).
import './problems.js';

export { type PartName, partsList, recordParts } from './record-parts.js';
