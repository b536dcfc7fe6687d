// The keys of the admins' list of people and their e-mail markers in the one table (its shape and the platform's keys: shared/table.ts).
import type { Key } from '../../shared/table.js';

export const peopleKeys = {
  /** One per directory person, for the admins' paged list: written at the pace admins invite, unsharded. */
  directoryEntry: (userId: string): Key => ({ pk: 'PEOPLE', sk: `USER#${userId}` }),
  directoryPartition: () => 'PEOPLE',
  /** A person's e-mail address, trimmed and lower-cased → who has it: one person per address, whatever its case. */
  personEmail: (normalizedEmail: string): Key => ({ pk: `PERSON_EMAIL#${normalizedEmail}`, sk: 'MARKER' }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'directory-entry': true;
    'person-email': true;
  }
}
