// GET /customers/lookup — the call center's "who is calling": the phone's or e-mail's marker names
// the customer, then one Query of their partition answers everything the agent needs on screen.
import { toE164, normalizeEmail } from '../../../shared/contact.js';
import { matchContact } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { ProblemError, ValidationError } from '../../../shared/problems.js';
import { capped, customerViewerOf, isOpenQuote, leadSummary, orderSummary, profileParts, quoteSummary, readCustomerPartition } from '../customer-view.js';
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
      '. To create one, send the caller as a lead (POST /leads) or with an order (POST /orders): their contact details become the customer.',
    [{ path: field, message: 'No customer has it.' }],
  );

export const handler = route(customerRoutes.lookupCustomer, async ({ actor, query }) => {
  const field = query.phone !== undefined ? 'phone' : 'email';
  const phone = query.phone !== undefined ? toE164(query.phone) : undefined;
  if (query.phone !== undefined && !phone) {
    throw new ValidationError([{ path: 'phone', message: 'Not a phone number: send it with its area code (0532 123 45 67, +90 532 123 45 67).' }]);
  }
  const { customerId } = await matchContact(phone ? { phone } : { emailKey: normalizeEmail(query.email ?? '') });
  const found = customerId ? await readCustomerPartition(await customerViewerOf(actor), customerId) : undefined;
  if (!found) throw unknownCaller(field);
  return json(200, {
    ...profileParts(found),
    openQuotes: capped(found.quotes.filter(isOpenQuote), RECENT, found.truncated, quoteSummary),
    recentOrders: capped(found.orders, RECENT, found.truncated, orderSummary),
    recentLeads: capped(found.leads, RECENT, found.truncated, leadSummary),
  });
});
