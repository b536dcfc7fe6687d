// What other modules may use of the customer record: the parts every module contributes to it (a
// person's access request exports them, their erasure asks each what it does to its items), and the
// log of who read which record.
import './problems.js';

export { type RecordRead, readsByUser, readsOfCustomer } from './read-log.js';
export { type PartName, partsList, recordParts } from './record-parts.js';
