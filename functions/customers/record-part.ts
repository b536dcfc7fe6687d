// The customer record's contact people.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import type { Contact } from './contact-store.js';
import { customersKeys } from './keys.js';

export const contactsRecordPart = recordPart({
  prefix: customersKeys.contactsPrefix(),
  type: 'contact',
  schema: z.strictObject({
    contactId: z.string(),
    name: z.string(),
    role: z.optional(z.string()),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    seq: z.int(),
    updatedAt: z.string(),
  }),
  summary: (contact: Contact) => ({
    contactId: contact.contactId,
    name: contact.name,
    role: contact.role,
    email: contact.email,
    phone: contact.phone,
    seq: contact.seq,
    updatedAt: contact.updatedAt,
  }),
  lookup: { name: 'contacts' },
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { contacts: contactsRecordPart };
