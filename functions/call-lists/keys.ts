// The keys of call lists in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CALL_LIST#<listId> LIST (the list), ENTRY#<customerId> (one per customer: whose, its state).
// Every list is listed newest first on gsi2 under CALL_LISTS.
import { type Key, timeOrdered } from '../../shared/table.js';

export const callListsKeys = {
  callList: (listId: string): Key => ({ pk: `CALL_LIST#${listId}`, sk: 'LIST' }),
  callEntry: (listId: string, customerId: string): Key => ({ pk: `CALL_LIST#${listId}`, sk: `ENTRY#${customerId}` }),
  callListPartition: (listId: string) => `CALL_LIST#${listId}`,
  entryPrefix: () => 'ENTRY#',
  /** The list item's place in the list of call lists, written with the list. */
  callListList: (createdAt: string, listId: string) => ({
    gsi2pk: 'CALL_LISTS',
    gsi2sk: timeOrdered(createdAt, listId),
  }),
  callListListPartition: () => 'CALL_LISTS',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'call-list': true;
    'call-entry': true;
  }
}
