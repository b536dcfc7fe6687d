// POST /customers/{customerId}/agreements — staff draft an agreement for a customer they reach; a retry
// with the same Idempotency-Key gets the first answer.
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { customerViewerOf } from '../../customers/public.js';
import { createAgreement } from '../agreements.js';
import { agreementRoutes } from '../manifest.js';

export const handler = route(agreementRoutes.createAgreement, async ({ actor, params, body, once }) => {
  const customer = await customerVisibleTo(await customerViewerOf(actor), params.customerId);
  const created = await once({ ...params, ...body }, (record) => createAgreement(customer, body, actor, record));
  return json(201, created, { location: `/agreements/${created.agreementId}` });
});
