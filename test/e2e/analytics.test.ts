// Analytics over HTTP on the local stack: historical orders imported as CSV (all or nothing, lines
// named), and a target list answered as CSV a spreadsheet opens safely — its content type, header
// row, a cell with a comma and quotes escaped, a formula-leading cell neutralised — or as JSON.
import { describe, expect, inject, it } from 'vitest';
import { istanbulDate } from '../../shared/time.js';
import { uniquePerson } from '../support/e2e.js';
import { call, importFile } from '../support/quotes.js';

const k = () => inject('analyticsKeys');
const csv = { 'content-type': 'text/csv' };

describe('analytics over HTTP', () => {
  it('imports last year’s orders and lists the top customers as CSV or JSON', async () => {
    const person = uniquePerson('analytics');
    // A name a spreadsheet would run as a formula, with a comma and quotes in it.
    const name = `=Kurgu, "Deneme" ${person.name}`;
    const intake = await call<{ customerId: string }>(
      'POST',
      '/orders',
      inject('orderKeys').shop,
      {
        customer: { name, email: person.email, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 5', city: 'Ankara' },
        channel: 'web-shop',
      },
      { 'idempotency-key': `analytics-${person.email}` },
    );
    expect(intake.status, intake.text).toBe(201);
    const { customerId } = intake.body;
    const lastYear = Number(istanbulDate(new Date()).slice(0, 4)) - 1;
    const header = 'order_id,customer_id,order_date,currency,amount,amount_try';
    const order = `hist-${customerId},${customerId},${lastYear}-06-01,TRY,999999999.00,`;

    const refused = await call<{ code: string; errors: { line: number; path: string }[] }>(
      'POST',
      '/analytics/imports/orders',
      k().admin,
      `${header}\n${order}\nhist-x-${customerId},${customerId},${lastYear}-02-30,TRY,1,\n`,
      csv,
    );
    expect([refused.status, refused.body.code]).toEqual([422, 'import-failed']);
    expect(refused.body.errors).toEqual([expect.objectContaining({ line: 3, path: 'order_date' })]);
    expect((await call('POST', '/analytics/imports/orders', k().manager, `${header}\n${order}\n`, csv)).status).toBe(
      403,
    );

    const imported = await importFile('/analytics/imports/orders', k().admin, `${header}\n${order}\n`, csv);
    expect(imported.posted.status, imported.posted.text).toBe(202);
    expect(imported.job).toMatchObject({ status: 'done', rows: 1, counts: { imported: 1, alreadyCounted: 0 } });

    const asCsv = await call('GET', '/analytics/lists/top-customers?format=csv', k().manager);
    expect([asCsv.status, asCsv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [first, ...rows] = asCsv.text.split('\r\n');
    expect(first).toBe('rank,customerId,name,company,segment,currency,revenueTry,orders');
    // The biggest buyer of last year by far is first: its name quoted, its quotes doubled, its `=` behind an apostrophe.
    // Revenue in lira beside its currency, never kuruş.
    expect(rows[0]).toBe(`1,${customerId},"'=Kurgu, ""Deneme"" ${person.name}",,,TRY,999999999.00,1`);

    const byAccept = await call('GET', '/analytics/lists/top-customers', k().director, undefined, {
      accept: 'text/csv',
    });
    expect([byAccept.status, byAccept.type, byAccept.text.split('\r\n')[0]]).toEqual([
      200,
      'text/csv; charset=utf-8',
      first,
    ]);
    const asJson = await call<{ year: string; customers: { customerId: string; name: string }[] }>(
      'GET',
      '/analytics/lists/top-customers',
      k().manager,
    );
    expect(asJson.type).toBe('application/json; charset=utf-8');
    expect(asJson.body.year).toBe(String(lastYear));
    expect(asJson.body.customers[0]).toMatchObject({ customerId, name, revenueTry: 99_999_999_900, rank: 1 });
  });

  it('answers sales performance as CSV too, each row naming its commission basis and its amounts in lira', async () => {
    const json = await call<{ commission: { basis: string }; rows: { group: string; commissionBasis: string }[] }>(
      'GET',
      '/analytics/performance',
      k().manager,
    );
    expect(json.status).toBe(200);
    expect(['net', 'margin']).toContain(json.body.commission.basis);
    expect(json.body.rows.every((row) => row.commissionBasis === json.body.commission.basis)).toBe(true);
    const asCsv = await call('GET', '/analytics/performance?format=csv', k().manager);
    expect([asCsv.status, asCsv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = asCsv.text.trimEnd().split('\r\n');
    expect(header).toBe(
      'group,leadsReceived,contacted,converted,firstResponseMedianMinutes,quotesSent,quotesWon,currency,wonTry,wonNetTry,' +
        'marginWonTry,marginWonPercent,withoutMargin,commissionBasis,commissionTry',
    );
    expect(rows).toHaveLength(json.body.rows.length);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells[7]).toBe('TRY');
      expect(cells[13]).toBe(json.body.commission.basis);
      // Amounts with two decimals: lira, not kuruş.
      for (const amount of [cells[8], cells[9], cells[10], cells[14]]) expect(amount).toMatch(/^-?\d+\.\d{2}$/);
    }
  });
});
