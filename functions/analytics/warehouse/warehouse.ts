// The analytical path for a table that has outgrown answering lists itself: a daily export of the
// table to S3 in DynamoDB JSON, a Glue table over it and Athena queries. The SQL is written once, in
// the .sql files beside this module; Athena runs them as named queries and the tests run the same
// files on DuckDB over an export of DynamoDB Local in the same format. Nothing here runs in a Lambda.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockNow } from '../../../shared/clock.js';
import { addMonths, endOfIstanbulDay, istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';

const here = dirname(fileURLToPath(import.meta.url));
const sql = (file: string) => readFileSync(join(here, file), 'utf8').trim();

type Scalar = 'S' | 'N';
interface Shape {
  [attribute: string]: Scalar | Shape;
}

/**
 * The attributes the queries read, as an export writes them: the Glue table and DuckDB both declare
 * exactly this, so a query that reads anything else fails in the tests as it would in Athena.
 */
export const exportedAttributes: Shape = {
  pk: 'S',
  sk: 'S',
  type: 'S',
  customerId: 'S',
  status: 'S',
  createdAt: 'S',
  segment: 'S',
  caseType: 'S',
  sla: { segment: 'S' },
  currency: 'S',
  grandTotalTry: { amount: 'N', currency: 'S' },
  totals: { grandTotal: { amount: 'N', currency: 'S' } },
};

// A DynamoDB JSON attribute is a one-key object: {"S": "…"}, {"N": "12"}, {"M": {…}}.
const glueType = (shape: Scalar | Shape): string =>
  typeof shape === 'string'
    ? `struct<${shape.toLowerCase()}:string>`
    : `struct<m:struct<${Object.entries(shape)
        .map(([name, inner]) => `${name.toLowerCase()}:${glueType(inner)}`)
        .join(',')}>>`;
const duckType = (shape: Scalar | Shape): string =>
  typeof shape === 'string'
    ? `STRUCT(${shape} VARCHAR)`
    : `STRUCT(M STRUCT(${Object.entries(shape)
        .map(([name, inner]) => `"${name}" ${duckType(inner)}`)
        .join(', ')}))`;

/** The Glue column type of an export line's `Item` (Glue lower-cases names; the JSON SerDe matches them case-insensitively). */
export const glueItemType = () =>
  `struct<${Object.entries(exportedAttributes)
    .map(([name, shape]) => `${name.toLowerCase()}:${glueType(shape)}`)
    .join(',')}>`;
/** The same for DuckDB's `read_json(columns = {Item: …})`. */
export const duckdbItemType = () =>
  `STRUCT(${Object.entries(exportedAttributes)
    .map(([name, shape]) => `"${name}" ${duckType(shape)}`)
    .join(', ')})`;

// ---- the lists --------------------------------------------------------------------------------

/** A list's parameters for the Istanbul day `asOf` falls on (and the instant itself), as ISO UTC instants. */
type Parameters = (today: string, asOf: string) => Record<string, string>;

const yearStart = (year: number) => startOfIstanbulDay(`${year}-01-01`);
const dayAfter = (date: string) => endOfIstanbulDay(date);

const lists = {
  'top-customers': (today) => {
    const year = Number(today.slice(0, 4)) - 1;
    return { year_start: yearStart(year), year_end: yearStart(year + 1) };
  },
  // "No order for 12 months or more": the last order fell on or before the same day a year ago.
  'lapsed-customers': (today) => ({ cutoff: dayAfter(addMonths(today, -12)) }),
  'declining-customers': (today) => {
    const year = Number(today.slice(0, 4));
    return {
      this_start: yearStart(year),
      this_end: dayAfter(today),
      last_start: yearStart(year - 1),
      last_end: dayAfter(addMonths(today, -12)),
    };
  },
  'valuable-complainants': (today, asOf) => ({ since: startOfIstanbulDay(addMonths(today, -12)), until: asOf }),
} satisfies Record<string, Parameters>;

export type WarehouseList = keyof typeof lists;
export const warehouseLists = Object.keys(lists) as WarehouseList[];

/** The names a list's SQL declares on its `-- params:` line, in order. */
const declaredParameters = (body: string) => {
  const line = /^-- params: (.+)$/m.exec(body);
  if (!line) throw new Error('a list names its parameters on a `-- params:` line');
  return line[1]!.split(',').map((name) => name.trim());
};

export interface ListQuery {
  sql: string;
  /** Bind in this order to the query's `?` placeholders. */
  values: string[];
}

/**
 * A list's query as one statement: the items of the latest export, typed, then the list. In Athena
 * `crm_export_latest` is a CTE over the Glue table; DuckDB gets it as a view over the export's files.
 */
export const listQuery = (list: WarehouseList, engine: 'athena' | 'duckdb', asOf = clockNow()): ListQuery => {
  const body = sql(`lists/${list}.sql`);
  const names = declaredParameters(body);
  const given = lists[list](istanbulDate(asOf), asOf.toISOString()) as Record<string, string>;
  const missing = names.filter((name) => !(name in given));
  if (missing.length || names.length !== Object.keys(given).length) {
    throw new Error(`${list}.sql declares ${names.join(', ')}; the code gives ${Object.keys(given).join(', ')}`);
  }
  const ctes = [
    ...(engine === 'athena' ? [`crm_export_latest AS (\n${sql('latest-export.athena.sql')}\n)`] : []),
    `crm_items AS (\n${sql('items.sql')}\n)`,
    `params AS (SELECT ${names.map((name) => `CAST(? AS VARCHAR) AS ${name}`).join(', ')})`,
  ];
  return { sql: `WITH ${ctes.join(',\n')}\n${body}`, values: names.map((name) => given[name]!) };
};

/** What the CDK stores as Athena named queries: each list with `?` placeholders the console asks for. */
export const namedQueries = () =>
  warehouseLists.map((list) => ({
    name: list,
    description: `${sql(`lists/${list}.sql`).split('\n')[0]!.replace(/^-- /, '')} Parameters: ${declaredParameters(sql(`lists/${list}.sql`)).join(', ')} (ISO instants).`,
    sql: listQuery(list, 'athena').sql,
  }));
