// GET /stock?products=, /quotes/{quoteId}/stock (quotes:read), /orders/{orderId}/stock and
// /purchase-requests (orders:read). Stock is asked of the ERP as it is now; an ERP that does not answer
// is said so (`unavailable`), never guessed; without an ERP the answer is `off`.
import { viewerOf } from '../../../shared/access.js';
import { config } from '../../../shared/config.js';
import { json, route, routes } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { orderVisibleTo } from '../../order-routing/public.js';
import { quoteVisibleTo } from '../../quote-approval/public.js';
import { productIdsOf } from '../api-schemas.js';
import { availableOf, type StockLevel, stockPlan } from '../domain/stock.js';
import { configuredErp, ErpUnavailableError } from '../erp-adapter.js';
import { erpRoutes } from '../manifest.js';
import { getStockCheck, openPurchaseRequests, purchaseRequestsOf, type StockCheck } from '../stock.js';

/** The ERP's figures for these products, or why there are none. */
const askErp = async (
  productIds: string[],
): Promise<{ erp: 'answered' | 'unavailable' | 'off'; levels: StockLevel[] }> => {
  const erp = configuredErp();
  if (!erp) return { erp: 'off', levels: [] };
  try {
    return { erp: 'answered', levels: await erp.available(productIds) };
  } catch (error) {
    if (error instanceof ErpUnavailableError) return { erp: 'unavailable', levels: [] };
    throw error;
  }
};

/** Whether the order still waits for goods bought in: cleared once every purchase request is received. */
const shortfallOf = (check: StockCheck) => {
  if (check.status !== 'checked') return {};
  if (!check.purchaseRequestIds?.length) return { shortfall: 'none' as const };
  return check.shortfallClearedAt
    ? { shortfall: 'cleared' as const, shortfallClearedAt: check.shortfallClearedAt }
    : { shortfall: 'open' as const };
};

export const handler = routes([
  route(erpRoutes.stockLevels, async ({ query }) => {
    const { erp, levels } = await askErp(productIdsOf(query.products));
    return json(200, { erp, items: levels.map((level) => ({ ...level, available: availableOf(level) })) });
  }),
  route(erpRoutes.quoteStock, async ({ actor, params }) => {
    const quote = await quoteVisibleTo(await viewerOf(actor), params.quoteId);
    const { erp, levels } = await askErp(quote.lines.map((line) => line.sku));
    return json(200, { quoteId: quote.quoteId, erp, lines: erp === 'answered' ? stockPlan(quote.lines, levels) : [] });
  }),
  route(erpRoutes.orderStock, async ({ actor, params }) => {
    const order = await orderVisibleTo(await viewerOf(actor), params.orderId);
    const [check, purchaseRequests] = await Promise.all([
      getStockCheck(order.customerId, order.orderId),
      purchaseRequestsOf(order.customerId, order.orderId),
    ]);
    if (!check)
      return json(200, { orderId: order.orderId, stock: configuredErp() ? 'pending' : 'off', purchaseRequests });
    return json(200, {
      orderId: order.orderId,
      stock: check.status,
      attempts: check.attempts,
      lastTriedAt: check.lastTriedAt,
      lastError: check.lastError,
      checkedAt: check.checkedAt,
      lines: check.stock,
      ...shortfallOf(check),
      purchaseRequests,
    });
  }),
  route(erpRoutes.purchaseRequests, async ({ actor, query }) => {
    const viewer = await viewerOf(actor);
    const unitId = query.unitId ?? (viewer.reach === 'unit' ? viewer.unitId : undefined) ?? config.purchasingUnitId();
    // A unit's people see their own unit's queue; only those who reach everything see any unit's.
    const mayRead = viewer.reach === 'all' || (viewer.reach === 'unit' && viewer.unitId === unitId);
    if (!mayRead) throw new NotFoundError({ en: 'The purchase requests', tr: 'Satın alma talepleri' });
    return json(200, { unitId, items: await openPurchaseRequests(unitId) });
  }),
]);
