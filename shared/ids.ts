import { monotonicFactory } from 'ulid';

/** ULIDs: sortable by creation time, so they double as sort-key suffixes. */
export const newId: () => string = monotonicFactory();
