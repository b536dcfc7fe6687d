// What other modules may use of instalments: its part of the customer's record.
export { instalmentsRecordPart } from './record-part.js';
