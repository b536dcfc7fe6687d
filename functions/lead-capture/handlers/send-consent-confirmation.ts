// On ConsentRequested (e-mail): mail the double opt-in link to the address the request names —
// the one typed on the form that asked, which is the one the confirmation then proves.
import { consentConfirmationLink, getConsentRequest } from '../../../shared/consent.js';
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendToUnverified } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { consentConfirmation } from '../templates/consent-confirmation.js';

export const handler = eventHandler(catalogue.ConsentRequested, async ({ customerId, requestId }) => {
  const request = await getConsentRequest(requestId);
  // Confirmed or expired already; or asked before requests named their address, and then there is
  // no proven address to mail (the person can tick the box again).
  if (request?.channel !== 'email' || !request.address) return;
  const link = await consentConfirmationLink.url({ requestId }, { until: new Date(request.expiresAt * 1000) });
  await sendOnce(onceKey('consent-confirmation', requestId), () =>
    sendToUnverified('consent-confirmation', {
      to: request.address,
      customerId,
      ...consentConfirmation.render(request.language, { link }),
    }),
  );
});
