// What an admin sends to subscribe a URL to events, and to rotate a subscription's secret.

import * as z from '../../../shared/schema.js';
import { catalogue, type DetailType } from '../../event-table.js';
import { allowLoopback } from '../settings.js';
import { urlRefusal } from './address-guard.js';

export const eventTypes = Object.keys(catalogue) as [DetailType, ...DetailType[]];

export const refusals = {
  'not-a-url': { en: 'Not a URL.', tr: 'Geçerli bir adres (URL) değil.' },
  'not-https': { en: 'Webhooks are sent to https URLs only.', tr: 'Webhook yalnızca https adreslerine gönderilir.' },
  credentials: { en: 'A URL may not carry a user name or password.', tr: 'Adres kullanıcı adı veya parola içeremez.' },
  port: { en: 'Use port 443 or a port from 1024 up.', tr: '443 numaralı ya da 1024 ve üstü bir port kullanın.' },
  address: {
    en: 'Private, loopback, link-local and metadata addresses are refused.',
    tr: 'Özel, geri döngü (loopback), bağlantı-yerel ve metadata adresleri kabul edilmez.',
  },
  unresolved: { en: 'The host name does not resolve.', tr: 'Sunucu adı çözümlenemiyor.' },
} as const;

export const webhookUrl = z
  .string()
  .check(z.maxLength(2000), z.minLength(1, z.required))
  .check(
    z.superRefine((url, context) => {
      const refusal = urlRefusal(url, { allowLoopback: allowLoopback() });
      if (refusal) context.issues.push({ code: 'custom', params: { said: refusals[refusal] }, input: url });
    }),
  );

export const subscriptionSchema = z.strictObject({
  url: webhookUrl,
  eventTypes: z
    .array(
      z.enum(
        eventTypes,
        z.said({ en: 'Not an event type of the catalogue.', tr: 'Olay kataloğunda böyle bir tür yok.' }),
      ),
    )
    .check(z.minLength(1, z.required), z.maxLength(eventTypes.length)),
  description: z.optional(z.text(200)),
});
export type SubscriptionInput = z.infer<typeof subscriptionSchema>;

export const rotateSchema = z.strictObject({
  /** How long the old secret keeps signing beside the new one: receivers switch within it. */
  overlapHours: z._default(z.int().check(z.gte(0), z.lte(7 * 24)), 24),
});
