// POST /agreements/{agreementId}/send, /skip and /orders: staff move an agreement they see, or order
// under it; POST /standing-orders/{id}/skip skips a standing order's month. Each guarded by what was
// read, each replayed to a retry with the same key.
import { viewerOf } from '../../../shared/access.js';
import { json, route, routes } from '../../../shared/http.js';
import {
  agreementVisibleTo,
  orderUnder,
  sendAgreement,
  skipPeriod,
  skipStandingPeriod,
  standingOrderVisibleTo,
} from '../agreements.js';
import { agreementRoutes } from '../manifest.js';

const send = route(agreementRoutes.sendAgreement, async ({ actor, params, body, once }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  return json(200, await once({ ...params, ...body }, () => sendAgreement(a, body.seq, actor.userId)));
});

const skip = route(agreementRoutes.skipPeriod, async ({ actor, params, body, once }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  return json(200, await once({ ...params, ...body }, () => skipPeriod(a, body.seq, body.period, actor.userId)));
});

const order = route(agreementRoutes.orderUnderAgreement, async ({ actor, params, body, once }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  const placed = await once({ ...params, ...body }, (record) => orderUnder(a, body, record));
  return json(201, placed, { location: `/orders/${placed.orderId}` });
});

const skipStanding = route(agreementRoutes.skipStandingPeriod, async ({ actor, params, body, once }) => {
  const s = await standingOrderVisibleTo(await viewerOf(actor), params.standingOrderId);
  return json(
    200,
    await once({ ...params, ...body }, () => skipStandingPeriod(s, body.seq, body.period, actor.userId)),
  );
});

export const handler = routes([send, skip, order, skipStanding]);
