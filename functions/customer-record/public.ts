// What other modules may use of the customer record: the parts every module contributes to it (a
// person's access request exports them, their erasure asks each what it does to its items), the log
// of who read which record, and the call center's "who is calling" lookup.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { loggedLookupMatches } from './customer-view.js';
export { logReads, type RecordRead, readsByUser, readsOfCustomer } from './read-log.js';
export { type PartName, partsList, recordParts } from './record-parts.js';
