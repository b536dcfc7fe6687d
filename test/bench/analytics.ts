// Analytics on the local stack:
//   1. The nightly A/B/C job with BENCH_ANALYTICS_CUSTOMERS customers (default 2,000; the issue's
//      figure is 100,000), half of them buyers, 1 % of whose segment moves that night: its duration
//      and read units per buyer, beside a baseline that only reads the same buyers index once.
//   2. The incremental update (one order into its customer's figures: read, then the figures and
//      the applied marker in one transaction): p50 per order, beside one single-put transaction.
// The bench runs at an injected date in a year of its own, so the buyers index holds only its buyers.

import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  applyOrder,
  last12Months,
  type OrderValue,
  revenueBetween,
} from '../../functions/analytics/domain/customer-value.js';
import { defaultSegmentRules, segmentsOf } from '../../functions/analytics/domain/segments.js';
import { assignSegments } from '../../functions/analytics/segment-job.js';
import { applyOrderValue, buyersIn, yearFigures } from '../../functions/analytics/value-store.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { istanbulDate } from '../../shared/time.js';
import { countReadUnits } from './cases.js';
import { out } from './output.js';

const CUSTOMERS = Number(process.env.BENCH_ANALYTICS_CUSTOMERS ?? 2_000);
const ORDERS = Number(process.env.BENCH_ANALYTICS_ORDERS ?? 200);
const MOVED_SHARE = 0.01;

const writeAll = async (stack: LocalStack, items: Record<string, unknown>[]) => {
  for (let i = 0; i < items.length; i += 25) {
    await stack.documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
};

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const benchAnalytics = async (stack: LocalStack) => {
  const year = 2200 + Math.floor(Math.random() * 700);
  const now = new Date(`${year}-06-15T09:00:00.000Z`);
  const today = istanbulDate(now);
  const at = now.toISOString();
  // Buyers: one delivered order each this year, of a spread of sizes (a long tail, as sales have).
  const ids = Array.from({ length: CUSTOMERS }, () => newId());
  const buyers = ids.slice(0, CUSTOMERS / 2).map((customerId, i) =>
    applyOrder(
      undefined,
      {
        orderId: newId(),
        customerId,
        orderDate: `${year}-0${1 + (i % 5)}-10`,
        currency: 'TRY',
        amount: 0,
        amountTry: 1_000 + ((i * 7919) % 1_000_000),
      },
      'delivered',
    ),
  );
  // Last night's segments, on the profiles and the figures: all but MOVED_SHARE of the buyers already right.
  const window = last12Months(today);
  const segments = segmentsOf(
    buyers.map((f) => ({ customerId: f.customerId, revenueTry: revenueBetween([f], window.from, window.to) })),
    defaultSegmentRules,
  );
  const moved = Math.round(buyers.length * MOVED_SHARE);
  const lastNight = (customerId: string, i: number) =>
    i < moved ? (segments.get(customerId) === 'A' ? 'C' : 'A') : segments.get(customerId);
  const profiles = ids.map((customerId, i) => ({
    ...customers.item({ customerId, name: `Bench Analiz ${i}`, language: 'tr', createdAt: at, updatedAt: at }),
    ...(i < buyers.length ? { segment: lastNight(customerId, i) } : {}),
  }));
  const seeding = performance.now();
  await writeAll(stack, [
    ...profiles,
    ...buyers.map((f, i) => yearFigures.item({ ...f, segment: lastNight(f.customerId, i) })),
  ]);
  const seedSeconds = (performance.now() - seeding) / 1000;

  const baselineUnits = countReadUnits();
  let started = performance.now();
  const read = (await buyersIn(String(year))).length + (await buyersIn(String(year - 1))).length;
  const baselineMs = performance.now() - started;
  const baselineRead = baselineUnits.total();
  baselineUnits.stop();

  const jobUnits = countReadUnits();
  started = performance.now();
  const outcome = await assignSegments(now);
  const jobMs = performance.now() - started;
  const jobRead = jobUnits.total();
  jobUnits.stop();

  out.log(
    `\nNightly A/B/C with ${CUSTOMERS} customers, ${buyers.length} buyers, ${moved} moving (seeded in ${seedSeconds.toFixed(0)} s)`,
  );
  out.table({
    'nightly job': {
      seconds: (jobMs / 1000).toFixed(1),
      'read units': jobRead.toFixed(0),
      'read units per buyer': (jobRead / buyers.length).toFixed(3),
      changed: outcome.changed,
      buyers: outcome.buyers,
    },
    'baseline: read the buyers index once': {
      seconds: (baselineMs / 1000).toFixed(1),
      'read units': baselineRead.toFixed(0),
      'read units per buyer': (baselineRead / buyers.length).toFixed(3),
      changed: '—',
      buyers: read,
    },
    ratio: { seconds: `${(jobMs / baselineMs).toFixed(2)}×`, 'read units': `${(jobRead / baselineRead).toFixed(2)}×` },
  });

  // One order at a time into a buyer's figures, against a one-put transaction on the same client.
  const orders: OrderValue[] = Array.from({ length: ORDERS }, (_, i) => ({
    orderId: newId(),
    customerId: ids[i % buyers.length]!,
    orderDate: `${year}-06-0${1 + (i % 9)}`,
    currency: 'TRY',
    amount: 5_000,
    amountTry: 5_000,
  }));
  const update: number[] = [];
  for (const order of orders) {
    const t = performance.now();
    await applyOrderValue(order, 'delivered', now);
    update.push(performance.now() - t);
  }
  const baseline: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const t = performance.now();
    await stack.documents.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: TABLE_NAME, Item: { pk: `BENCH#analytics#${year}`, sk: String(i) } } }],
      }),
    );
    baseline.push(performance.now() - t);
  }
  out.log(`\nIncremental customer value, ${ORDERS} orders one at a time`);
  out.table({
    'order into figures': { 'p50 ms': p50(update).toFixed(1) },
    'baseline: one-put transaction': { 'p50 ms': p50(baseline).toFixed(1) },
    ratio: { 'p50 ms': `${(p50(update) / p50(baseline)).toFixed(2)}×` },
  });
};
