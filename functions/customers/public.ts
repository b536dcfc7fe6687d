// What other modules may use of the customers module.
export { customerViewerOf, profileView } from './customer-access.js';
export { consent, customerParams, owners, profile } from './api-schemas.js';
export { visibleProfile } from './customer-store.js';
export { contactsRecordPart } from './record-part.js';
