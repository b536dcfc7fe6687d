// What other modules may use of the customers module.
export { customerViewerOf } from './customer-view.js';
