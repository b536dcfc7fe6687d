// GET /agreements/{agreementId} (its volume, periods and history), GET /agreements/{agreementId}/pdf, and
// GET /standing-orders/{standingOrderId} (its months placed and ahead, its history).
import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route, routes } from '../../../shared/http.js';
import { istanbulDate } from '../../../shared/time.js';
import { agreements, orderedUnder, placedPeriods, type ScheduleHolder, standingOrders } from '../agreement-store.js';
import { agreementVisibleTo, renderAgreementPdf, standingOrderVisibleTo } from '../agreements.js';
import { renewalReminderOn, upcomingPeriods, volume } from '../domain/agreement.js';
import { agreementRoutes } from '../manifest.js';
import { agreementNumber } from '../templates/agreement-view.js';

/** The months placed, and the next ones ahead not placed yet. */
const periodsView = async (h: ScheduleHolder) => {
  const placed = await placedPeriods(h);
  return {
    placedPeriods: placed.map(({ period, orderId }) => ({ period, orderId })),
    upcomingPeriods: upcomingPeriods(h, istanbulDate(clockNow())).filter(
      (p) => !placed.some((done) => done.period === p.period),
    ),
  };
};

const current = route(agreementRoutes.getAgreement, async ({ actor, params }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  const [orders, periods, history] = await Promise.all([orderedUnder(a), periodsView(a), agreements.history(a)]);
  return json(200, {
    ...a,
    number: agreementNumber(a),
    volume: volume(
      a.commitments,
      orders.flatMap((o) => o.lines),
    ),
    orders: orders.map(({ orderId, at, period }) => ({ orderId, at, ...(period ? { period } : {}) })),
    ...periods,
    renewalReminderOn: renewalReminderOn(a),
    history,
  });
});

const pdf = route(agreementRoutes.getAgreementPdf, async ({ actor, params }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${agreementNumber(a)}.pdf"`,
      'cache-control': 'no-store',
    },
    body: Buffer.from(await renderAgreementPdf(a)).toString('base64'),
    isBase64Encoded: true,
  };
});

const standing = route(agreementRoutes.getStandingOrder, async ({ actor, params }) => {
  const s = await standingOrderVisibleTo(await viewerOf(actor), params.standingOrderId);
  const [periods, history] = await Promise.all([periodsView(s), standingOrders.history(s)]);
  return json(200, { ...s, ...periods, history });
});

export const handler = routes([current, pdf, standing]);
