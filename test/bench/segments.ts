// Segments by what people buy, on the local stack: BENCH_SEGMENT_CUSTOMERS customers (default 100,000),
// every one a buyer, with BENCH_SEGMENT_LINES order lines each (default 10: a million lines) in 20
// categories over the 15 months to May of a year of their own (a quarter of them spending a third as
// much in the last three). In the same run, each with its duration and read units per buyer:
//   1. the segment pass a coupon campaign or a letter run makes (`segmentMembers`) with a category
//      condition ("bought category 3 in those months"): the purchasers index once, then the directory;
//   2. the same with "buys less than before" (spend in March–May 30 % below the four quarters before);
//   3. today's nightly A/B/C segment job over the same buyers (1 % of them moving), for comparison.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  applyOrder,
  last12Months,
  revenueBetween,
  type YearFigures,
} from '../../functions/analytics/domain/customer-value.js';
import { applyPurchase, type PurchaseFigures } from '../../functions/analytics/domain/purchases.js';
import { defaultSegmentRules, segmentsOf } from '../../functions/analytics/domain/segments.js';
import { assignSegments } from '../../functions/analytics/segment-job.js';
import { purchaseFigures, yearFigures } from '../../functions/analytics/value-store.js';
import { shiftMonth } from '../../functions/campaigns/domain/buying-less.js';
import type { SegmentFilter } from '../../functions/campaigns/domain/segment-filter.js';
import { segmentMembers } from '../../functions/campaigns/segments.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { setClock } from '../../shared/clock.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { istanbulDate } from '../../shared/time.js';
import { countReadUnits } from './cases.js';
import { out } from './output.js';

const CUSTOMERS = Number(process.env.BENCH_SEGMENT_CUSTOMERS ?? 100_000);
const LINES_PER_CUSTOMER = Number(process.env.BENCH_SEGMENT_LINES ?? 10);
const LINES_PER_ORDER = 2;
const CATEGORIES = 20;
const MOVED_SHARE = 0.01;
const PARALLEL_BATCHES = 4;

const writeAll = async (stack: LocalStack, items: Record<string, unknown>[]) => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES)
    await Promise.all(
      batches
        .slice(i, i + PARALLEL_BATCHES)
        .map((batch) =>
          stack.documents.send(
            new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: batch.map((Item) => ({ PutRequest: { Item } })) } }),
          ),
        ),
    );
};

/** A customer's orders: LINES_PER_CUSTOMER lines, two an order, over the 15 months to May; a year item each. */
const buyerOf = (customerId: string, index: number, year: number) => {
  const value = new Map<string, YearFigures>();
  const bought = new Map<string, PurchaseFigures>();
  for (let o = 0; o < LINES_PER_CUSTOMER / LINES_PER_ORDER; o++) {
    const seed = index * 31 + o * 7;
    const month = shiftMonth(`${year - 1}-03`, (seed + o) % 15);
    const orderDate = `${month}-${String(1 + (seed % 28)).padStart(2, '0')}`;
    const falling = index % 4 === 0 && month >= `${year}-03`;
    const lines = Array.from({ length: LINES_PER_ORDER }, (_, l) => ({
      category: `kategori-${(seed + l * 3) % CATEGORIES}`,
      amountTry: Math.round((1_000 + ((seed * 7919 + l * 104_729) % 200_000)) / (falling ? 3 : 1)),
    }));
    const amountTry = lines.reduce((sum, line) => sum + line.amountTry, 0);
    const order = { orderId: newId(), customerId, orderDate, currency: 'TRY', amount: amountTry, amountTry, lines };
    const y = month.slice(0, 4);
    value.set(y, applyOrder(value.get(y), order, 'delivered'));
    bought.set(y, applyPurchase(bought.get(y), order, 1));
  }
  return { value: [...value.values()], bought: [...bought.values()] };
};

const timed = async <T>(work: () => Promise<T>) => {
  const units = countReadUnits();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const read = units.total();
  units.stop();
  return { result, seconds, read };
};

const members = async (filter: SegmentFilter) => {
  let count = 0;
  for await (const _ of segmentMembers(filter)) count++;
  return count;
};

export const benchSegments = async (stack: LocalStack) => {
  const year = 2200 + Math.floor(Math.random() * 700);
  const now = new Date(`${year}-06-15T09:00:00.000Z`);
  const at = now.toISOString();
  const ids = Array.from({ length: CUSTOMERS }, () => newId());
  const buyers = ids.map((customerId, i) => buyerOf(customerId, i, year));
  // Last night's segments on the profiles and the figures: all but MOVED_SHARE already right.
  const window = last12Months(istanbulDate(now));
  const segments = segmentsOf(
    buyers.map(({ value }, i) => ({ customerId: ids[i]!, revenueTry: revenueBetween(value, window.from, window.to) })),
    defaultSegmentRules,
  );
  const moved = Math.round(CUSTOMERS * MOVED_SHARE);
  const lastNight = (customerId: string, i: number) =>
    i < moved ? (segments.get(customerId) === 'A' ? 'C' : 'A') : segments.get(customerId);
  const seeding = performance.now();
  await writeAll(
    stack,
    ids.flatMap((customerId, i) => [
      {
        ...customers.item({
          customerId,
          name: `Bench Segment ${i}`,
          email: `segment-${i}@example.com`,
          language: 'tr',
          createdAt: '2020-01-01T00:00:00.000Z',
          updatedAt: at,
        }),
        segment: lastNight(customerId, i),
      },
      ...buyers[i]!.value.map((figures) => yearFigures.item({ ...figures, segment: lastNight(customerId, i) })),
      ...buyers[i]!.bought.map((figures) => purchaseFigures.item(figures)),
    ]),
  );
  const seedSeconds = (performance.now() - seeding) / 1000;

  const category: SegmentFilter = {
    purchases: [{ kind: 'bought', category: 'kategori-3', from: `${year - 1}-03`, to: `${year}-05` }],
  };
  const buysLess: SegmentFilter = { purchases: [{ kind: 'buys-less' }] };
  setClock(now);
  try {
    const byCategory = await timed(() => members(category));
    const byDecline = await timed(() => members(buysLess));
    const nightly = await timed(() => assignSegments(now));
    const row = (run: { seconds: number; read: number }, matched: number | string) => ({
      seconds: run.seconds.toFixed(1),
      'ms per buyer': ((run.seconds * 1000) / CUSTOMERS).toFixed(3),
      'read units': run.read.toFixed(0),
      'read units per buyer': (run.read / CUSTOMERS).toFixed(3),
      matched,
    });
    out.log(
      `\nSegments with ${CUSTOMERS} customers, all buyers, ${CUSTOMERS * LINES_PER_CUSTOMER} order lines in ` +
        `${CATEGORIES} categories (seeded in ${seedSeconds.toFixed(0)} s)`,
    );
    out.table({
      'segment pass, category condition': row(byCategory, byCategory.result),
      'segment pass, buys less than before': row(byDecline, byDecline.result),
      'today: nightly A/B/C job': row(nightly, `${nightly.result.changed} changed`),
      ratio: {
        seconds: `${(byCategory.seconds / nightly.seconds).toFixed(2)}×`,
        'read units': `${(byCategory.read / nightly.read).toFixed(2)}×`,
      },
    });
    out.log(
      `segment pass with a category condition: ${((byCategory.seconds * 1000) / CUSTOMERS).toFixed(3)} ms and ` +
        `${(byCategory.read / CUSTOMERS).toFixed(3)} read units per buyer; nightly A/B/C job: ` +
        `${((nightly.seconds * 1000) / CUSTOMERS).toFixed(3)} ms and ${(nightly.read / CUSTOMERS).toFixed(3)}`,
    );
  } finally {
    setClock(undefined);
  }
};
