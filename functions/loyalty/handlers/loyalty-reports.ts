// GET /loyalty/reports and /loyalty/reconciliation (loyalty:read): firm-wide figures, no names.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../../shared/db.js';
import { json, route, routes } from '../../../shared/http.js';
import { fromItem } from '../../../shared/table.js';
import { loyaltyReport } from '../jobs.js';
import { loyaltyKeys } from '../keys.js';
import { loyaltyRoutes } from '../manifest.js';

export const handler = routes([
  route(loyaltyRoutes.getLoyaltyReport, async () => json(200, await loyaltyReport())),
  route(loyaltyRoutes.getReconciliation, async () => {
    const found = await db().send(new GetCommand({ TableName: tableName(), Key: loyaltyKeys.reconciliation() }));
    return json(200, found.Item ? fromItem(found.Item) : { at: null, accounts: 0, differences: [] });
  }),
]);
