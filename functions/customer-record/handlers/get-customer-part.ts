// GET /customers/{customerId}/{part}?cursor= — one part of the record (a Query on its sort-key
// prefix), newest first, continuing from a cursor the record or the previous page gave.
import { isId } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { customerViewerOf, visibleProfile } from '../../customers/public.js';
import { partPage } from '../customer-view.js';
import { customerRecordRoutes } from '../manifest.js';
import { logReads } from '../read-log.js';
import { isPartName, recordParts } from '../record-parts.js';

export const handler = route(customerRecordRoutes.getCustomerPart, async ({ actor, params, query }) => {
  const { customerId, part } = params;
  if (!isPartName(part))
    throw new NotFoundError({ en: `The part ${JSON.stringify(part)}`, tr: `${JSON.stringify(part)} bölümü` });
  if (!isId(customerId)) throw new NotFoundError(records.customer);
  const profile = await visibleProfile(await customerViewerOf(actor), customerId);
  // Logged once the page is read: a refused cursor is no read.
  const page = await partPage(customerId, recordParts[part], query.limit, query.cursor);
  await logReads(actor, customerRecordRoutes.getCustomerPart, [String(profile.customerId)], part);
  return json(200, page);
});
