// POST /coupons/{code}/validate and /redeem — integrations (web shop, tills) with loyalty:write.
import { json, route, routes } from '../../../shared/http.js';
import { redeemCoupon, validateCoupon } from '../coupon-store.js';
import { loyaltyRoutes } from '../manifest.js';

export const handler = routes([
  route(loyaltyRoutes.validateCoupon, async ({ params, body }) =>
    json(200, await validateCoupon(params.code, body.basket)),
  ),
  route(loyaltyRoutes.redeemCoupon, async ({ actor, params, body, once }) =>
    json(201, await once({ ...params, ...body }, (record) => redeemCoupon(params.code, body, actor.keyId, record))),
  ),
]);
