// Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-id` (the event id, the same on
// every retry and resend, so a receiver can drop duplicates), `webhook-timestamp` (seconds, so a receiver
// refuses replays), `webhook-signature` (`v1,<base64 HMAC-SHA256>` for each live secret, space-separated:
// during a rotation's overlap both the old and the new secret sign, and a receiver holding either verifies).
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface SigningSecret {
  /** `whsec_<base64>`, the form the Standard Webhooks libraries take. */
  secret: string;
  createdAt: string;
  /** Set when a newer secret replaced it: it signs until then, and is dropped after. */
  expiresAt?: string;
}

export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The secrets that sign at `now`: the current one and any still within its overlap. */
export const liveSecrets = (secrets: readonly SigningSecret[], now: Date) =>
  secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now.getTime());

/** The body a receiver gets: the event's type, when it occurred, and its documented detail. */
export const webhookBody = (detailType: string, occurredAt: string, data: unknown) =>
  JSON.stringify({ type: detailType, timestamp: occurredAt, data });

export const signatureHeaders = (
  messageId: string,
  body: string,
  secrets: readonly SigningSecret[],
  now: Date,
): Record<string, string> => {
  const live = liveSecrets(secrets, now);
  if (!live.length) throw new Error('A webhook subscription has no live signing secret');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': live.map((s) => new Webhook(s.secret).sign(messageId, now, body)).join(' '),
  };
};

/** A rotation: a new current secret, and the old one(s) kept signing for `overlapHours`. */
export const rotate = (secrets: readonly SigningSecret[], now: Date, overlapHours: number, fresh = newSecret()) => {
  const until = new Date(now.getTime() + overlapHours * 3600 * 1000).toISOString();
  const kept = liveSecrets(secrets, now).map((s) =>
    s.expiresAt && s.expiresAt < until ? s : { ...s, expiresAt: until },
  );
  return [{ secret: fresh, createdAt: now.toISOString() }, ...kept];
};
