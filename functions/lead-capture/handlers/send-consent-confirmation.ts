// On ConsentRequested (e-mail): mail the double opt-in link to the address that asked.
import { config } from '../../../shared/config.js';
import { getConsentRequest, getCustomer } from '../../../shared/consent.js';
import { eventHandler } from '../../../shared/consumer.js';
import { sendMail } from '../../../shared/mail.js';
import { signLink } from '../../../shared/signed-link.js';
import { getLeadByKey } from '../lead-store.js';
import { consentConfirmation } from '../templates/consent-confirmation.js';

export const CONSENT_LINK_PURPOSE = 'consent-confirm';

export const handler = eventHandler('send-consent-confirmation', 'ConsentRequested', async ({ requestId }) => {
  const request = await getConsentRequest(requestId);
  if (!request) return; // confirmed or expired already
  // The address typed on the form that asked, not whatever the profile holds: that is what is being confirmed.
  const lead = request.leadId ? await getLeadByKey(request.customerId, request.leadId) : undefined;
  const person = lead ?? (await getCustomer(request.customerId));
  if (!person?.email) return;
  const token = await signLink({ purpose: CONSENT_LINK_PURPOSE, id: requestId, exp: request.expiresAt });
  const link = `${config.publicBaseUrl()}/consents/confirm?token=${encodeURIComponent(token)}`;
  await sendMail({ to: person.email, ...consentConfirmation[person.language]({ name: person.name, link }) });
});
