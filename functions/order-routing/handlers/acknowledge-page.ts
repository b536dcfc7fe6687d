// GET /order-links/acknowledge?token= shows the order and one button; POST acknowledges it. A
// forged, expired or used link gets a clear page and changes nothing: acknowledging is a guarded
// move on the order being routed to that unit at that step.
import { getUnit } from '../../../shared/directory.js';
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { logger } from '../../../shared/observability.js';
import { ProblemError } from '../../../shared/problems.js';
import { ackLink } from '../links.js';
import { orderRoutes } from '../manifest.js';
import { getOrder } from '../order-store.js';
import { changeStatus } from '../orders.js';
import { ackOutcomePage, ackPage } from '../templates/ack-page.js';

/** `posted` is the unit's button press, which acknowledges; a GET only shows. */
const acknowledge = async (token: string, posted: boolean) => {
  const link = await ackLink.read(token);
  if (!link.ok) return ackOutcomePage(defaultLanguage, link.reason);
  const { customerId, orderId, unitId, step } = link.claims;
  const [order, unit] = await Promise.all([getOrder(customerId, orderId), getUnit(unitId)]);
  const language = unit?.language ?? defaultLanguage;
  if (!order || !unit) return ackOutcomePage(language, 'invalid');
  const awaiting = order.status === 'routed' && order.unitId === unitId && order.routing?.step === step;
  if (!awaiting) return ackOutcomePage(language, 'done', order);
  if (!posted) return ackPage(language, order, unit.name, token);
  try {
    await changeStatus(order, { status: 'acknowledged' }, { actorId: `unit:${unitId}`, via: 'link' });
    return ackOutcomePage(language, 'acknowledged');
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    logger.info('acknowledge link refused', { code: error.code });
    return ackOutcomePage(language, 'done', (await getOrder(customerId, orderId)) ?? order);
  }
};

export const handler = routes([
  route(orderRoutes.acknowledgeLinkPage, async ({ query }) => acknowledge(query.token ?? '', false)),
  route(orderRoutes.acknowledgeLinkAct, async ({ body }) => acknowledge(body.token ?? '', true)),
]);
