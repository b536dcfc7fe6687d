// Standing orders against DynamoDB Local: a customer's monthly lines without an agreement, placed by
// the agreements' daily sweep through the same period machinery — each month's order once, however
// often the sweep runs or races, a skipped month none, and a line nothing prices refused up front.
import { beforeAll, describe, expect, it } from 'vitest';
import { placedPeriods, standingOrders } from '../../functions/agreements/agreement-store.js';
import { createStandingOrder, skipStandingPeriod, sweepAgreements } from '../../functions/agreements/agreements.js';
import { upcomingPeriods } from '../../functions/agreements/domain/agreement.js';
import type { CreateStandingOrder } from '../../functions/agreements/domain/agreement-input.js';
import type { Order } from '../../functions/order-routing/order-store.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { getCustomer } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { noRecord } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { ProblemError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';

const shop: Actor = { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };
const rep = { userId: 'rep-ayse' };

const aCustomer = async () => {
  const tag = Math.random().toString(36).slice(2, 10);
  const { customerId } = await intakeOrder(
    {
      customer: { name: 'Sena Sürekli', email: `standing-${tag}@example.com`, language: 'tr' },
      lines: [{ sku: 'TP-20', quantity: 1, unitPrice: 1_850_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Sok. 3', city: 'İzmir' },
      channel: 'web-shop',
    },
    shop,
    newId(),
  );
  return (await getCustomer(customerId))!;
};

/** The customer's orders a standing order placed. */
const standingOrdersOf = async (customerId: string) =>
  (await queryAll({ partition: `CUSTOMER#${customerId}`, range: { prefix: 'ORDER#' } }))
    .filter((item) => item.type === 'order' && item.channel === 'standing-order')
    .map((item) => item as unknown as Order);

/** On the 10th from January 2027: a forklift at its own price, two pallet trucks at the price list's (if any). */
const monthly = (over: Partial<CreateStandingOrder>): CreateStandingOrder => ({
  currency: 'TRY',
  dayOfMonth: 10,
  startsOn: '2027-01-10',
  lines: [
    { sku: 'FL-25E', quantity: 1, unitPrice: 90_000_000 },
    { sku: 'TP-20', quantity: 2 },
  ],
  ...over,
});

const day = (date: string) => new Date(`${date}T03:00:00.000Z`);
/** Every `step`-th day from `from` to `to`, with each month's 9th, 10th and 11th (around the due day). */
const daysOf = (from: string, to: string, step = 4) => {
  const out = new Set<string>();
  for (let n = 0; ; n++) {
    const d = new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    if (d > to) break;
    if (n % step === 0 || ['09', '10', '11'].includes(d.slice(8))) out.add(d);
  }
  return [...out];
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('a standing order without an agreement', () => {
  it('places exactly three orders over a quarter of sweeps, and none in a skipped month', {
    timeout: 120_000,
  }, async () => {
    const customer = await aCustomer();
    const created = await createStandingOrder(
      customer,
      monthly({ priceListId: 'tr-standart' }),
      rep,
      noRecord,
      day('2026-12-20'),
    );
    expect(upcomingPeriods(created, '2026-12-20').map((p) => p.period)).toEqual(['2027-01', '2027-02', '2027-03']);

    // The quarter's sweeps, the due days swept twice at once (a retried schedule).
    for (const date of daysOf('2027-01-01', '2027-03-31')) {
      const runs = date.endsWith('-10') ? 2 : 1;
      await Promise.all(Array.from({ length: runs }, () => sweepAgreements(day(date))));
      if (date === '2027-01-09') expect(await standingOrdersOf(customer.customerId)).toEqual([]);
    }
    const placed = await placedPeriods(created);
    expect(placed.map((p) => p.period)).toEqual(['2027-01', '2027-02', '2027-03']);
    const orders = await standingOrdersOf(customer.customerId);
    expect(orders).toHaveLength(3);
    expect(orders.map((o) => o.orderId).sort()).toEqual(placed.map((p) => p.orderId).sort());
    for (const o of orders) {
      expect(o).toMatchObject({ standingOrderId: created.standingOrderId, status: 'received', ownerId: 'rep-ayse' });
      // 1 × 900.000,00 agreed on the line + 2 × 18.500,00 from the price list.
      expect(o.totals.grandTotal).toEqual({ amount: 93_700_000, currency: 'TRY' });
      expect(o.agreementId).toBeUndefined();
    }

    // April skipped ahead of time: a month of sweeps places nothing; May is placed on its day.
    const current = (await standingOrders.get({
      pk: `CUSTOMER#${customer.customerId}`,
      sk: `STANDING-ORDER#${created.standingOrderId}`,
    }))!;
    const skipped = await skipStandingPeriod(current, current.seq, '2027-04', 'rep-ayse', day('2027-04-01'));
    expect(upcomingPeriods(skipped, '2027-04-01').map((p) => [p.period, p.skipped])).toEqual([
      ['2027-04', true],
      ['2027-05', false],
      ['2027-06', false],
    ]);
    await expect(skipStandingPeriod(current, current.seq, '2027-05', 'rep-ayse')).rejects.toMatchObject({
      code: 'standing-order-changed',
    });
    for (const date of daysOf('2027-04-01', '2027-04-30')) await sweepAgreements(day(date));
    expect(await standingOrdersOf(customer.customerId)).toHaveLength(3);
    await sweepAgreements(day('2027-05-10'));
    expect((await placedPeriods(created)).map((p) => p.period)).toEqual(['2027-01', '2027-02', '2027-03', '2027-05']);
    expect(await standingOrdersOf(customer.customerId)).toHaveLength(4);
    expect((await standingOrders.history(skipped)).map((h) => h.action)).toContain('skip');
  });

  it('refuses a line nothing prices, naming it, and writes nothing', async () => {
    const customer = await aCustomer();
    const refused = await createStandingOrder(customer, monthly({}), rep, noRecord).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 422, code: 'agreement-price-refused' });
    expect((refused as ProblemError).errors.map((p) => p.path)).toEqual(['lines.1.sku']);
    const items = await queryAll({
      partition: `CUSTOMER#${customer.customerId}`,
      range: { prefix: 'STANDING-ORDER#' },
    });
    expect(items).toEqual([]);
  });
});
