// The catalogue's admin routes over HTTP on the local stack: export formats, and a file exported
// with formulas and edited on another system imported back as it was.
import { describe, expect, it } from 'vitest';
import { call, importFile, quoteKeys } from '../support/quotes.js';

const admin = () => quoteKeys().catalogueAdmin;

describe('GET /catalogue/{kind}', () => {
  it('takes ?format=csv over the Accept header, Accept: text/csv without it, and JSON otherwise', async () => {
    const byQuery = await call('GET', '/catalogue/fx-rates?format=csv', admin(), undefined, {
      accept: 'application/json',
    });
    expect(byQuery.status).toBe(200);
    expect(byQuery.type).toMatch(/^text\/csv/);
    // fetch's text() drops the BOM.
    expect(byQuery.text.startsWith('date,currency,rate_to_try\r\n')).toBe(true);
    // RFC 4180: every line ends in CRLF, none in a lone LF or CR.
    expect(byQuery.text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const upper = await call('GET', '/catalogue/fx-rates?format=CSV', admin());
    expect(upper.type).toMatch(/^text\/csv/);
    const byAccept = await call('GET', '/catalogue/fx-rates', admin(), undefined, { accept: 'text/csv' });
    expect(byAccept.type).toMatch(/^text\/csv/);
    const json = await call<unknown[]>('GET', '/catalogue/fx-rates?format=json', admin(), undefined, {
      accept: 'text/csv',
    });
    expect(json.type).toMatch(/^application\/json/);
    expect(Array.isArray(json.body)).toBe(true);
    const bad = await call<{ code: string; errors: { path: string }[] }>(
      'GET',
      '/catalogue/fx-rates?format=xlsx',
      admin(),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation-failed', errors: [{ path: 'format' }] });
    expect((await call('GET', '/catalogue/nothing', admin())).status).toBe(404);
  });

  it('exports a formula-like name behind an apostrophe; the file, edited with mixed line endings, imports back unchanged', async () => {
    const header = 'sku,name_tr,name_en,description_tr,description_en,unit,category,cost,cost_currency,tax_rate,active';
    const row = 'E2E-F1,=1+2,@cmd,,,adet,aksesuar,10.00,TRY,20,true';
    const imported = await importFile('/catalogue/products', admin(), `${header}\r\n${row}\n`, {
      'content-type': 'text/csv',
    });
    expect([imported.posted.status, imported.job?.status], imported.posted.text).toEqual([202, 'done']);
    const exported = await call('GET', '/catalogue/products?format=csv', admin());
    const line = exported.text.split('\r\n').find((l) => l.startsWith('E2E-F1,'));
    expect(line).toBe("E2E-F1,'=1+2,'@cmd,,,adet,aksesuar,10.00,TRY,20,true");
    // Another line added on a system that ends lines with LF.
    const edited = `${exported.text.trimEnd()}\nE2E-F2,+90,-1,,,adet,aksesuar,1.00,TRY,20,true\n`;
    const again = await importFile('/catalogue/products', admin(), edited, { 'content-type': 'text/csv' });
    expect([again.posted.status, again.job?.status], again.posted.text).toEqual([202, 'done']);
    const products = await call<{ sku: string; name: { tr: string; en: string } }[]>(
      'GET',
      '/catalogue/products',
      admin(),
    );
    expect(products.body.find((p) => p.sku === 'E2E-F1')?.name).toEqual({ tr: '=1+2', en: '@cmd' });
    expect(products.body.find((p) => p.sku === 'E2E-F2')?.name).toEqual({ tr: '+90', en: '-1' });
  });
});
