// The warehouse's SQL files, run on DuckDB over an export of DynamoDB Local written in DynamoDB's
// export format, against lists computed by hand from a fixture of invented customers. The same files
// are Athena's named queries (test/infra checks that), so what passes here is what Athena answers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetList } from '../../functions/analytics/analytics.js';
import { applyOrderValue } from '../../functions/analytics/value-store.js';
import { listQuery, type WarehouseList, warehouseLists } from '../../functions/analytics/warehouse/warehouse.js';
import { type Case, cases } from '../../functions/complaint-escalation/case-store.js';
import { type Order, orders } from '../../functions/order-routing/order-store.js';
import { ensureTable } from '../../infra/local/dynamodb.js';
import { exportTable } from '../../infra/local/export-table.js';
import { runList } from '../../infra/local/warehouse.js';
import { customers } from '../../shared/customer.js';
import { db } from '../../shared/db.js';
import { istanbulDate } from '../../shared/time.js';

/** Monday 30 November 2026, noon in Istanbul: "last year" is 2025, "12 months ago" is 30 November 2025. */
const asOf = new Date('2026-11-30T09:00:00Z');
const tableName = `pusula-warehouse-${Date.now().toString(36)}`;

const order = (
  customerId: string,
  n: number,
  createdAt: string,
  amountTry: number,
  status: Order['status'] = 'delivered',
) =>
  orders.item({
    orderId: `${customerId}-o${n}`,
    customerId,
    status,
    seq: 3,
    channel: 'web-shop',
    ownerId: 'rep-ayse',
    currency: n % 2 ? 'TRY' : 'EUR',
    language: 'tr',
    lines: [],
    // An order in EUR carries its TRY figure; one in TRY is its own figure: both read the same.
    totals: { grandTotal: { amount: n % 2 ? amountTry : Math.round(amountTry / 40), currency: n % 2 ? 'TRY' : 'EUR' } },
    ...(n % 2 ? {} : { grandTotalTry: { amount: amountTry, currency: 'TRY' } }),
    createdAt,
    updatedAt: createdAt,
  } as Order);

const profile = (customerId: string, segment?: string) => ({
  ...customers.item({
    customerId,
    name: `Örnek Müşteri ${customerId}`,
    language: 'tr',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  }),
  ...(segment ? { segment } : {}),
});

/** A case, opened when the customer was in `segment` (its SLA keeps the segment it was opened with). */
const complaint = (
  customerId: string,
  n: number,
  createdAt: string,
  segment: string,
  caseType: Case['caseType'] = 'complaint',
) =>
  cases.item({
    caseId: `${customerId}-k${n}`,
    caseNumber: `K-${n}`,
    customerId,
    caseType,
    category: 'other',
    priority: 'normal',
    channel: 'phone',
    subject: 'Teslimat gecikti',
    language: 'tr',
    status: 'open',
    seq: 1,
    departmentId: 'dept-service',
    unit: { type: 'department', id: 'dept-service' },
    routeRule: 'fallback',
    openedBy: 'agent-deniz',
    sla: {
      segment,
      targets: { firstResponse: 60, resolution: 540 },
      clock: { bankedMinutes: 0 },
      warned: [],
      escalationLevel: 0,
      escalations: { firstResponse: 0, resolution: 0 },
    },
    createdAt,
    updatedAt: createdAt,
  } as unknown as Case);

// 22 buyers in 2025 (Istanbul calendar), so the top 5% is the first ceil(1.1) = 2 places, ties included.
const fixture = [
  // 1,000,000 at the first instant of 2025 in Istanbul (31 Dec 2024 21:00 UTC): in 2025.
  profile('c06', 'A'),
  order('c06', 1, '2024-12-31T21:00:00.000Z', 1_000_000_00),
  complaint('c06', 1, '2026-05-01T08:00:00Z', 'A', 'request'),
  profile('c01', 'A'),
  order('c01', 1, '2025-05-10T09:00:00Z', 500_000_00),
  order('c01', 2, '2025-06-10T09:00:00Z', 400_000_00),
  order('c01', 3, '2025-07-10T09:00:00Z', 7_000_000_00, 'returned'),
  // Exactly at the start of the Istanbul day a year ago, and a second one later.
  complaint('c01', 1, '2025-11-29T21:00:00.000Z', 'A'),
  complaint('c01', 2, '2026-10-01T08:00:00Z', 'A'),
  // Tied with c01 for second place: both in.
  profile('c02', 'A'),
  order('c02', 1, '2025-08-10T09:00:00Z', 900_000_00),
  // One millisecond before the window.
  complaint('c02', 1, '2025-11-29T20:59:59.999Z', 'A'),
  profile('c03', 'B'),
  order('c03', 1, '2025-09-10T09:00:00Z', 800_000_00),
  // Opened while c03 was a B customer.
  complaint('c03', 1, '2026-09-10T09:00:00Z', 'B'),
  // Only a returned order: not a buyer.
  profile('c04'),
  order('c04', 1, '2025-04-01T09:00:00Z', 5_000_000_00, 'returned'),
  // 00:00 on 1 January 2026 in Istanbul is still 2025 in UTC: not last year's sales.
  profile('c05'),
  order('c05', 1, '2025-12-31T21:00:00.000Z', 5_000_000_00),
  // The last millisecond of 2025 in Istanbul: last year's.
  profile('c07'),
  order('c07', 1, '2025-12-31T20:59:59.999Z', 10_000_00),
  // The last order on 30 November 2025 (Istanbul): twelve months ago, lapsed; in last year's part to date.
  profile('c08'),
  order('c08', 1, '2025-11-30T20:59:59.999Z', 50_000_00),
  // The first instant of 1 December 2025 (Istanbul): not lapsed, and past last year's part to date.
  profile('c09'),
  order('c09', 1, '2025-11-30T21:00:00.000Z', 20_000_00),
  // c10…c24 order the same both years; c11 one kuruş less this year.
  ...Array.from({ length: 15 }, (_, i) => `c${10 + i}`).flatMap((id) => [
    profile(id),
    order(id, 1, '2025-06-15T09:00:00Z', 10_000_00),
    order(id, 2, '2026-06-15T09:00:00Z', id === 'c11' ? 10_000_00 - 1 : 10_000_00),
  ]),
];

let dir: string;
let dataFiles: string[];

beforeAll(async () => {
  await ensureTable(new DynamoDBClient({}), tableName);
  for (let i = 0; i < fixture.length; i += 25) {
    await db().send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: fixture.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'pusula-export-'));
  ({ dataFiles } = await exportTable(new DynamoDBClient({}), tableName, dir));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the export of DynamoDB Local', () => {
  it('is written as DynamoDB exports are: gzip JSON lines of {"Item": …} in DynamoDB JSON, with manifests that count them', () => {
    const exportDir = join(dir, 'AWSDynamoDB', readdirSync(join(dir, 'AWSDynamoDB'))[0]!);
    expect(readdirSync(exportDir).sort()).toEqual(['data', 'manifest-files.json', 'manifest-summary.json']);
    const lines = dataFiles.flatMap((file) => gunzipSync(readFileSync(file)).toString().trim().split('\n'));
    expect(lines).toHaveLength(fixture.length);
    const first = JSON.parse(lines.find((line) => line.includes('"c01-o2"'))!);
    expect(first.Item.totals).toEqual({
      M: { grandTotal: { M: { amount: { N: '1000000' }, currency: { S: 'EUR' } } } },
    });
    const summary = JSON.parse(readFileSync(join(exportDir, 'manifest-summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      itemCount: fixture.length,
      outputFormat: 'DYNAMODB_JSON',
      exportType: 'FULL_EXPORT',
    });
  });
});

describe('the lists on DuckDB, against the hand-computed fixture', () => {
  it('top customers: the top 5% of last year’s buyers by delivered TRY sales, ties at the cut kept, Istanbul year bounds', async () => {
    expect(await runList(dataFiles, 'top-customers', asOf)).toEqual([
      { customer_id: 'c06', revenue_try: 1_000_000_00 },
      { customer_id: 'c01', revenue_try: 900_000_00 },
      { customer_id: 'c02', revenue_try: 900_000_00 },
    ]);
  });

  it('lapsed customers: a last delivered order on or before the same day a year ago, not one a millisecond later', async () => {
    const rows = await runList(dataFiles, 'lapsed-customers', asOf);
    expect(rows.map((row) => row.customer_id)).toEqual(['c06', 'c01', 'c02', 'c03', 'c08']);
  });

  it('declining customers: less this year to date than in the same part of last year, the biggest fall first', async () => {
    expect(await runList(dataFiles, 'declining-customers', asOf)).toEqual([
      { customer_id: 'c06', this_year_try: 0, last_year_try: 1_000_000_00 },
      { customer_id: 'c01', this_year_try: 0, last_year_try: 900_000_00 },
      { customer_id: 'c02', this_year_try: 0, last_year_try: 900_000_00 },
      { customer_id: 'c03', this_year_try: 0, last_year_try: 800_000_00 },
      { customer_id: 'c08', this_year_try: 0, last_year_try: 50_000_00 },
      { customer_id: 'c11', this_year_try: 10_000_00 - 1, last_year_try: 10_000_00 },
    ]);
  });

  it('A customers who complained in the last 12 months: opened as A, from the first instant of that day, complaints only', async () => {
    expect(await runList(dataFiles, 'valuable-complainants', asOf)).toEqual([
      { customer_id: 'c01', complaints: 2, last_complaint_at: '2026-10-01T08:00:00Z' },
    ]);
  });
});

describe('the same lists from the analytics endpoints, kept as orders happen, on the same fixture', () => {
  const sharedTable = process.env.TABLE_NAME;
  beforeAll(async () => {
    // The endpoints' code reads the table the environment names: this file's own, for this block.
    process.env.TABLE_NAME = tableName;
    for (const item of fixture.filter((i) => (i as Record<string, unknown>).type === 'order') as unknown as Order[]) {
      const value = {
        orderId: item.orderId,
        customerId: item.customerId,
        orderDate: istanbulDate(new Date(item.createdAt)),
        currency: item.currency,
        amount: item.totals.grandTotal.amount,
        amountTry: item.grandTotalTry?.amount ?? (item.currency === 'TRY' ? item.totals.grandTotal.amount : undefined),
      };
      await applyOrderValue(value, 'delivered');
      if (item.status === 'returned') await applyOrderValue(value, 'returned');
    }
  });
  afterAll(() => {
    process.env.TABLE_NAME = sharedTable;
  });

  it.each(warehouseLists)('%s: the same customers in the same order', async (list: WarehouseList) => {
    const fromEndpoint = (await targetList(list, asOf)).customers.map((row) => row.customerId);
    const fromSql = (await runList(dataFiles, list, asOf)).map((row) => row.customer_id);
    expect(fromSql.length).toBeGreaterThan(0);
    expect(fromSql).toEqual(fromEndpoint);
  });
});

describe('the queries Athena stores', () => {
  it('read the newest export under the Glue table and bind the same parameters as DuckDB', () => {
    const athena = listQuery('lapsed-customers', 'athena', asOf);
    expect(athena.sql).toContain('FROM crm_export\n');
    expect(athena.sql).toContain('"$path"');
    expect(athena.values).toEqual(listQuery('lapsed-customers', 'duckdb', asOf).values);
    expect(athena.values).toEqual(['2025-11-30T21:00:00.000Z']);
  });
});
