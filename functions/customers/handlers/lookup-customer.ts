// GET /customers/lookup — the call center's "who is calling": ONE Query of the phone's or e-mail's
// partition names every holder (the customer whose own detail it is, and every customer one of whose
// contact people has it: a shared office phone), then one Query of each customer's partition answers
// what the agent needs on screen. Several matches are all answered, never a guess.
import { normalizeEmail, toE164 } from '../../../shared/contact.js';
import { holdersOf } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { ProblemError, ValidationError } from '../../../shared/problems.js';
import { customerViewerOf, lookupParts, profileParts, readCustomerPartition } from '../customer-view.js';
import { customerRoutes } from '../manifest.js';

/** How many of each list the compact view shows. */
const RECENT = 5;

/** The same answer for a caller nobody knows and one this caller may not see. */
const unknownCaller = (field: 'phone' | 'email') =>
  new ProblemError(
    404,
    'unknown-caller',
    'No customer has this ' +
      (field === 'phone' ? 'phone number' : 'e-mail address') +
      '. To create one, send the caller with POST /customers, as a lead (POST /leads) or with an order (POST /orders).',
    [{ path: field, message: 'No customer has it.' }],
  );

export const handler = route(customerRoutes.lookupCustomer, async ({ actor, query }) => {
  const field = query.phone !== undefined ? 'phone' : 'email';
  const phone = query.phone !== undefined ? toE164(query.phone) : undefined;
  if (query.phone !== undefined && !phone) {
    throw new ValidationError([{ path: 'phone', message: 'Not a phone number: send it with its area code (0532 123 45 67, +90 532 123 45 67).' }]);
  }
  const holders = await holdersOf(phone ? { phone } : { emailKey: normalizeEmail(query.email ?? '') });
  const customerIds = [...new Set(holders.map((holder) => holder.customerId))];
  const viewer = await customerViewerOf(actor);
  const found = (await Promise.all(customerIds.map((id) => readCustomerPartition(viewer, id)))).filter((p) => p !== undefined);
  if (!found.length) throw unknownCaller(field);
  const matches = await Promise.all(
    found.map(async (partition) => {
      const mine = holders.filter((holder) => holder.customerId === partition.customerId);
      return {
        ...(await profileParts(partition)),
        matchedBy: {
          customer: mine.some((holder) => !holder.contactId),
          contactIds: mine.flatMap((holder) => (holder.contactId ? [holder.contactId] : [])),
        },
        ...lookupParts(partition, RECENT),
      };
    }),
  );
  return json(200, { matches });
});
