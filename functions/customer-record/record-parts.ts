// The parts of a customer's record, each contributed by the module whose items it shows: a module
// that keeps items in the customer's partition declares its part in its manifest (`recordParts`), and
// `npm run generate` lists them in their places (functions/record-part-table.ts).
import type { RecordPart } from '../../shared/record-part.js';
import { recordParts } from '../record-part-table.js';

export { recordParts };

export type PartName = keyof typeof recordParts;
export const partNames = Object.keys(recordParts) as PartName[];

/** Parts as the table lists them, with their item type erased: what the generic code iterates. */
export const partsList = Object.entries(recordParts) as unknown as [PartName, RecordPart<unknown>][];

export const isPartName = (name: string): name is PartName => Object.hasOwn(recordParts, name);
