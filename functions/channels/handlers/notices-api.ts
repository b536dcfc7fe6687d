// POST /customers/{customerId}/notices — a notice or statement by the customer's preferred channel;
// a retry (or a duplicate racing it) with the same Idempotency-Key gets the first answer.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { keyedId } from '../../../shared/idempotency.js';
import { channelRoutes } from '../manifest.js';
import { sendNotice } from '../notices.js';

export const handler = route(channelRoutes.sendNotice, async ({ actor, params, body, once, idempotency }) => {
  const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
  const noticeId = keyedId(idempotency);
  const sent = await once({ ...params, ...body }, (record) => sendNotice(customer.customerId, body, noticeId, record));
  return json(201, sent);
});
