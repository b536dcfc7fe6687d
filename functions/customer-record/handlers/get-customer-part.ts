// GET /customers/{customerId}/{part}?cursor= — one part of the record (a Query on its sort-key
// prefix), newest first, continuing from a cursor the record or the previous page gave.
import { isId } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { customerViewerOf, visibleProfile } from '../../customers/public.js';
import { partPage } from '../customer-view.js';
import { customerRecordRoutes } from '../manifest.js';
import { isPartName, recordParts } from '../record-parts.js';

export const handler = route(customerRecordRoutes.getCustomerPart, async ({ actor, params, query }) => {
  const { customerId, part } = params;
  if (!isPartName(part))
    throw new NotFoundError({ en: `The part ${JSON.stringify(part)}`, tr: `${JSON.stringify(part)} bölümü` });
  if (!isId(customerId)) throw new NotFoundError(records.customer);
  await visibleProfile(await customerViewerOf(actor), customerId);
  return json(200, await partPage(customerId, recordParts[part], query.limit, query.cursor));
});
