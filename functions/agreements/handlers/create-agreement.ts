// POST /customers/{customerId}/agreements and /standing-orders — staff draft an agreement, or start a
// standing order, for a customer they reach; a retry with the same Idempotency-Key gets the first answer.
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route, routes } from '../../../shared/http.js';
import { customerViewerOf } from '../../customers/public.js';
import { createAgreement, createStandingOrder } from '../agreements.js';
import { agreementRoutes } from '../manifest.js';

const agreement = route(agreementRoutes.createAgreement, async ({ actor, params, body, once }) => {
  const customer = await customerVisibleTo(await customerViewerOf(actor), params.customerId);
  const created = await once({ ...params, ...body }, (record) => createAgreement(customer, body, actor, record));
  return json(201, created, { location: `/agreements/${created.agreementId}` });
});

const standing = route(agreementRoutes.createStandingOrder, async ({ actor, params, body, once }) => {
  const customer = await customerVisibleTo(await customerViewerOf(actor), params.customerId);
  const created = await once({ ...params, ...body }, (record) => createStandingOrder(customer, body, actor, record));
  return json(201, created, { location: `/standing-orders/${created.standingOrderId}` });
});

export const handler = routes([agreement, standing]);
