// Agreements against DynamoDB Local: a month's periodic order is created once however many sweeps
// race for it (the order, its ledger line and the month's marker in one conditional transaction),
// priced from the agreement and visible as ordered volume; a skipped month places nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { agreements, orderedUnder, placedPeriods } from '../../functions/agreements/agreement-store.js';
import { placePeriod, sweepAgreements } from '../../functions/agreements/agreements.js';
import type { Agreement } from '../../functions/agreements/domain/agreement.js';
import { getOrder } from '../../functions/order-routing/order-store.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName, transact } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';

const shop: Actor = { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };

/** A customer (made by an order, as a shop would) with an accepted agreement that orders on the 5th. */
const acceptedAgreement = async (): Promise<Agreement> => {
  const tag = Math.random().toString(36).slice(2, 10);
  const { customerId } = await intakeOrder(
    {
      customer: { name: 'Deniz Deneme', email: `agreement-${tag}@example.com`, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
      channel: 'web-shop',
    },
    shop,
    newId(),
  );
  const at = '2030-01-01T08:00:00.000Z';
  const a: Agreement = {
    agreementId: newId(),
    customerId,
    kind: 'framework',
    status: 'accepted',
    seq: 3,
    title: 'Forklift çerçeve sözleşmesi',
    parties: { seller: 'Pusula', buyer: 'Deneme A.Ş.' },
    terms: 'Aylık teslim.',
    language: 'tr',
    currency: 'TRY',
    validFrom: '2030-01-01',
    validUntil: '2030-12-31',
    prices: [{ sku: 'FL-25E', unitPrice: { amount: 80_000_000, currency: 'TRY' } }],
    commitments: [{ sku: 'FL-25E', quantity: 24 }],
    reminderWorkingDays: 10,
    schedule: { dayOfMonth: 5, startsOn: '2030-01-05', lines: [{ sku: 'FL-25E', quantity: 2 }], skipped: ['2030-02'] },
    ownerId: 'rep-ayse',
    createdAt: at,
    updatedAt: at,
  };
  expect((await transact(agreements.createItems(a))).ok).toBe(true);
  return a;
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('periodic orders', () => {
  it('creates the month’s order once when sweeps and a direct placement race for it', async () => {
    const a = await acceptedAgreement();
    const day = new Date('2030-01-05T06:00:00.000Z');
    const before = new Date('2030-01-04T06:00:00.000Z');
    await sweepAgreements(before);
    expect(await placedPeriods(a)).toEqual([]);

    const raced = await Promise.all([
      sweepAgreements(day),
      sweepAgreements(day),
      placePeriod(a, '2030-01', day),
      placePeriod(a, '2030-01', day),
    ]);
    const placed = await placedPeriods(a);
    expect(placed.map((p) => p.period)).toEqual(['2030-01']);
    const direct = raced.slice(2).filter(Boolean);
    expect(direct.length).toBeLessThanOrEqual(1);

    const order = await getOrder(a.customerId, placed[0]!.orderId);
    expect(order).toMatchObject({ channel: 'agreement', agreementId: a.agreementId, status: 'received' });
    expect(order?.totals.grandTotal).toEqual({ amount: 160_000_000, currency: 'TRY' });
    expect((await orderedUnder(a)).map((o) => o.lines)).toEqual([
      [{ sku: 'FL-25E', category: 'forklift', quantity: 2 }],
    ]);

    // The next day's sweep finds the month placed; February is skipped; March is placed on its day.
    await sweepAgreements(new Date('2030-01-06T06:00:00.000Z'));
    await sweepAgreements(new Date('2030-02-05T06:00:00.000Z'));
    await sweepAgreements(new Date('2030-03-05T06:00:00.000Z'));
    expect((await placedPeriods(a)).map((p) => p.period)).toEqual(['2030-01', '2030-03']);
  });
});
