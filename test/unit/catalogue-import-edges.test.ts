// Catalogue files at their edges: every refusal of a file's shape word for word in both languages
// (columns, a row's field count, a list row that differs, a duplicate, true or false, not an array),
// the slug of each kind, spaces around a cell, a key that is no text (no duplicate check), where a JSON
// element starts when strings hold brackets, quotes and escapes or an element holds a list, where
// malformed JSON breaks (or the start, when the parser does not say), and the amount columns as loaded.
import { describe, expect, it } from 'vitest';
import {
  catalogueSlugs,
  type ImportResult,
  importCsv,
  importJson,
  kindOfSlug,
} from '../../functions/catalogue/domain/catalogue-import.js';
import { freshImport } from '../support/fresh-import.js';

const productHeader =
  'sku,name_tr,name_en,description_tr,description_en,unit,category,cost,cost_currency,tax_rate,active';
const errorsOf = <T>(result: ImportResult<T>) => (result.ok ? [] : result.errors);
/** The product the line `A-1,Bir,One,Açıklama,About,adet,K,12.34,EUR,0.5,false` describes. */
const oneProduct = {
  sku: 'A-1',
  name: { tr: 'Bir', en: 'One' },
  description: { tr: 'Açıklama', en: 'About' },
  unit: 'adet',
  category: 'K',
  cost: { amount: 1234, currency: 'EUR' },
  taxRateBp: 50,
  active: false,
};

describe('the kinds of catalogue file', () => {
  it('are named by their slugs, and a slug names one kind or none', () => {
    expect(catalogueSlugs).toEqual({ products: 'products', priceLists: 'price-lists', fxRates: 'fx-rates' });
    expect(['products', 'price-lists', 'fx-rates'].map(kindOfSlug)).toEqual(['products', 'priceLists', 'fxRates']);
    expect(kindOfSlug('priceLists')).toBeUndefined();
  });
});

describe('a CSV file’s refusals in both languages', () => {
  it('names a missing, unknown or repeated column', () => {
    expect(errorsOf(importCsv('fxRates', 'date,currency,rate,date\n'))).toEqual([
      { line: 1, field: 'rate_to_try', message: { en: 'Missing column.', tr: 'Eksik sütun.' } },
      { line: 1, field: 'rate', message: { en: 'Unknown column.', tr: 'Bilinmeyen sütun.' } },
      { line: 1, field: 'date', message: { en: 'Repeated column.', tr: 'Tekrarlanan sütun.' } },
    ]);
  });

  it('counts a row’s fields, and says which line a differing list row or a duplicate repeats', () => {
    expect(errorsOf(importCsv('fxRates', 'date,currency,rate_to_try\n2025-03-10,EUR'))).toEqual([
      { line: 2, field: '', message: { en: 'Expected 3 fields, found 2.', tr: '3 alan bekleniyordu, 2 alan var.' } },
    ]);
    const lists = [
      'id,name,currency,valid_from,valid_to,sku,unit_price',
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-1,10.00',
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-2,11.00',
      'PL-1,Öteki,TRY,2025-01-01,2025-12-31,A-3,12.00',
    ].join('\n');
    expect(errorsOf(importCsv('priceLists', lists))).toEqual([
      { line: 4, field: 'name', message: { en: 'Differs from line 2.', tr: '2. satırdakinden farklı.' } },
    ]);
    const rates = 'date,currency,rate_to_try\n2025-03-10,EUR,39.61\n2025-03-10,USD,36.5\n2025-03-10,EUR,39.62';
    expect(errorsOf(importCsv('fxRates', rates))).toEqual([
      { line: 4, field: 'date', message: { en: 'Duplicate of line 2.', tr: '2. satırın tekrarı.' } },
    ]);
  });

  it('takes only true or false for a product’s activity', () => {
    const row = (active: string) => `${productHeader}\nA-1,Bir,One,,,adet,x,1.00,TRY,20,${active}`;
    expect(errorsOf(importCsv('products', row('TRUE')))).toEqual([
      { line: 2, field: 'active', message: { en: 'Write true or false.', tr: 'true veya false yazın.' } },
    ]);
    const read = importCsv('products', row('false'));
    expect(read.ok && read.records[0]!.active).toBe(false);
  });
});

describe('a JSON file at its edges', () => {
  it('is an array of records, in both languages', () => {
    expect(errorsOf(importJson('fxRates', '"rates"'))).toEqual([
      {
        line: 1,
        field: '',
        message: { en: 'Expected an array of records.', tr: 'Kayıtlardan oluşan bir dizi bekleniyordu.' },
      },
    ]);
  });

  it('finds where each element starts though strings hold brackets, quotes and escapes', () => {
    const json = [
      '[', // 1
      '  { "date": "2025-03-10", "currency": "EUR", "rateToTry": "39.6120", "note": "[{\\\\" },', // 2
      '  { "date": "2025-03-10",', // 3
      '    "currency": "EUR", "rateToTry": "x\\"]}" }', // 4
      ']', // 5
    ].join('\n');
    expect(errorsOf(importJson('fxRates', json))).toEqual([
      { line: 3, field: 'rateToTry', message: { en: 'Write a rate like 34.5612.', tr: '34.5612 gibi bir kur yazın.' } },
      { line: 3, field: 'date', message: { en: 'Duplicate of line 2.', tr: '2. satırın tekrarı.' } },
    ]);
  });

  it('checks no duplicate among records whose key is not text', () => {
    const rate = (rateToTry: string) => JSON.stringify({ date: '2025-03-10', currency: 978, rateToTry });
    const json = `[\n${rate('39.61')},\n${rate('39.62')}\n]`;
    expect(errorsOf(importJson('fxRates', json)).map((e) => [e.line, e.field])).toEqual([
      [2, 'currency'],
      [3, 'currency'],
    ]);
  });
});

describe('a file at its edges', () => {
  it('takes the spaces around a CSV cell off', () => {
    const read = importCsv('fxRates', 'date , currency,rate_to_try\n 2025-03-10 ,EUR , 39.61');
    expect(read).toEqual({ ok: true, records: [{ date: '2025-03-10', currency: 'EUR', rateToTry: '39.61' }] });
  });

  it('refuses an element that is null or a number at its own line, the next element at its own', () => {
    expect(errorsOf(importJson('fxRates', '[\n  null\n]')).map((e) => [e.line, e.field])).toEqual([[2, '']]);
    const json = '[\n  42,\n  { "date": "x", "currency": "EUR", "rateToTry": "1.5" }\n]';
    // The first string of the file is empty: its closing quote is not taken for an escaped one.
    const empty = '[\n  "",\n  { "date": "x", "currency": "EUR", "rateToTry": "1.5" }\n]';
    expect(errorsOf(importJson('fxRates', empty)).map((e) => [e.line, e.field])).toEqual([
      [2, ''],
      [3, 'date'],
    ]);
    expect(errorsOf(importJson('fxRates', json)).map((e) => [e.line, e.field])).toEqual([
      [2, ''],
      [3, 'date'],
    ]);
  });

  it('counts lines past a list inside an element', () => {
    const list = (id: string, unitPrice: number) =>
      `  { "id": "${id}", "name": "L", "currency": "TRY", "validFrom": "2025-01-01", "validTo": "2025-12-31",\n` +
      `    "prices": [{ "sku": "A-1", "unitPrice": ${unitPrice} }] }`;
    const json = `[\n${list('PL-1', 100)},\n${list('PL-2', 1.5)}\n]`;
    expect(errorsOf(importJson('priceLists', json)).map((e) => [e.line, e.field])).toEqual([[4, 'prices.0.unitPrice']]);
  });

  it('puts malformed JSON at the line the parser names, and at the start where it names none', () => {
    const missingComma = '[\n  { "date": "2025-03-10",\n    "currency": "EUR" }\n  { "date": "2025-03-11" }\n]';
    expect(errorsOf(importJson('fxRates', missingComma)).map((e) => [e.line, e.field])).toEqual([[4, '']]);
    expect(errorsOf(importJson('fxRates', '['))).toEqual([
      { line: 1, field: '', message: 'Unexpected end of JSON input' },
    ]);
  });

  it('refuses a zero-width no-break space inside a value as invisible: only a leading one is a byte order mark', () => {
    const product = { ...oneProduct, name: { tr: 'Sıfır\uFEFFgenişlik', en: 'Zero width' } };
    expect(errorsOf(importJson('products', JSON.stringify([product])))).toEqual([
      {
        line: 1,
        field: 'name.tr',
        message: {
          en: 'Invisible and text-direction characters are not allowed.',
          tr: 'Görünmez ve yazı yönü karakterleri kullanılamaz.',
        },
      },
    ]);
  });

  it('as loaded: each kind’s columns, keys and slug, and its files written back', async () => {
    const fresh = await freshImport(() => import('../../functions/catalogue/domain/catalogue-import.js'));
    expect(['products', 'price-lists', 'fx-rates'].map(fresh.kindOfSlug)).toEqual([
      'products',
      'priceLists',
      'fxRates',
    ]);
    const product = oneProduct;
    const products = `${productHeader}\nA-1,Bir,One,Açıklama,About,adet,K,12.34,EUR,0.5,false\nA-1,Bir,One,,,adet,K,1,TRY,20,true`;
    expect(errorsOf(fresh.importCsv('products', products))).toEqual([
      { line: 3, field: 'sku', message: { en: 'Duplicate of line 2.', tr: '2. satırın tekrarı.' } },
    ]);
    const one = fresh.importCsv('products', products.split('\n').slice(0, 2).join('\n'));
    expect(one).toEqual({ ok: true, records: [product] });
    expect(fresh.toCsv('products', [product])).toBe(
      `\uFEFF${productHeader}\r\nA-1,Bir,One,Açıklama,About,adet,K,12.34,EUR,0.5,false\r\n`,
    );
    const lists = 'id,name,currency,valid_from,valid_to,sku,unit_price\nPL-1,L,EUR,2025-01-01,2025-12-31,A-1,12.34';
    const second = lists.split('\n')[1]!;
    const list = fresh.importCsv(
      'priceLists',
      `${lists}\n${second.replace('A-1', 'A-2')}\n${second.replace('PL-1,L', 'PL-2,M')}`,
    );
    expect(list.ok && list.records).toEqual([
      {
        id: 'PL-1',
        name: 'L',
        currency: 'EUR',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        prices: [
          { sku: 'A-1', unitPrice: 1234 },
          { sku: 'A-2', unitPrice: 1234 },
        ],
      },
      {
        id: 'PL-2',
        name: 'M',
        currency: 'EUR',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        prices: [{ sku: 'A-1', unitPrice: 1234 }],
      },
    ]);
    const rates = 'date,currency,rate_to_try\n2025-03-10,EUR,39.61\n2025-03-10,USD,36.5\n2025-03-11,EUR,39.7';
    const read = fresh.importCsv('fxRates', rates);
    expect(read.ok && read.records.map((r) => [r.date, r.currency, r.rateToTry])).toEqual([
      ['2025-03-10', 'EUR', '39.61'],
      ['2025-03-10', 'USD', '36.5'],
      ['2025-03-11', 'EUR', '39.7'],
    ]);
    expect(errorsOf(fresh.importCsv('fxRates', `${rates}\n2025-03-10,USD,36.6`))).toEqual([
      { line: 5, field: 'date', message: { en: 'Duplicate of line 3.', tr: '3. satırın tekrarı.' } },
    ]);
    expect(fresh.toJson(read.ok ? read.records.slice(0, 1) : [])).toBe(
      '[\n  {\n    "date": "2025-03-10",\n    "currency": "EUR",\n    "rateToTry": "39.61"\n  }\n]\n',
    );
    expect(errorsOf(fresh.importJson('fxRates', '[\n  1,\n  2 3\n]'))[0]!.line).toBe(3);
    expect(errorsOf(fresh.importCsv('fxRates', 'date,currency,rate_to_try\n2025-03-10,EUR,abc'))).toEqual([
      {
        line: 2,
        field: 'rate_to_try',
        message: { en: 'Write a rate like 34.5612.', tr: '34.5612 gibi bir kur yazın.' },
      },
    ]);
    expect(errorsOf(fresh.importCsv('products', `${productHeader}\nA-1,Bir,One,,,adet,K,1.5x,TRY,20,yes`))).toEqual([
      { line: 2, field: 'cost', message: expect.objectContaining({ en: expect.stringContaining('1.5x') }) },
      { line: 2, field: 'active', message: { en: 'Write true or false.', tr: 'true veya false yazın.' } },
    ]);
  });
});
