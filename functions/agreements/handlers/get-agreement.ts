// GET /agreements/{agreementId} (its volume, periods and history) and GET /agreements/{agreementId}/pdf.
import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route, routes } from '../../../shared/http.js';
import { istanbulDate } from '../../../shared/time.js';
import { agreements, orderedUnder, placedPeriods } from '../agreement-store.js';
import { agreementVisibleTo } from '../agreements.js';
import { renewalReminderOn, upcomingPeriods, volume } from '../domain/agreement.js';
import { agreementRoutes } from '../manifest.js';
import { renderAgreementPdf } from '../pdf/agreement-pdf.js';
import { agreementNumber } from '../templates/agreement-view.js';

const current = route(agreementRoutes.getAgreement, async ({ actor, params }) => {
  const a = await agreementVisibleTo(await viewerOf(actor), params.agreementId);
  const [orders, placed, history] = await Promise.all([orderedUnder(a), placedPeriods(a), agreements.history(a)]);
  return json(200, {
    ...a,
    number: agreementNumber(a),
    volume: volume(
      a.commitments,
      orders.flatMap((o) => o.lines),
    ),
    orders: orders.map(({ orderId, at, period }) => ({ orderId, at, ...(period ? { period } : {}) })),
    placedPeriods: placed.map(({ period, orderId }) => ({ period, orderId })),
    upcomingPeriods: upcomingPeriods(a, istanbulDate(clockNow())).filter(
      (p) => !placed.some((done) => done.period === p.period),
    ),
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

export const handler = routes([current, pdf]);
