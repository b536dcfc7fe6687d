// What other modules may use of the call center's requests to dealers.
export { requestView } from './api-schemas.js';
export { activeRequestStatuses } from './domain/request-lifecycle.js';
export type { CustomerRequest } from './request-store.js';
