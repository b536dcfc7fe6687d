// The customer's acceptance link for an agreement: one agreement as sent at one seq. Single use by its
// move: accepting is conditional on the agreement still being sent at that seq, so once accepted (or
// changed and sent again) the same link changes nothing.
import { defineLink } from '../../shared/links.js';
import * as z from '../../shared/schema.js';

export const acceptLink = defineLink({
  purpose: 'agreement-accept',
  path: '/agreement-links/accept',
  claims: z.object({ customerId: z.string(), agreementId: z.string(), seq: z.int().check(z.positive()) }),
  // Ends with the agreement's validity at the latest (`until`).
  ttlSeconds: 60 * 24 * 3600,
  singleUse: { by: 'move', guard: 'accepting is conditional on the agreement being sent at this seq' },
});
