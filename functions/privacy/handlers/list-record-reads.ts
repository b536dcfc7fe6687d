// GET /privacy/record-reads?customerId=|userId= — the read log, per customer or per staff member.
import { json, route } from '../../../shared/http.js';
import { readsByUser, readsOfCustomer } from '../../customer-record/public.js';
import { privacyRoutes } from '../manifest.js';

export const handler = route(privacyRoutes.listRecordReads, async ({ query }) =>
  json(
    200,
    query.customerId !== undefined
      ? await readsOfCustomer(query.customerId, query.limit, query.cursor)
      : await readsByUser(query.userId ?? '', query.limit, query.cursor),
  ),
);
