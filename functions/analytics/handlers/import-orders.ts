// POST /analytics/imports/orders  (text/csv)  analytics:admin — historical orders: the file checked whole
// (a bad row refuses it and nothing is counted), then counted by a background job (202 and its Location).
import { json, route, uploadedFile } from '../../../shared/http.js';
import { keyedId } from '../../../shared/idempotency.js';
import { jobView } from '../../../shared/import-jobs.js';
import { ImportFailedError } from '../../catalogue/public.js';
import { analyticsRoutes, ORDERS_FILE_BYTES } from '../manifest.js';
import { checkOrders, orderJobs } from '../order-import.js';

export const handler = route(analyticsRoutes.importOrders, async ({ actor, idempotency, once }, event) => {
  const { text } = uploadedFile(event, ['text/csv'], ORDERS_FILE_BYTES);
  const job = await once({ text }, async (record) => {
    const checked = await checkOrders(text);
    if (!checked.ok) throw new ImportFailedError(checked.errors);
    return jobView(
      await orderJobs.create({
        jobId: keyedId(idempotency),
        subject: 'orders',
        rows: checked.orders,
        context: {},
        actorId: actor.userId,
        record,
        answer: jobView,
      }),
    );
  });
  return json(202, job, { location: `/analytics/imports/orders/${job.jobId}` });
});
