import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { loyaltyProblems } from './problems.js';

const dir = 'functions/loyalty/handlers';
const read = { scopes: ['loyalty:read'] } as const;
const write = { scopes: ['loyalty:write'] } as const;
const admin = { scopes: ['loyalty:admin'] } as const;

/** Each route once, by name: a handler binds to `loyaltyRoutes.x`, so a path is written only here. */
export const loyaltyRoutes = {
  getLoyaltyRules: {
    method: 'GET',
    path: '/loyalty/rules',
    function: 'loyaltyRules',
    auth: read,
    summary: 'The earning rules in force (the defaults at seq 0 until an admin saves some)',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The rules', json: api.storedRules } },
  },
  setLoyaltyRules: {
    method: 'PUT',
    path: '/loyalty/rules',
    function: 'loyaltyRules',
    auth: admin,
    summary: 'Replaces the earning rules, guarded by the seq the caller read (a stale save is a 409)',
    request: { params: null, query: null, body: { schema: api.rulesChangeSchema, maxBytes: 32 * 1024 } },
    responses: { 200: { description: 'The rules saved', json: api.storedRules } },
  },
  getMemberLoyalty: {
    method: 'GET',
    path: '/customers/{customerId}/loyalty',
    function: 'memberLoyalty',
    auth: read,
    summary:
      "A member's balance, lots by lapse day, ledger entries and coupons (a customer one may not see is not found)",
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: "The member's loyalty", json: api.memberLoyalty } },
  },
  redeemPoints: {
    method: 'POST',
    path: '/customers/{customerId}/loyalty/redemptions',
    function: 'memberLoyalty',
    auth: write,
    summary:
      'A till or web shop spends points against an order, nearest-expiring first (Idempotency-Key: a retry spends once)',
    request: { params: api.customerParams, query: null, body: { schema: api.redeemPointsBody, maxBytes: 4096 } },
    idempotency: { key: 'optional' },
    responses: { 201: { description: 'Spent', json: api.pointsRedemption } },
  },
  validateCoupon: {
    method: 'POST',
    path: '/coupons/{code}/validate',
    function: 'coupons',
    auth: write,
    summary: 'What a coupon or reward takes off a basket today; 409 when already redeemed, 422 when it does not apply',
    request: { params: api.codeParams, query: null, body: { schema: api.validateCouponBody, maxBytes: 64 * 1024 } },
    responses: { 200: { description: 'It applies', json: api.couponCheck } },
  },
  redeemCoupon: {
    method: 'POST',
    path: '/coupons/{code}/redeem',
    function: 'coupons',
    auth: write,
    summary:
      'Redeems a coupon or reward against an order, once (Idempotency-Key); a second till redeeming it gets a 409',
    request: { params: api.codeParams, query: null, body: { schema: api.redeemCouponBody, maxBytes: 64 * 1024 } },
    idempotency: { key: 'optional' },
    responses: { 201: { description: 'Redeemed', json: api.couponRedemption } },
  },
  createCouponCampaign: {
    method: 'POST',
    path: '/loyalty/coupon-campaigns',
    function: 'couponCampaigns',
    auth: write,
    summary: 'A coupon campaign: one single-use code to each member of a campaigns segment, issued at once',
    request: { params: null, query: null, body: { schema: api.createCampaignBody, maxBytes: 16 * 1024 } },
    responses: { 201: { description: 'Issued', json: api.couponCampaign, headers: ['location'] } },
  },
  issueCouponCampaign: {
    method: 'POST',
    path: '/loyalty/coupon-campaigns/{campaignId}/issue',
    function: 'couponCampaigns',
    auth: write,
    summary:
      'Issues again: codes to members not yet issued, and each member told their code once (a rerun sends nothing new)',
    request: { params: api.campaignParams, query: null, body: null },
    responses: { 200: { description: 'Issued', json: api.couponCampaign } },
  },
  listCouponCampaigns: {
    method: 'GET',
    path: '/loyalty/coupon-campaigns',
    function: 'couponCampaigns',
    auth: read,
    summary: 'Coupon campaigns, newest first, each with issued → redeemed → revenue',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The campaigns', json: api.campaignList } },
  },
  getCouponCampaign: {
    method: 'GET',
    path: '/loyalty/coupon-campaigns/{campaignId}',
    function: 'couponCampaigns',
    auth: read,
    summary: "One coupon campaign's report: issued, redeemed, the baskets' revenue and the discount given",
    request: { params: api.campaignParams, query: null, body: null },
    responses: { 200: { description: 'The campaign', json: api.couponCampaign } },
  },
  getLoyaltyReport: {
    method: 'GET',
    path: '/loyalty/reports',
    function: 'loyaltyReports',
    auth: read,
    summary: 'Points liability (outstanding points and their TRY value) and points earned, spent and expired per month',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The report', json: api.loyaltyReport } },
  },
  getReconciliation: {
    method: 'GET',
    path: '/loyalty/reconciliation',
    function: 'loyaltyReports',
    auth: read,
    summary: 'The last reconciliation: every balance against the sum of its entries, and any difference',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The last run', json: api.reconciliationReport } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const loyalty: UseCaseManifest = {
  name: 'loyalty',
  events,
  recordParts: { points: { place: 90 } },
  problems: loyaltyProblems,
  scopes: {
    // The loyalty team (marketers are managers): members' points, coupon campaigns, the reports. The
    // earning rules (`loyalty:admin`) stay with admins and keys.
    'loyalty:read': {
      en: "Read members' points, coupons and loyalty reports",
      tr: 'Üyelerin puanlarını, kuponlarını ve sadakat raporlarını okur',
      grantedTo: ['manager', 'director'],
    },
    'loyalty:write': {
      en: 'Redeem points and coupons, issue coupon campaigns',
      tr: 'Puan ve kupon kullandırır, kupon kampanyası çıkarır',
      grantedTo: ['manager', 'director'],
    },
    'loyalty:admin': {
      en: 'Change the earning rules',
      tr: 'Puan kazanma kurallarını değiştirir',
      grantedTo: [],
      mfa: true,
    },
  },
  functions: {
    loyaltyRules: {
      entry: `${dir}/loyalty-rules.ts`,
      description: 'Staff: read and replace the earning rules',
      uses: { table: 'write' },
    },
    memberLoyalty: {
      entry: `${dir}/member-loyalty.ts`,
      description: "Staff: a member's points; integrations: spend points against an order",
      uses: { table: 'write' },
    },
    coupons: {
      entry: `${dir}/coupons.ts`,
      description: 'Integrations: validate and redeem coupons and rewards',
      uses: { table: 'write' },
    },
    couponCampaigns: {
      entry: `${dir}/coupon-campaigns.ts`,
      description: 'Marketing: issue coupons to a segment, tell each member their code, read the report',
      timeoutSeconds: 300,
      uses: { table: 'write', mail: true, sms: true, signingSecret: true },
    },
    loyaltyReports: {
      entry: `${dir}/loyalty-reports.ts`,
      description: 'Staff: points liability, month figures and the last reconciliation',
      uses: { table: 'read' },
    },
    postOrderPoints: {
      entry: `${dir}/post-order-points.ts`,
      description: "Posts an order's points once when it reaches the rules' status, and reverses them once",
      uses: { table: 'write' },
    },
    mailReward: {
      entry: `${dir}/mail-reward.ts`,
      description: 'Mails the member their new reward, once',
      uses: { table: 'write', mail: true },
    },
    expirePoints: {
      entry: `${dir}/expire-points.ts`,
      description: 'Lapses points whose last day has passed',
      timeoutSeconds: 900,
      uses: { table: 'write' },
    },
    reconcileLedger: {
      entry: `${dir}/reconcile-ledger.ts`,
      description: 'Checks every balance against the sum of its entries and stores the differences',
      timeoutSeconds: 900,
      uses: { table: 'write' },
    },
    mailStatements: {
      entry: `${dir}/mail-statements.ts`,
      description: "Sends each member last month's statement by mail or text, once per period",
      timeoutSeconds: 900,
      uses: { table: 'write', mail: true, sms: true },
    },
  },
  routes: routeList(loyaltyRoutes),
  subscriptions: [
    {
      name: 'post-order-points',
      function: 'postOrderPoints',
      pattern: {
        source: [catalogue.OrderStatusChanged.source],
        'detail-type': ['OrderStatusChanged'],
        detail: { to: ['shipped', 'delivered', 'cancelled', 'returned'] },
      },
    },
    {
      name: 'mail-loyalty-reward',
      function: 'mailReward',
      pattern: { source: [events.LoyaltyRewardIssued.source], 'detail-type': ['LoyaltyRewardIssued'] },
    },
  ],
  schedules: [
    // Just after midnight: a lot's last day is over.
    { name: 'expire-points', function: 'expirePoints', expression: 'cron(15 0 * * ? *)', timezone: 'Europe/Istanbul' },
    // After the lapse run, so the report sees the day's last postings settled.
    {
      name: 'reconcile-ledger',
      function: 'reconcileLedger',
      expression: 'cron(45 0 * * ? *)',
      timezone: 'Europe/Istanbul',
    },
    // The first of the month, morning: last month's statement.
    {
      name: 'mail-statements',
      function: 'mailStatements',
      expression: 'cron(0 9 1 * ? *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
