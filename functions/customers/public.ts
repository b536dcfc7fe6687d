// What other modules may use of the customers module.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { consent, customerParams, owners, profile } from './api-schemas.js';
export { customerViewerOf, profileView } from './customer-access.js';
export { visibleProfile } from './customer-store.js';
export { contactKeysOf } from './domain/profile.js';
export { type Found, type GivenConsent, type IntakePerson, type IntakeRequest, takeIn } from './intake.js';
export { recordParts } from './record-part.js';
