// The warehouse SQL on this machine: DuckDB reads an export of a table written in DynamoDB's export
// format (infra/local/export-table.ts) through the same item type the Glue table declares, and runs
// the same list files Athena runs as named queries.
//   npm run warehouse -- <list> [--as-of 2026-11-30T09:00:00Z]
// exports the running local stack's table (or TABLE_NAME's) into .data/warehouse and prints the list.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  duckdbItemType,
  listQuery,
  type WarehouseList,
  warehouseLists,
} from '../../functions/analytics/warehouse/warehouse.js';
import { exportTable } from './export-table.js';

type Row = Record<string, string | number | null>;

/** DuckDB answers BIGINT and HUGEINT as bigint and numbers as decimals: plain JSON values for the caller. */
const plain = (value: unknown) =>
  typeof value === 'bigint'
    ? Number(value)
    : value === null || typeof value === 'string' || typeof value === 'number'
      ? value
      : String(value);

/** Runs a list over an export's data files, as of an instant (its Istanbul day decides the periods). */
export const runList = async (dataFiles: string[], list: WarehouseList, asOf: Date): Promise<Row[]> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const files = dataFiles.map((file) => `'${file.replaceAll("'", "''")}'`).join(', ');
    await connection.run(
      `CREATE VIEW crm_export_latest AS SELECT Item AS item FROM read_json([${files}], format = 'newline_delimited', columns = {Item: '${duckdbItemType()}'})`,
    );
    const { sql, values } = listQuery(list, 'duckdb', asOf);
    const result = await connection.runAndReadAll(sql, values);
    return result
      .getRowObjects()
      .map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, plain(value)])) as Row);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

const main = async () => {
  const { useLocalTableUnlessConfigured, dataDir } = await import('./settings.js');
  useLocalTableUnlessConfigured();
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' } } });
  const list = positionals[0] as WarehouseList;
  if (!warehouseLists.includes(list)) {
    console.error(`usage: npm run warehouse -- <list> [--as-of ISO-instant]\nlists: ${warehouseLists.join(', ')}`);
    process.exit(2);
  }
  const asOf = values['as-of'] ? new Date(values['as-of']) : new Date();
  if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of ${values['as-of']} is not an instant`);
  const client = new DynamoDBClient({});
  const exported = await exportTable(client, process.env.TABLE_NAME!, join(dataDir, 'warehouse'));
  console.error(`exported ${exported.itemCount} items (export ${exported.exportId})`);
  console.table(await runList(exported.dataFiles, list, asOf));
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
