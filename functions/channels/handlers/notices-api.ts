// POST /customers/{customerId}/notices — a notice or statement by the customer's preferred channel;
// a retry (or a duplicate racing it) with the same Idempotency-Key gets the first answer.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { header, json, route } from '../../../shared/http.js';
import { oncePerCaller } from '../../../shared/idempotency.js';
import { channelRoutes } from '../manifest.js';
import { sendNotice } from '../notices.js';

export const handler = route(channelRoutes.sendNotice, async ({ actor, params, body }, event) => {
  const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
  const sent = await oncePerCaller(
    channelRoutes.sendNotice,
    actor,
    header(event, 'idempotency-key'),
    { ...params, ...body },
    () => sendNotice(customer.customerId, body),
  );
  return json(201, sent);
});
