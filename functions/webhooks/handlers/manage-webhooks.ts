// /webhooks… — admins (or integration keys holding webhooks:admin) subscribe URLs to event types, rotate
// secrets, enable and disable subscriptions, list deliveries and send an event again.
import { json, route, routes } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { webhookRoutes } from '../manifest.js';
import { findDelivery, listDeliveries, listSubscriptions, requeueDelivery, subscriptionOrNotFound } from '../store.js';
import {
  createSubscription,
  disableSubscription,
  enableSubscription,
  rotateSecret,
  subscriptionView,
} from '../webhooks.js';

const create = route(webhookRoutes.createWebhook, async ({ actor, body }) => {
  const made = await createSubscription(actor, body);
  return json(201, made, { location: `/webhooks/${made.subscriptionId}` });
});

const list = route(webhookRoutes.listWebhooks, async () =>
  json(200, { subscriptions: (await listSubscriptions()).map(subscriptionView) }),
);

const get = route(webhookRoutes.getWebhook, async ({ params }) =>
  json(200, subscriptionView(await subscriptionOrNotFound(params.subscriptionId))),
);

const rotate = route(webhookRoutes.rotateWebhookSecret, async ({ actor, params, body }) =>
  json(200, await rotateSecret(actor, await subscriptionOrNotFound(params.subscriptionId), body.overlapHours)),
);

const enable = route(webhookRoutes.enableWebhook, async ({ actor, params }) =>
  json(200, await enableSubscription(actor, await subscriptionOrNotFound(params.subscriptionId))),
);

const disable = route(webhookRoutes.disableWebhook, async ({ actor, params }) =>
  json(200, await disableSubscription(actor, await subscriptionOrNotFound(params.subscriptionId))),
);

const deliveries = route(webhookRoutes.listWebhookDeliveries, async ({ params, query }) => {
  await subscriptionOrNotFound(params.subscriptionId);
  const page = await listDeliveries(params.subscriptionId, query.limit, query.cursor);
  const shown = page.deliveries.map(({ data: _data, ...rest }) => rest);
  return json(200, { deliveries: shown, ...(page.next ? { nextCursor: page.next } : {}) });
});

const resend = route(webhookRoutes.resendWebhookDelivery, async ({ params }) => {
  await subscriptionOrNotFound(params.subscriptionId);
  const delivery = await findDelivery(params.subscriptionId, params.eventId);
  if (!delivery) throw new NotFoundError({ en: 'The delivery', tr: 'Gönderim' });
  await requeueDelivery(delivery);
  return json(202, { eventId: delivery.eventId, status: 'pending' });
});

export const handler = routes([create, list, get, rotate, enable, disable, deliveries, resend]);
