// POST /erp/invoices and /erp/payments (erp:write): the ERP's own numbers make a repeat a no-op.
import { json, route, routes } from '../../../shared/http.js';
import { erpRoutes } from '../manifest.js';
import { postInvoice, postPayment } from '../postings.js';

const answer = (result: { recorded: boolean }) => json(result.recorded ? 201 : 200, result);

export const handler = routes([
  route(erpRoutes.postInvoice, async ({ body }) => answer(await postInvoice(body))),
  route(erpRoutes.postPayment, async ({ body }) => answer(await postPayment(body))),
]);
