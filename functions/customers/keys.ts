// The keys of a customer's contact people in the one table (its shape and the platform's keys: shared/table.ts).
import type { Key } from '../../shared/table.js';

export const customersKeys = {
  // CUSTOMER#<id> CONTACT#<contactId>: a contact person of the customer. A contact person's e-mail and
  // phone sit in the detail's own partition beside its unique MARKER, one item per customer holding it
  // (EMAIL#<e> / PHONE#<e164>  CONTACT#<customerId>): unique within a customer, shared across
  // companies (an office phone), and a lookup reads every holder with one Query of that partition.
  contact: (customerId: string, contactId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `CONTACT#${contactId}`,
  }),
  contactsPrefix: () => 'CONTACT#',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    contact: true;
  }
}
