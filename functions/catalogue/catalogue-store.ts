// The catalogue in the one table: products, price lists and FX rates, each kind in generations. An
// import writes a whole new generation (a number no other import uses) beside the live one and then
// switches the kind's head to it in one conditional write, so readers see the old catalogue or the
// new one, never half of a file.

import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite, db, getMany, type TransactItem, tableName, transact } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { ConflictError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { tableKeyOf } from '../../shared/table.js';
import type { FxRate, PriceList, Product } from './domain/catalogue.js';
import type { CatalogueKind, CatalogueRecords } from './domain/catalogue-import.js';
import { catalogueKeys } from './keys.js';

const itemTypes = { products: 'product', priceLists: 'price-list', fxRates: 'fx-rate' } as const;

const recordIdOf: { [K in CatalogueKind]: (record: CatalogueRecords[K]) => string } = {
  products: (p) => catalogueKeys.productRecordId(p.sku),
  priceLists: (l) => catalogueKeys.priceListRecordId(l.id),
  fxRates: (r) => catalogueKeys.fxRateRecordId(r.currency, r.date),
};

interface Head {
  /** Undefined until the first import: generation 0 (the demo data's) is live. */
  generation?: number;
  previous?: number;
  reserved: number;
  count: number;
  importedAt: string;
  importedBy: string;
}

/** Generation 0 is where the demo data puts its catalogue; a table without a head reads it. */
const headOf = async (kind: CatalogueKind): Promise<Head | undefined> =>
  (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: catalogueKeys.catalogueHead(kind), ConsistentRead: true }),
    )
  ).Item as Head | undefined;

export const liveGeneration = async (kind: CatalogueKind) => (await headOf(kind))?.generation ?? 0;

const stripRecord = <T>(item: Record<string, unknown>): T => fromItem<T>(item);

const generationRecords = async <K extends CatalogueKind>(kind: K, generation: number) =>
  (
    await queryAll(
      { partition: catalogueKeys.catalogueGeneration(kind, generation), order: 'oldest' },
      Number.POSITIVE_INFINITY,
    )
  ).map((item) => stripRecord<CatalogueRecords[K]>(item));

export const exportCatalogue = async <K extends CatalogueKind>(kind: K): Promise<CatalogueRecords[K][]> =>
  generationRecords(kind, await liveGeneration(kind));

// ---- reads for pricing -----------------------------------------------------------------------------

export const getProducts = async (skus: readonly string[]): Promise<Map<string, Product>> => {
  const generation = await liveGeneration('products');
  const records = skus.map((sku) =>
    catalogueKeys.catalogueRecord('products', generation, catalogueKeys.productRecordId(sku)),
  );
  return new Map(
    (await getMany(records)).map((item) => stripRecord<Product>(item)).map((product) => [product.sku, product]),
  );
};

export const getPriceList = async (priceListId: string): Promise<PriceList | undefined> => {
  const generation = await liveGeneration('priceLists');
  const key = catalogueKeys.catalogueRecord('priceLists', generation, catalogueKeys.priceListRecordId(priceListId));
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: key }));
  return found.Item ? stripRecord<PriceList>(found.Item) : undefined;
};

/** For each currency, the latest rate on or before `date`: all that converting on that date needs. */
export const getFxRates = async (currencies: readonly string[], date: string): Promise<FxRate[]> => {
  const generation = await liveGeneration('fxRates');
  const wanted = [...new Set(currencies)].filter((c) => c !== 'TRY');
  const latest = await Promise.all(
    wanted.map(async (currency) => {
      const page = await queryPage({
        partition: catalogueKeys.catalogueGeneration('fxRates', generation),
        range: { from: catalogueKeys.fxRatesPrefix(currency), to: catalogueKeys.fxRateRecordId(currency, date) },
        limit: 1,
      });
      return page.items[0] ? [stripRecord<FxRate>(page.items[0])] : [];
    }),
  );
  return latest.flat();
};

// ---- imports ---------------------------------------------------------------------------------------

const deleteGeneration = async (kind: CatalogueKind, generation: number) => {
  const items = await queryAll(
    { partition: catalogueKeys.catalogueGeneration(kind, generation) },
    Number.POSITIVE_INFINITY,
  );
  await batchWrite(items.map((item) => ({ DeleteRequest: { Key: tableKeyOf(item) } })));
};

export const catalogueItems = <K extends CatalogueKind>(
  kind: K,
  generation: number,
  records: readonly CatalogueRecords[K][],
): Record<string, unknown>[] =>
  records.map((record) => ({
    ...catalogueKeys.catalogueRecord(kind, generation, recordIdOf[kind](record)),
    type: itemTypes[kind],
    ...(record as Record<string, unknown>),
  }));

/** A generation number no other import will use: the head counts every import ever started. */
const reserveGeneration = async (kind: CatalogueKind): Promise<number> => {
  const updated = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: catalogueKeys.catalogueHead(kind),
      UpdateExpression: 'SET #type = :type, kind = :kind ADD reserved :one',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'catalogue-head', ':kind': kind, ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return updated.Attributes?.reserved as number;
};

/** Where an import stages its records, and the live generation it was staged on. */
export interface Staging {
  kind: CatalogueKind;
  /** The live generation when the import started: the switch holds only while it is still live. */
  base: number;
  /** Whether any import has switched yet (the demo data's generation 0 has no head). */
  switched: boolean;
  /** The generation before `base`: nobody reads it once the import switches, so it is removed. */
  before?: number;
  generation: number;
}

export const startStaging = async (kind: CatalogueKind): Promise<Staging> => {
  const head = await headOf(kind);
  return {
    kind,
    base: head?.generation ?? 0,
    switched: head?.generation !== undefined,
    ...(head?.previous ? { before: head.previous } : {}),
    generation: await reserveGeneration(kind),
  };
};

/** Writes records into the staged generation (a record with the same id replaces the one there). */
export const stageRecords = async <K extends CatalogueKind>(
  staging: Staging & { kind: K },
  records: readonly CatalogueRecords[K][],
) => {
  await batchWrite(catalogueItems(staging.kind, staging.generation, records).map((Item) => ({ PutRequest: { Item } })));
};

/** The live generation's records copied into the staged one, for the file's records to replace. */
export const stageLive = async (staging: Staging) =>
  stageRecords(staging, await generationRecords(staging.kind, staging.base));

/** The head's switch to the staged generation, conditional on `base` being live still. */
export const switchItem = async (staging: Staging, actorId: string, now: Date): Promise<TransactItem> => ({
  Update: {
    TableName: tableName(),
    Key: catalogueKeys.catalogueHead(staging.kind),
    UpdateExpression:
      'SET generation = :next, previous = :current, #count = :count, importedAt = :at, importedBy = :by',
    ConditionExpression: staging.switched ? 'generation = :current' : 'attribute_not_exists(generation)',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: {
      ':next': staging.generation,
      ':current': staging.base,
      ':count': (
        await queryAll(
          { partition: catalogueKeys.catalogueGeneration(staging.kind, staging.generation) },
          Number.POSITIVE_INFINITY,
        )
      ).length,
      ':at': now.toISOString(),
      ':by': actorId,
    },
  },
});

export const importConflict = {
  en: 'Another import of this kind finished first; import again.',
  tr: 'Bu türden başka bir içe aktarma önce bitti; yeniden içe aktarın.',
};

/** After the switch, the generation before the replaced one; after a refused switch, the staged one. */
export const tidyStaging = async (staging: Staging, switched: boolean) => {
  if (!switched) await deleteGeneration(staging.kind, staging.generation);
  // Generation 0 is the demo data's, written again at every local start.
  else if (staging.before) await deleteGeneration(staging.kind, staging.before);
};

/**
 * Merges `records` into the live generation (a record with the same SKU, list id, or currency and
 * date replaces the old one; the rest stay) as a new generation, and makes it live, in one go (the
 * command line's import; the API's runs the same steps as a background job). Two imports of one kind at
 * once: each writes its own generation, the first to switch wins, the other is refused and removes what
 * it wrote.
 */
export const importCatalogue = async <K extends CatalogueKind>(
  kind: K,
  records: readonly CatalogueRecords[K][],
  actorId: string,
  now: Date,
) => {
  const staging = { ...(await startStaging(kind)), kind };
  await stageLive(staging);
  await stageRecords(staging, records);
  const item = await switchItem(staging, actorId, now);
  const switched = await transact([item]);
  await tidyStaging(staging, switched.ok).catch(() => undefined);
  if (!switched.ok) throw new ConflictError('catalogue-import-conflict', importConflict);
  const total = Number(item.Update?.ExpressionAttributeValues?.[':count']);
  return { kind, generation: staging.generation, imported: records.length, total };
};
