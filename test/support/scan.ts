import { paginateScan, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { db, tableName } from '../../shared/db.js';

/** Every item a filtered scan finds: a scan answers 1 MB a page, and a worker's table outgrows one page. */
export const scanAll = async (
  input: Omit<ScanCommandInput, 'TableName'>,
): Promise<Record<string, NativeAttributeValue>[]> => {
  const items: Record<string, NativeAttributeValue>[] = [];
  for await (const page of paginateScan({ client: db() }, { ...input, TableName: tableName() })) {
    items.push(...(page.Items ?? []));
  }
  return items;
};
