// The ERP's postings and an order's instalments against DynamoDB Local: an invoice or payment posted
// twice is recorded once, an unknown order is refused naming the field, payments pay the instalments
// down once each, the owner is reminded once per instalment however sweeps repeat, and the manager's
// overdue list holds an order only while its oldest unpaid instalment is past due.
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postInvoice, postPayment } from '../../functions/erp/postings.js';
import {
  applyPayment,
  getPlan,
  overduePlans,
  planFromOrder,
  remindDue,
} from '../../functions/instalments/plan-store.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { startSesStandIn } from '../support/ses-stand-in.js';

let ses: Awaited<ReturnType<typeof startSesStandIn>>;
beforeAll(async () => {
  ses = await startSesStandIn();
  await loadReferenceData(db(), tableName(), demoItems());
});
afterAll(() => ses.close());

/** An order of 1,900,000.00 TRY, with a payment plan as an order from a quote carries it. */
const orderWithPlan = async () => {
  const tag = newId().slice(-8).toLowerCase();
  const { orderId, customerId } = await intakeOrder(
    {
      customer: { name: 'Deniz Deneme', email: `erp-${tag}@example.com`, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 2, unitPrice: 95_000_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
      channel: 'web-shop',
    },
    { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] },
    newId(),
  );
  // Test set-up: what order routing stores for an order from a quote with two instalments.
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `CUSTOMER#${customerId}`, sk: `ORDER#${orderId}` },
      UpdateExpression: 'SET paymentPlan = :plan, ownerId = :owner',
      ExpressionAttributeValues: {
        ':plan': [
          { dueDate: '2026-09-15', amount: money(95_000_000, 'TRY') },
          { dueDate: '2026-10-15', amount: money(95_000_000, 'TRY') },
        ],
        ':owner': 'rep-ayse',
      },
    }),
  );
  return { orderId, customerId };
};

const itemsUnder = async (customerId: string, prefix: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':prefix': prefix },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

describe('what the ERP posts back', () => {
  it('records an invoice once however often it is posted, and refuses the number with other figures', async () => {
    const { orderId, customerId } = await orderWithPlan();
    const invoice = {
      orderId,
      invoiceNumber: `GIB2026${newId().slice(-9)}`,
      eInvoiceType: 'e-fatura' as const,
      eInvoiceId: '6f1c2a4e-3b7d-4e8f-9a10-2b3c4d5e6f70',
      issuedOn: '2026-09-01',
      amount: 228_000_000,
      currency: 'TRY',
    };
    const first = await postInvoice(invoice);
    const again = await postInvoice(invoice);
    expect(first.recorded).toBe(true);
    expect(again).toEqual({ recorded: false, posting: first.posting });
    expect(await itemsUnder(customerId, 'ERP#INVOICE#')).toHaveLength(1);
    await expect(postInvoice({ ...invoice, amount: 228_000_001 })).rejects.toMatchObject({
      status: 409,
      code: 'erp-number-reused',
    });
    expect(await itemsUnder(customerId, 'ERP#INVOICE#')).toHaveLength(1);
  });

  it('refuses a posting for an unknown order or in another currency, naming the field, and writes nothing', async () => {
    const { orderId, customerId } = await orderWithPlan();
    const payment = { orderId, paymentId: `P-${newId()}`, paidOn: '2026-09-10', amount: 1, currency: 'TRY' };
    await expect(postPayment({ ...payment, orderId: newId() })).rejects.toMatchObject({
      status: 422,
      code: 'unknown-order',
      errors: [{ path: 'orderId' }],
    });
    await expect(postPayment({ ...payment, currency: 'EUR' })).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'currency' }],
    });
    expect(await itemsUnder(customerId, 'ERP#PAYMENT#')).toHaveLength(0);
  });
});

describe("an order's instalments", () => {
  it('are planned once, paid down once per payment, reminded once each, and listed while overdue', async () => {
    const { orderId, customerId } = await orderWithPlan();
    expect(await planFromOrder({ customerId, orderId })).toEqual({ status: 'planned' });
    expect(await planFromOrder({ customerId, orderId })).toEqual({ status: 'exists' });

    // Reminders: three working days before 15 September 2026 (Tuesday) is Thursday 10th, 09:00 Istanbul.
    ses.reset();
    const beforeIt = await remindDue(new Date('2026-09-10T05:59:59Z'));
    expect(beforeIt.acted).toBe(0);
    const sweeps = await Promise.all([
      remindDue(new Date('2026-09-10T06:00:00Z')),
      remindDue(new Date('2026-09-10T06:00:00Z')),
    ]);
    expect(sweeps.reduce((n, s) => n + s.acted, 0)).toBe(1);
    expect(await remindDue(new Date('2026-09-11T06:00:00Z'))).toMatchObject({ acted: 0 });
    const reminders = ses.raw.filter((mail) => mail.includes(orderId.slice(-8)) || mail.includes(orderId));
    expect(reminders).toHaveLength(1);
    let plan = (await getPlan(customerId, orderId))!;
    expect(plan.instalments.map((i) => Boolean(i.remindedAt))).toEqual([true, false]);

    // The first instalment is missed: on the 16th it is overdue and on the manager's list.
    const listed = async (today: string) => (await overduePlans(today)).some((p) => p.orderId === orderId);
    expect(await listed('2026-09-15')).toBe(false);
    expect(await listed('2026-09-16')).toBe(true);

    // A payment of 950,000.00 TRY posted and delivered twice counts once: the first is paid.
    const payment = { orderId, paymentId: `P-${newId()}`, paidOn: '2026-09-20', amount: 95_000_000, currency: 'TRY' };
    expect((await postPayment(payment)).recorded).toBe(true);
    expect((await postPayment(payment)).recorded).toBe(false);
    const detail = { customerId, orderId, paymentId: payment.paymentId, amount: payment.amount };
    await applyPayment(detail);
    await applyPayment(detail);
    plan = (await getPlan(customerId, orderId))!;
    expect(plan.paid).toBe(95_000_000);
    expect(await listed('2026-09-21')).toBe(false);
    expect(await listed('2026-10-16')).toBe(true);

    // The second is reminded on Monday 12 October (three working days before Thursday 15th), once.
    expect(await remindDue(new Date('2026-10-12T05:59:59Z'))).toMatchObject({ acted: 0 });
    expect(await remindDue(new Date('2026-10-12T06:00:00Z'))).toMatchObject({ acted: 1 });
    expect(await remindDue(new Date('2026-10-12T07:00:00Z'))).toMatchObject({ acted: 0 });
    plan = (await getPlan(customerId, orderId))!;
    expect(plan.instalments.map((i) => Boolean(i.remindedAt))).toEqual([true, true]);
  });
});
