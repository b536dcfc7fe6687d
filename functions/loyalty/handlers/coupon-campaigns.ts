// POST /loyalty/coupon-campaigns and …/{id}/issue (loyalty:write); GET the list and one report (loyalty:read).
import { json, route, routes } from '../../../shared/http.js';
import { createCampaign, getCampaign, issueCoupons, listCampaigns } from '../coupon-store.js';
import { loyaltyRoutes } from '../manifest.js';

export const handler = routes([
  route(loyaltyRoutes.createCouponCampaign, async ({ actor, body }) => {
    const campaign = await createCampaign(body, actor.userId);
    return json(201, campaign, { location: `/loyalty/coupon-campaigns/${campaign.campaignId}` });
  }),
  route(loyaltyRoutes.issueCouponCampaign, async ({ params }) => json(200, await issueCoupons(params.campaignId))),
  route(loyaltyRoutes.listCouponCampaigns, async () => json(200, { items: await listCampaigns() })),
  route(loyaltyRoutes.getCouponCampaign, async ({ params }) => json(200, await getCampaign(params.campaignId))),
]);
