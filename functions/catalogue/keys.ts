// The keys of the catalogue's generations of products, price lists and FX rates in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CATALOGUE <kind> (which generation of products / price lists / FX rates is live) and
// CATALOGUE#<kind>#G<generation> <record> (one generation's records: an import writes a new generation
// and switches to it in one conditional write, all or nothing).
import type { Key } from '../../shared/table.js';

const catalogueGeneration = (kind: string, generation: number) =>
  `CATALOGUE#${kind}#G${String(generation).padStart(6, '0')}`;

export const catalogueKeys = {
  catalogueHead: (kind: string): Key => ({ pk: 'CATALOGUE', sk: kind }),
  catalogueGeneration,
  catalogueRecord: (kind: string, generation: number, recordId: string): Key => ({
    pk: catalogueGeneration(kind, generation),
    sk: recordId,
  }),
  productRecordId: (sku: string) => `SKU#${sku}`,
  priceListRecordId: (priceListId: string) => `LIST#${priceListId}`,
  fxRateRecordId: (currency: string, date: string) => `FX#${currency}#${date}`,
  fxRatesPrefix: (currency: string) => `FX#${currency}#`,
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'catalogue-head': true;
    product: true;
    'price-list': true;
    'fx-rate': true;
  }
}
