// What other modules may use of privacy: nothing yet but its problem codes' registration; it reads
// everyone and nobody reads it.
import './problems.js';

export type { PrivacyRequest } from './request-store.js';
