// On PurchaseRequested: the unit the request was routed to (the purchasing unit, or the fallback queue)
// is mailed it once, at its address and in its language, whatever redeliveries. A request that has
// left open before the mail goes out (ordered or cancelled already) is not mailed.

import { getUnit } from '../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { logger } from '../../shared/observability.js';
import type { EventDetail } from '../event-table.js';
import { erpKeys } from './keys.js';
import { purchaseRequests } from './stock.js';
import { purchaseRequestMail } from './templates/purchase-request.js';

export const mailPurchasing = async ({
  customerId,
  orderId,
  sku,
  unitId,
}: Pick<EventDetail<'PurchaseRequested'>, 'customerId' | 'orderId' | 'sku' | 'unitId'>) => {
  const request = await purchaseRequests.get(erpKeys.purchaseRequest(customerId, orderId, sku));
  if (request?.status !== 'open' || request.unitId !== unitId) return 'not-owed';
  const unit = await getUnit(unitId);
  if (!unit) {
    logger.warn('purchase request sent to a unit that does not exist', { orderId, unitId });
    return 'no-unit';
  }
  return sendOnce(onceKey('purchase-request-unit', request.purchaseRequestId), () =>
    sendTransactional({ to: unit.email, ...purchaseRequestMail.render(unit.language, { request }) }),
  );
};
