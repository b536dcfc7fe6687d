import { describe, expect, it } from 'vitest';
import type { FxRate, PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import { textLimits } from '../../functions/catalogue/domain/catalogue.js';
import * as catalogueImport from '../../functions/catalogue/domain/catalogue-import.js';
import { type ImportResult, toCsv, toJson } from '../../functions/catalogue/domain/catalogue-import.js';
import { inLanguage } from '../../shared/messages.js';

/** An import's result as an English reader gets it: each message rendered (they carry both languages). */
const english = <T>(result: ImportResult<T>): ImportResult<T> =>
  result.ok
    ? result
    : { ...result, errors: result.errors.map((e) => ({ ...e, message: inLanguage(e.message, 'en') })) };
const importCsv: typeof catalogueImport.importCsv = (kind, text) => english(catalogueImport.importCsv(kind, text));
const importJson: typeof catalogueImport.importJson = (kind, text) => english(catalogueImport.importJson(kind, text));

const productHeader =
  'sku,name_tr,name_en,description_tr,description_en,unit,category,cost,cost_currency,tax_rate,active';

const products: Product[] = [
  {
    sku: 'CNC-500',
    name: { tr: 'CNC torna tezgâhı', en: 'CNC lathe' },
    description: { tr: 'Çift eksenli, "ağır hizmet"', en: 'Two axes,\nheavy duty' },
    unit: 'adet',
    category: 'Makine',
    cost: { amount: 3_100_000, currency: 'EUR' },
    taxRateBp: 2000,
    active: true,
  },
  {
    sku: 'SRV-1Y',
    name: { tr: 'Yıllık bakım', en: 'Annual service' },
    description: { tr: '', en: '' },
    unit: 'yıl',
    category: 'Hizmet',
    cost: { amount: 1_250_050, currency: 'TRY' },
    taxRateBp: 1000,
    active: false,
  },
  {
    sku: 'BOOK-TR',
    name: { tr: 'Kullanım kılavuzu', en: 'Manual' },
    description: { tr: '', en: '' },
    unit: 'adet',
    category: 'Yayın',
    cost: { amount: 450, currency: 'JPY' },
    taxRateBp: 50,
    active: true,
  },
];

const priceLists: PriceList[] = [
  {
    id: 'PL-EUR',
    name: 'Makine 2025, EUR',
    currency: 'EUR',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    prices: [
      { sku: 'CNC-500', unitPrice: 4_250_000 },
      { sku: 'SRV-1Y', unitPrice: 99 },
    ],
  },
  {
    id: 'PL-JPY',
    name: 'Japonya bayileri',
    currency: 'JPY',
    validFrom: '2025-04-01',
    validTo: '2025-04-30',
    prices: [{ sku: 'CNC-500', unitPrice: 6_900_000 }],
  },
];

const fxRates: FxRate[] = [
  { date: '2025-03-10', currency: 'EUR', rateToTry: '39.6120' },
  { date: '2025-03-10', currency: 'JPY', rateToTry: '0.2487' },
];

describe('catalogue import: CSV', () => {
  it('reads products, converting decimals and percentages exactly', () => {
    const csv = [
      productHeader,
      'CNC-500,CNC torna tezgâhı,CNC lathe,"Çift eksenli, ""ağır hizmet""","Two axes,\nheavy duty",adet,Makine,31000.00,EUR,20,true',
      '',
      'SRV-1Y,Yıllık bakım,Annual service,,,yıl,Hizmet,12500.5,TRY,10,false',
      'BOOK-TR,Kullanım kılavuzu,Manual,,,adet,Yayın,450,JPY,0.5,true',
    ].join('\r\n');
    expect(importCsv('products', `\uFEFF${csv}`)).toEqual({ ok: true, records: products });
  });

  it('accepts the columns in any order', () => {
    const csv =
      'active,tax_rate,cost_currency,cost,category,unit,description_en,description_tr,name_en,name_tr,sku\ntrue,20,TRY,1.00,K,adet,,,A,A,X-1';
    const result = importCsv('products', csv);
    expect(result.ok && result.records[0]).toMatchObject({ sku: 'X-1', cost: { amount: 100, currency: 'TRY' } });
  });

  it('reports every bad row with its file line and returns nothing', () => {
    const csv = [
      productHeader, // 1
      'A-1,Ürün,Product,"iki\r\nsatır",two lines,adet,K,"1.234,56",TRY,20,true', // 2–3
      'A-2,Ürün,Product,,,adet,K,10.00,TRY,%20,evet', // 4
      '', // 5
      'A-3,,Product,,,adet,K,10.001,TRY,150,true', // 6
      'A-4,Ürün,Product,,,adet,K,10.00,LIRA,18,true', // 7
      'A-5,Ürün,Product,,,adet', // 8
      'A-1,Ürün,Product,,,adet,K,10.00,TRY,20,true', // 9
      'A-6,Ürün,Product,,,adet,K,10.00,TRY,20,true', // 10: fine
    ].join('\r\n');
    const result = importCsv('products', csv);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, field: 'cost', message: expect.stringContaining('no thousands separators') },
        { line: 4, field: 'tax_rate', message: expect.stringContaining('not a plain decimal') },
        { line: 4, field: 'active', message: 'Write true or false.' },
        { line: 6, field: 'cost', message: '"10.001" has more than 2 decimals.' },
        { line: 6, field: 'name_tr', message: 'Required.' },
        { line: 6, field: 'tax_rate', message: expect.any(String) },
        { line: 7, field: 'cost', message: expect.stringContaining('"LIRA"') },
        { line: 7, field: 'cost_currency', message: 'Not an ISO-4217 currency code.' },
        { line: 8, field: '', message: 'Expected 11 fields, found 6.' },
        { line: 9, field: 'sku', message: 'Duplicate of line 2.' },
      ],
    });
  });

  it('refuses a header with missing, unknown or repeated columns', () => {
    const result = importCsv('fxRates', 'date,currency,rate,currency\n2025-03-10,EUR,39.61,EUR');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 1, field: 'rate_to_try', message: 'Missing column.' },
        { line: 1, field: 'rate', message: 'Unknown column.' },
        { line: 1, field: 'currency', message: 'Repeated column.' },
      ],
    });
    expect(importCsv('fxRates', '')).toMatchObject({ ok: false, errors: [{ line: 1, field: 'date' }, {}, {}] });
  });

  it('reports a broken quote where the parser stops', () => {
    const result = importCsv('fxRates', 'date,currency,rate_to_try\n2025-03-10,"EUR,39.61\n');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 2, field: '', message: expect.stringMatching(/quote/i) }],
    });
  });

  it('merges price rows into lists and checks each list as a whole', () => {
    const csv = [
      'id,name,currency,valid_from,valid_to,sku,unit_price',
      'PL-EUR,"Makine 2025, EUR",EUR,2025-01-01,2025-12-31,CNC-500,42500.00',
      'PL-JPY,Japonya bayileri,JPY,2025-04-01,2025-04-30,CNC-500,6900000',
      'PL-EUR,"Makine 2025, EUR",EUR,2025-01-01,2025-12-31,SRV-1Y,0.99',
    ].join('\n');
    expect(importCsv('priceLists', csv)).toEqual({ ok: true, records: priceLists });

    const bad = [
      'id,name,currency,valid_from,valid_to,sku,unit_price', // 1
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-1,10.00', // 2
      'PL-1,Liste,TRY,2025-01-01,2025-06-30,A-2,10.00', // 3: list columns differ
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-1,12.00', // 4: A-1 again
      'PL-2,Liste 2,JPY,2025-02-01,2025-01-01,B-1,10', // 5: ends before it starts
      'PL-3,Liste 3,JPY,2025-02-01,2025-03-01,B-1,10.5', // 6: yen have no decimals
    ].join('\n');
    expect(importCsv('priceLists', bad)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'valid_to', message: 'Differs from line 2.' },
        { line: 4, field: 'sku', message: 'Priced twice.' },
        { line: 5, field: 'valid_to', message: 'Ends before it starts.' },
        { line: 6, field: 'unit_price', message: '"10.5" has more than 0 decimals.' },
      ],
    });
  });

  it('reads FX rates and refuses floats, commas and duplicates', () => {
    const csv = 'date,currency,rate_to_try\n2025-03-10,EUR,39.6120\n2025-03-10,JPY,0.2487';
    expect(importCsv('fxRates', csv)).toEqual({ ok: true, records: fxRates });
    const bad =
      'date,currency,rate_to_try\n2025-03-10,EUR,"39,61"\n2025-03-10,TRY,1\n10.03.2025,USD,36.5\n2025-03-10,EUR,39.6';
    expect(importCsv('fxRates', bad)).toMatchObject({
      ok: false,
      errors: [
        { line: 2, field: 'rate_to_try' },
        { line: 3, field: 'currency', message: 'TRY needs no rate.' },
        { line: 4, field: 'date', message: 'Not a date like 2025-01-31.' },
        { line: 5, field: 'date', message: 'Duplicate of line 2.' },
      ],
    });
  });

  it('round-trips every kind through its own export', () => {
    expect(importCsv('products', toCsv('products', products))).toEqual({ ok: true, records: products });
    expect(importCsv('priceLists', toCsv('priceLists', priceLists))).toEqual({ ok: true, records: priceLists });
    expect(importCsv('fxRates', toCsv('fxRates', fxRates))).toEqual({ ok: true, records: fxRates });
    expect(toCsv('fxRates', fxRates)).toBe(
      '\uFEFFdate,currency,rate_to_try\r\n2025-03-10,EUR,39.6120\r\n2025-03-10,JPY,0.2487\r\n',
    );
    expect(toCsv('priceLists', priceLists).split('\r\n')[2]).toBe(
      'PL-EUR,"Makine 2025, EUR",EUR,2025-01-01,2025-12-31,SRV-1Y,0.99',
    );
  });
});

describe('catalogue CSV: line endings, formulas and lengths', () => {
  it('reads LF, CRLF, CR and a mix of them, with the right line numbers', () => {
    const rows = [
      productHeader,
      'A-1,Bir,One,,,adet,x,1.00,TRY,20,true',
      'A-2,İki,Two,"iki\r\nsatır",,adet,x,2.00,TRY,20,true',
      'A-3,Üç,Three,,,adet,x,-3.00,TRY,20,true',
    ];
    for (const [a, b, c] of [
      ['\n', '\n', '\n'],
      ['\r\n', '\r\n', '\r\n'],
      ['\r', '\r', '\r'],
      ['\r\n', '\n', '\r'],
    ]) {
      const result = importCsv('products', `${rows[0]}${a}${rows[1]}${b}${rows[2]}${c}${rows[3]}\n`);
      // Line 5 (after a quoted CRLF) has the negative cost: reported there, not as a parser error.
      expect(result).toEqual({ ok: false, errors: [{ line: 5, field: 'cost', message: expect.any(String) }] });
    }
    const mixed = importCsv('products', `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[1]!.replace('A-1', 'A-4')}\n`);
    expect(mixed.ok && mixed.records.map((p) => [p.sku, p.description.tr])).toEqual([
      ['A-1', ''],
      // A line break inside a cell is kept, stored as LF like every multi-line text.
      ['A-2', 'iki\nsatır'],
      ['A-4', ''],
    ]);
  });

  it('exports a cell a spreadsheet would run as a formula behind an apostrophe, and imports it back as it was', () => {
    const risky = [
      '=HYPERLINK("http://example.com","x")',
      '+90 532',
      '-5% kampanya',
      '@SUM(A1)',
      "'=already quoted",
      "'plain apostrophe",
    ];
    const records = risky.map((name, i) => ({ ...products[1]!, sku: `F-${i}`, name: { tr: name, en: name } }));
    const csv = toCsv('products', records);
    const names = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(names).toEqual([
      `"'=HYPERLINK(""http://example.com""`,
      "'+90 532",
      "'-5% kampanya",
      "'@SUM(A1)",
      "''=already quoted",
      "'plain apostrophe",
    ]);
    expect(importCsv('products', csv)).toEqual({ ok: true, records });
  });

  it('refuses text longer than its limit, and takes text at the limit', () => {
    const at = {
      ...products[0]!,
      name: { tr: 'a'.repeat(textLimits.name), en: 'n' },
      unit: 'u'.repeat(textLimits.unit),
    };
    expect(importCsv('products', toCsv('products', [at]))).toEqual({ ok: true, records: [at] });
    const over = {
      ...at,
      sku: 'S'.repeat(textLimits.sku + 1),
      name: { tr: 'a'.repeat(textLimits.name + 1), en: 'n' },
      unit: 'u'.repeat(textLimits.unit + 1),
    };
    expect(importCsv('products', toCsv('products', [over]))).toMatchObject({
      ok: false,
      errors: [
        { line: 2, field: 'sku', message: `At most ${textLimits.sku} characters.` },
        { line: 2, field: 'name_tr', message: `At most ${textLimits.name} characters.` },
        { line: 2, field: 'unit', message: `At most ${textLimits.unit} characters.` },
      ],
    });
    const list = { ...priceLists[0]!, name: 'L'.repeat(textLimits.priceListName + 1) };
    expect(importJson('priceLists', toJson([list]))).toMatchObject({ ok: false, errors: [{ field: 'name' }] });
    const described = { ...products[0]!, description: { tr: 'd'.repeat(textLimits.description + 1), en: '' } };
    expect(importJson('products', toJson([described]))).toMatchObject({
      ok: false,
      errors: [{ field: 'description.tr' }],
    });
  });
});

describe('catalogue import: JSON', () => {
  it('round-trips every kind through its own export', () => {
    expect(importJson('products', toJson(products))).toEqual({ ok: true, records: products });
    expect(importJson('priceLists', toJson(priceLists))).toEqual({ ok: true, records: priceLists });
    expect(importJson('fxRates', toJson(fxRates))).toEqual({ ok: true, records: fxRates });
    expect(importJson('fxRates', `\uFEFF${toJson(fxRates)}`)).toEqual({ ok: true, records: fxRates });
  });

  it('reports bad records at the line each starts on, with the field path', () => {
    const json = [
      '[', // 1
      '  { "date": "2025-03-10", "currency": "EUR", "rateToTry": "39.6120" },', // 2
      '  {', // 3
      '    "date": "2025-03-11",', // 4
      '    "currency": "EUR",', // 5
      '    "rateToTry": 39.7 },', // 6
      '  { "date": "2025-03-10", "currency": "EUR", "rateToTry": "39.6" }, { "note": "]{\\"" },', // 7
      '  42', // 8
      ']', // 9
    ].join('\n');
    expect(importJson('fxRates', json)).toMatchObject({
      ok: false,
      errors: [
        { line: 3, field: 'rateToTry' },
        { line: 7, field: 'date', message: 'Duplicate of line 2.' },
        { line: 7, field: 'currency' },
        { line: 7, field: 'rateToTry' },
        { line: 8, field: '' },
      ],
    });
    const lists = importJson('priceLists', toJson([{ ...priceLists[0]!, prices: [{ sku: 'X', unitPrice: 1.5 }] }]));
    expect(lists).toMatchObject({ ok: false, errors: [{ line: 2, field: 'prices.0.unitPrice' }] });
  });

  it('reports malformed JSON at its line, and anything but an array', () => {
    expect(importJson('fxRates', '[\n  { "date": "2025-03-10", }\n]')).toMatchObject({
      ok: false,
      errors: [{ line: 2, field: '' }],
    });
    expect(importJson('fxRates', '{ "date": "2025-03-10" }')).toEqual({
      ok: false,
      errors: [{ line: 1, field: '', message: 'Expected an array of records.' }],
    });
  });
});
