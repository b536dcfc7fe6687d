// GET /customers/lookup — the call center's "who is calling": every customer whose own phone or
// e-mail it is, or one of whose contact people's (a shared office phone), in one compact view each.
// Several matches are all answered, never a guess.
import { normalizeEmail, toE164 } from '../../../shared/contact.js';
import { json, route } from '../../../shared/http.js';
import { ProblemError, ValidationError } from '../../../shared/problems.js';
import { customerViewerOf } from '../../customers/public.js';
import { loggedLookupMatches } from '../customer-view.js';
import { customerRecordRoutes } from '../manifest.js';

/** How many of each list the compact view shows. */
const RECENT = 5;

/** The same answer for a caller nobody knows and one this caller may not see. */
const unknownCaller = (field: 'phone' | 'email') =>
  new ProblemError(
    404,
    'unknown-caller',
    {
      en: `No customer has this ${field === 'phone' ? 'phone number' : 'e-mail address'}. To create one, send the caller with POST /customers, as a lead (POST /leads) or with an order (POST /orders).`,
      tr: `Bu ${field === 'phone' ? 'telefon numarasıyla' : 'e-posta adresiyle'} kayıtlı müşteri yok. Oluşturmak için arayanı POST /customers ile, aday olarak (POST /leads) ya da bir siparişle (POST /orders) gönderin.`,
    },
    [{ path: field, message: { en: 'No customer has it.', tr: 'Bununla kayıtlı müşteri yok.' } }],
  );

export const handler = route(customerRecordRoutes.lookupCustomer, async ({ actor, query }) => {
  const field = query.phone !== undefined ? 'phone' : 'email';
  const phone = query.phone !== undefined ? toE164(query.phone) : undefined;
  if (query.phone !== undefined && !phone) {
    throw new ValidationError([
      {
        path: 'phone',
        message: {
          en: 'Not a phone number: send it with its area code (0532 123 45 67, +90 532 123 45 67).',
          tr: 'Telefon numarası değil: alan koduyla gönderin (0532 123 45 67, +90 532 123 45 67).',
        },
      },
    ]);
  }
  const matches = await loggedLookupMatches(
    actor,
    customerRecordRoutes.lookupCustomer,
    await customerViewerOf(actor),
    phone ? { phone } : { emailKey: normalizeEmail(query.email ?? '') },
    RECENT,
  );
  if (!matches.length) throw unknownCaller(field);
  return json(200, { matches });
});
