// POST /analytics/imports/orders  (text/csv)  analytics:admin — historical orders, all or nothing.
import { header, json, route } from '../../../shared/http.js';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../../shared/problems.js';
import { emptyFile, ImportFailedError } from '../../catalogue/public.js';
import { analyticsRoutes, ORDERS_FILE_BYTES } from '../manifest.js';
import { importOrders } from '../order-import.js';

export const handler = route(analyticsRoutes.importOrders, async (_input, event) => {
  const type = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/csv') throw new UnsupportedMediaTypeError(['text/csv']);
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > ORDERS_FILE_BYTES) throw new PayloadTooLargeError(ORDERS_FILE_BYTES);
  if (bytes.length === 0) throw new ValidationError([{ path: '', message: emptyFile }]);
  const outcome = await importOrders(bytes.toString('utf8'));
  if (!outcome.ok) throw new ImportFailedError(outcome.errors);
  return json(200, { imported: outcome.imported, alreadyCounted: outcome.alreadyCounted });
});
