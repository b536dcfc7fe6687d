// Selling in the console, in Chromium: a rep's quote for a product made from a recipe shows each
// component's cost, the cost roll-up and the margin, and posts the accepted quote as a letter (its
// window's address read back out of the PDF); after the ERP posts the order's invoice and a
// payment short of the first instalment, and its due date passes, the manager finds the order on the
// overdue instalments list, the order page shows the invoice and the payment status, and the customer's
// record the overdue instalment. Every figure is worked out by hand below, in kuruş.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { check, settled, useBrowser, withApiKey } from '../support/console.js';
import { api, localControlHeaders, settle } from '../support/e2e.js';
import { pdfText } from '../support/pdf-text.js';
import { act, call, createQuote, getQuote, newCustomer, quoteKeys } from '../support/quotes.js';

useBrowser();

const setClock = async (at?: string) => {
  const response = await fetch(`${api()}/_local/clock${at ? `?at=${encodeURIComponent(at)}` : ''}`, {
    method: at ? 'POST' : 'DELETE',
    headers: localControlHeaders,
  });
  expect(response.ok).toBe(true);
};

const tl = (kurus: number) =>
  new Intl.NumberFormat('tr-TR', { style: 'currency', currency: 'TRY' }).format(kurus / 100);

let erp = '';
let manager = '';
let rep = '';
beforeAll(async () => {
  const key = async (userId: string, role: 'rep' | 'manager' | 'admin', scopes: string[]) =>
    (await createApiKey({ label: `sales story ${userId}`, userId, role, scopes: scopes as never })).key;
  erp = await key('erp-sales-e2e', 'admin', ['erp:write']);
  manager = await key('mgr-zeynep', 'manager', [
    'quotes:read',
    'quotes:approve',
    'orders:read',
    'customers:read',
    'catalogue:read',
  ]);
  rep = await key('rep-ayse', 'rep', [
    'quotes:read',
    'quotes:write',
    'customers:read',
    'customers:write',
    'catalogue:read',
  ]);
});
afterAll(() => setClock());

// The battery pack BAT-48 (list price 145.000,00 TL) made of 4 hours of service at 2.000,00 and an
// optional yearly maintenance at 30.000,00: 8.000,00 + 30.000,00 = 38.000,00 TL a unit.
const SERVICE_HOUR = 200_000;
const MAINTENANCE = 3_000_000;
const UNIT_COST = 4 * SERVICE_HOUR + MAINTENANCE; // 3.800.000 kuruş
const LIST_PRICE = 14_500_000;

describe('selling with recipes, instalments and the ERP', () => {
  it('a rep sees the cost roll-up and margin; a manager finds the missed instalment and the invoice', async () => {
    const admin = quoteKeys().catalogueAdmin;
    const before = await call<{ seq: number }>('GET', '/recipes/BAT-48', admin);
    const saved = await call('PUT', '/recipes/BAT-48', admin, {
      seq: before.status === 200 ? before.body.seq : 0,
      components: [
        {
          sku: 'SRV-H',
          kind: 'service',
          quantity: 4,
          unitCost: { amount: SERVICE_HOUR, currency: 'TRY' },
          supplier: 'Deneme Servis A.Ş.',
        },
        {
          sku: 'MNT-Y',
          kind: 'service',
          quantity: 1,
          unitCost: { amount: MAINTENANCE, currency: 'TRY' },
          supplier: 'Deneme Bakım Ltd.',
          optional: true,
          alternatives: [{ sku: 'TRN-OP', supplier: 'Deneme Eğitim', unitCost: { amount: 450_000, currency: 'TRY' } }],
        },
      ],
    });
    expect(saved.status, saved.text).toBe(200);

    // Two packs: net 2 × 145.000,00 = 290.000,00; cost 2 × 38.000,00 = 76.000,00; margin 214.000,00,
    // 214.000 / 290.000 = 73,79 %. With KDV 20 %: 348.000,00, in two instalments of 174.000,00.
    const customer = await newCustomer('sales-story');
    const quote = await createQuote(rep, {
      customerId: customer.customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'BAT-48', quantity: 2, discountBp: 0 }],
      paymentTerms: { type: 'instalments', count: 2, firstDueDate: '2027-01-15', intervalMonths: 1 },
    });
    const net = 2 * LIST_PRICE;
    const cost = 2 * UNIT_COST;
    const margin = net - cost;
    expect(margin).toBe(21_400_000);
    const line = (quote as unknown as { lines: { unitCost: { amount: number }; margin: { amount: number } }[] })
      .lines[0]!;
    expect([line.unitCost.amount, line.margin.amount]).toEqual([UNIT_COST, margin]);

    const page = await withApiKey(rep, `/quotes/${quote.quoteId}`);
    const rollUp = page.locator('[data-roll-up="BAT-48"]');
    await rollUp.waitFor();
    expect(await rollUp.locator('[data-component="SRV-H"] td').allTextContents()).toEqual([
      'SRV-H',
      '4',
      tl(SERVICE_HOUR),
      tl(4 * SERVICE_HOUR),
    ]);
    expect(await rollUp.locator('[data-unit-cost]').textContent()).toBe(tl(UNIT_COST));
    expect(await rollUp.locator('[data-margin]').textContent()).toBe(`${tl(margin)} · 73.79 %`);
    await check(page, 'sales-quote-roll-up');

    // The product's own page: the recipe, optional and substitutable components, the roll-up.
    await page.goto(`${api()}/console/#/catalogue/products/BAT-48`);
    await page.locator('[data-recipe-cost]').waitFor();
    expect(await page.locator('[data-recipe-cost]').textContent()).toBe(tl(UNIT_COST));
    expect(await page.locator('[data-component="MNT-Y"] [data-optional]').textContent()).toBe('Evet');
    expect(await page.locator('[data-component="MNT-Y"] [data-substitutes]').textContent()).toContain('TRN-OP');
    await check(page, 'sales-product-recipe');

    // Approved (no discount) and sent by itself; the rep records the customer's yes: the order and its plan.
    const submitted = await act(quote.quoteId, 'submit', rep, { seq: quote.seq });
    expect(submitted.status, submitted.text).toBe(200);
    await settle();
    const sent = await getQuote(quote.quoteId, rep);
    const accepted = await act(quote.quoteId, 'answer', rep, { answer: 'accepted', seq: sent.seq });
    expect(accepted.status, accepted.text).toBe(200);
    await settle();
    const orderId = (await getQuote(quote.quoteId, rep)).orderId as string;
    expect(orderId).toBeTruthy();

    // The quote by post too: the letter's window holds the postal address; the posting is on its history.
    const address = await call('PUT', `/customers/${customer.customerId}/postal-address`, rep, {
      seq: 0,
      address: {
        mahalle: 'Bahçelievler',
        street: 'Aşkabat Cad.',
        buildingNo: '12',
        district: 'Çankaya',
        province: 'Ankara',
        postalCode: '06490',
      },
    });
    expect(address.status, address.text).toBe(200);
    const letter = await fetch(`${api()}/quotes/${quote.quoteId}/letter`, {
      headers: { authorization: `Bearer ${rep}` },
    });
    expect([letter.status, letter.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const firstPage = (await pdfText(new Uint8Array(await letter.arrayBuffer()))).filter((s) => s.page === 0);
    const windowLines = firstPage.filter((s) => s.y < 841.89 - 45 * (72 / 25.4) && s.y > 841.89 - 80 * (72 / 25.4));
    expect(windowLines.map((s) => s.text).slice(1)).toEqual([
      'Bahçelievler Mah.',
      'Aşkabat Cad. No: 12',
      '06490 Çankaya / ANKARA',
    ]);
    const current = await getQuote(quote.quoteId, rep);
    const posted = await call('POST', `/quotes/${quote.quoteId}/posted`, rep, { seq: current.seq });
    expect(posted.status, posted.text).toBe(200);
    const { history } = (await getQuote(quote.quoteId, rep)) as unknown as {
      history: { action: string; note?: string }[];
    };
    expect(history.at(-1)).toMatchObject({ action: 'post', note: 'sent by post' });

    // The ERP posts the invoice and 100.000,00 of the first 174.000,00 instalment.
    const eInvoiceId = randomUUID();
    const invoice = await call('POST', '/erp/invoices', erp, {
      orderId,
      invoiceNumber: 'DEN2027000000042',
      eInvoiceType: 'e-fatura',
      eInvoiceId,
      issuedOn: '2026-12-20',
      amount: 34_800_000,
      currency: 'TRY',
    });
    expect([invoice.status, invoice.body.recorded], invoice.text).toEqual([201, true]);
    const payment = await call('POST', '/erp/payments', erp, {
      orderId,
      paymentId: `PAY-${orderId.slice(-8)}`,
      paidOn: '2027-01-10',
      amount: 10_000_000,
      currency: 'TRY',
    });
    expect([payment.status, payment.body.recorded], payment.text).toEqual([201, true]);
    await settle();

    // Five days past the first due date: 74.000,00 of it is missing.
    await setClock('2027-01-20T09:00:00Z');
    const overdue = await withApiKey(manager, '/instalments/overdue');
    const section = overdue.locator(`[data-overdue-order="${orderId}"]`);
    await section.waitFor();
    const first = section.locator('[data-instalment="1"] td');
    expect(await first.allTextContents()).toEqual(['1', '2027-01-15', tl(17_400_000), tl(10_000_000), 'Gecikmiş']);
    expect(await section.locator('[data-instalment="2"]').getAttribute('data-state')).toBe('due');
    await check(overdue, 'sales-overdue-instalments');

    await overdue.goto(`${api()}/console/#/orders/${orderId}`);
    await overdue.locator('[data-invoicing]').waitFor();
    await settled(overdue);
    expect(await overdue.locator('[data-invoice-number]').textContent()).toBe('DEN2027000000042');
    expect(await overdue.locator('[data-e-invoice]').textContent()).toBe(eInvoiceId);
    expect(await overdue.locator('[data-payment-status]').getAttribute('data-payment-status')).toBe('partlyPaid');
    expect(await overdue.locator('[data-paid]').textContent()).toBe(tl(10_000_000));
    await check(overdue, 'sales-order-invoicing');

    // The customer's record: the instalments part, the first one overdue.
    await overdue.goto(`${api()}/console/#/customers/${customer.customerId}`);
    const plan = overdue.locator(`[data-plan-order="${orderId}"]`);
    await plan.waitFor();
    expect(await plan.locator('[data-instalment="1"]').getAttribute('data-state')).toBe('overdue');
    await check(overdue, 'sales-customer-instalments');
  });
});
