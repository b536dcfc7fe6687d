// Purchasing in Chromium against the local stack with the ERP stand-in: the quote builder shows a
// line's stock beside its quantity and warns when the line asks for more; a web-shop order short of
// stock becomes a purchase request, mailed once to the purchasing unit with a link to its inbox; the
// buyer marks it ordered (the supplier's reference and day), then received, in the inbox; the API then
// shows the request received and the order's shortfall cleared.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { check, findRow, settled, signedIn, useBrowser } from '../support/console.js';
import { mailTo, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

const browser = useBrowser();
let director = '';

const erp = async (path: string, body?: object) => {
  const response = await fetch(`${inject('erp')}${path}`, { method: 'POST', body: body && JSON.stringify(body) });
  expect(response.status).toBe(200);
};

beforeAll(async () => {
  director = (
    await createApiKey({ label: 'purchasing story', userId: 'dir-kemal', role: 'director', scopes: ['orders:read'] })
  ).key;
  await erp('/_erp/up');
  await erp('/_erp/stock', { productId: 'BAT-48', onHand: 1, reserved: 0 });
});

describe('an order short of stock, bought in', () => {
  it('shows the shortfall in the quote builder, then the buyer orders and receives it in the inbox', async () => {
    expect(browser()).toBeDefined();
    // ---- the quote builder: the line's stock beside its quantity, a warning above it ----------------
    const rep = await signedIn('ayse.rep@example.com', '/quotes/new');
    await rep.locator('input[name="lines.0.sku"]').fill('BAT-48');
    await rep.locator('input[name="lines.0.sku"]').dispatchEvent('change');
    await rep.locator('[data-stock-for="0"] [data-stock="1"]').waitFor();
    expect(await rep.locator('[data-stock-short]').count()).toBe(0);
    await rep.locator('input[name="lines.0.quantity"]').fill('3');
    await rep.locator('[data-stock-short]').waitFor();
    expect(await rep.locator('[data-stock-short]').textContent()).toContain('Miktar stoktan fazla');
    await check(rep, 'quote-builder-stock');
    await rep.context().close();

    // ---- the order: three batteries, one in stock — a purchase request for two ------------------------
    const person = uniquePerson('purchasing');
    const placed = await call<{ orderId: string }>(
      'POST',
      '/orders',
      inject('orderKeys').shop,
      {
        customer: { name: person.name, email: person.email, language: 'tr' },
        lines: [{ sku: 'BAT-48', quantity: 3, unitPrice: 14_500_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 7', city: 'Kocaeli' },
        channel: 'web-shop',
      },
      { 'idempotency-key': `purchasing-${person.email}` },
    );
    expect(placed.status, placed.text).toBe(201);
    const { orderId } = placed.body;
    await settle();
    const number = `SP-${orderId.slice(-8)}`;
    const mails = (await mailTo('purchasing@example.com')).filter((m) => m.subject.includes(number));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain(`#/inbox?number=${number}`);

    // ---- the buyer: the request in the inbox, marked ordered, then received ---------------------------
    const buyer = await signedIn('selim.purchasing@example.com', `/inbox?number=${number}`);
    const row = await findRow(buyer, 'tr[data-kind="purchase"]');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('open');
    expect(await row.locator('[data-minutes-left]').count()).toBe(1);
    await row.locator('input[name="supplierRef"]').fill('TED-2030-17');
    await row.locator('input[name="expectedOn"]').fill('2030-01-15');
    await row.locator('form[data-move="order"] button').click();
    await buyer.locator('tr[data-kind="purchase"] [data-status="ordered"]').waitFor();
    await settled(buyer);
    await check(buyer, 'inbox-purchase-ordered');
    await buyer.locator('tr[data-kind="purchase"] form[data-move="receive"] button').click();
    // Received, it leaves the inbox.
    await buyer.locator('tr[data-kind="purchase"]').waitFor({ state: 'detached' });
    await buyer.context().close();

    // ---- the API: the request received, the order's shortfall cleared --------------------------------
    const stock = await call<{
      shortfall: string;
      purchaseRequests: { status: string; supplierRef: string; quantity: number }[];
    }>('GET', `/orders/${orderId}/stock`, director);
    expect(stock.status, stock.text).toBe(200);
    expect(stock.body.shortfall).toBe('cleared');
    expect(stock.body.purchaseRequests).toEqual([
      expect.objectContaining({ status: 'received', supplierRef: 'TED-2030-17', quantity: 2 }),
    ]);
  });
});
