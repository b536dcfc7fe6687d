// GET /customers/{customerId}/loyalty — staff who see the customer; POST …/loyalty/redemptions — a
// till or web shop spends points against an order, once per Idempotency-Key.

import { isId } from '../../../shared/access.js';
import { profileItem } from '../../../shared/customer.js';
import { json, route, routes } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { customerViewerOf, visibleProfile } from '../../customers/public.js';
import { memberCoupons } from '../coupon-store.js';
import { entriesOf, getAccount, redeemPoints } from '../ledger.js';
import { loyaltyRoutes } from '../manifest.js';
import { loyaltyRecordPart } from '../record-part.js';

export const handler = routes([
  route(loyaltyRoutes.getMemberLoyalty, async ({ actor, params: { customerId } }) => {
    await visibleProfile(await customerViewerOf(actor), customerId);
    const [account, entries, coupons] = await Promise.all([
      getAccount(customerId),
      entriesOf(customerId),
      memberCoupons(customerId),
    ]);
    return json(200, {
      customerId,
      account: account ? loyaltyRecordPart.summary(account) : null,
      entries: entries
        .sort((a, b) => b.at.localeCompare(a.at))
        .map(({ kind, points, at, orderId, expiresOn, orderRef }) => ({
          kind,
          points,
          at,
          orderId,
          expiresOn,
          orderRef,
        })),
      // The member's coupons as the schema shows them: who redeemed one (a key id) and the basket stay inside.
      coupons: coupons.map(
        ({
          customerId: _,
          seq: __,
          redeemedBy: ___,
          discount: ____,
          basketTotal: _____,
          currency: ______,
          createdAt: _______,
          ...coupon
        }) => coupon,
      ),
    });
  }),
  route(loyaltyRoutes.redeemPoints, async ({ params: { customerId }, body, once }) => {
    // A till serves every member: the key's scope is the permission, the member must exist.
    if (!isId(customerId) || !(await profileItem(customerId))) throw new NotFoundError(records.customer);
    const redeemed = await once({ customerId, ...body }, (record) => redeemPoints(customerId, body, record));
    return json(201, redeemed);
  }),
]);
