// The webhook routes' request and response schemas: the manifest declares them, the handlers get their
// requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { eventTypes } from './domain/subscription-input.js';
import { deliveryStatuses, subscriptionStatuses } from './store.js';

export const subscriptionParams = z.strictObject({ subscriptionId: z.string() });
export const deliveryParams = z.strictObject({ subscriptionId: z.string(), eventId: z.string() });

export const deliveriesQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const subscriptionView = z.strictObject({
  subscriptionId: z.string(),
  url: z.string(),
  eventTypes: z.array(z.enum(eventTypes)),
  description: z.optional(z.string()),
  status: z.enum(subscriptionStatuses),
  seq: z.int(),
  ownerId: z.string(),
  /** How many secrets sign at present: 2 during a rotation's overlap. */
  secretsLive: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  disabledAt: z.optional(z.string()),
  disabledReason: z.optional(z.enum(['failing', 'owner'])),
});

/** Made or rotated: the signing secret, shown this once. */
export const subscriptionWithSecret = z.strictObject({ ...subscriptionView.shape, secret: z.string() });

export const subscriptionList = z.strictObject({ subscriptions: z.array(subscriptionView) });

export const deliveryView = z.strictObject({
  subscriptionId: z.string(),
  eventId: z.string(),
  detailType: z.string(),
  occurredAt: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.int(),
  createdAt: z.string(),
  lastAttemptAt: z.optional(z.string()),
  responseCode: z.optional(z.int()),
  error: z.optional(z.string()),
  durationMs: z.optional(z.int()),
  failingSince: z.optional(z.string()),
  failures: z.optional(z.int()),
  deliveredAt: z.optional(z.string()),
});

export const deliveryPage = z.strictObject({ deliveries: z.array(deliveryView), nextCursor: z.optional(z.string()) });

export const resent = z.strictObject({ eventId: z.string(), status: z.literal('pending') });
