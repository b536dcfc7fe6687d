// What other modules may use of the customers module.

export { consent, customerParams, owners, profile } from './api-schemas.js';
export { customerViewerOf, profileView } from './customer-access.js';
export { visibleProfile } from './customer-store.js';
export { contactsRecordPart } from './record-part.js';
