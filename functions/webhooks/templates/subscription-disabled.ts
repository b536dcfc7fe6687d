// The mail a subscription's owner gets when its deliveries kept failing for three days and it was
// disabled: which subscription, since when, and how to enable it again. No event data.
import { safeHtml } from '../../../shared/html.js';
import { defineTemplate } from '../../../shared/templates.js';

export interface SubscriptionDisabledVars {
  subscriptionId: string;
  url: string;
  failingSince: string;
}

export const subscriptionDisabledMail = defineTemplate<SubscriptionDisabledVars>({
  name: 'webhook-subscription-disabled',
  optional: [],
  tr: {
    subject: (v) => `Webhook aboneliği durduruldu: ${v.subscriptionId}`,
    text: (v) =>
      `${v.url} adresine gönderimler ${v.failingSince} tarihinden beri başarısız olduğu için ` +
      `${v.subscriptionId} numaralı webhook aboneliği durduruldu. Alıcıyı düzelttikten sonra ` +
      `POST /webhooks/${v.subscriptionId}/enable ile yeniden açın; bekleyen olaylar sırayla gönderilir.`,
    html: (v) =>
      safeHtml`<p><code>${v.url}</code> adresine gönderimler ${v.failingSince} tarihinden beri başarısız olduğu için
<strong>${v.subscriptionId}</strong> numaralı webhook aboneliği durduruldu.</p>
<p>Alıcıyı düzelttikten sonra <code>POST /webhooks/${v.subscriptionId}/enable</code> ile yeniden açın;
bekleyen olaylar sırayla gönderilir.</p>`,
  },
  en: {
    subject: (v) => `Webhook subscription disabled: ${v.subscriptionId}`,
    text: (v) =>
      `Deliveries to ${v.url} have failed since ${v.failingSince}, so webhook subscription ` +
      `${v.subscriptionId} was disabled. Once the receiver is fixed, enable it again with ` +
      `POST /webhooks/${v.subscriptionId}/enable; the waiting events are then sent in order.`,
    html: (v) =>
      safeHtml`<p>Deliveries to <code>${v.url}</code> have failed since ${v.failingSince}, so webhook subscription
<strong>${v.subscriptionId}</strong> was disabled.</p>
<p>Once the receiver is fixed, enable it again with <code>POST /webhooks/${v.subscriptionId}/enable</code>;
the waiting events are then sent in order.</p>`,
  },
});
