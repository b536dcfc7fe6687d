// The customer record over HTTP on the local stack: a caller found by every common way of writing
// their phone and by their e-mail in any case, an unknown caller told how to create one, a rep who
// does not own the customer told nothing, and the record showing the lead, quote and order made
// for the customer.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { captureLead, getLead, settle, uniquePerson } from '../support/e2e.js';
import { call, createQuote, type ProblemFields, quoteKeys } from '../support/quotes.js';

const k = () => inject('customerKeys');

interface Part {
  items: Record<string, unknown>[];
  more: boolean;
}
interface LookupView {
  customer: { customerId: string; name: string; email?: string; phone?: string };
  owners: { ownerIds: string[]; teamIds: string[] };
  consents: unknown[];
  openQuotes: Part;
  recentOrders: Part;
  recentLeads: Part;
}
interface CustomerRecord {
  customer: { customerId: string };
  leads: Part;
  quotes: Part;
  orders: Part;
}

const lookup = (query: Record<string, string>, key = k().agent) =>
  call<LookupView & ProblemFields>('GET', `/customers/lookup?${new URLSearchParams(query)}`, key);
const ids = (part: Part, field: string) => part.items.map((item) => item[field]);

describe('customers', () => {
  const person = uniquePerson('customer');
  let customerId = '';
  let leadId = '';
  let quoteId = '';
  let orderId = '';

  beforeAll(async () => {
    // Kocaeli routes the lead to rep-ayse (the demo rules): she owns the customer, rep-mehmet does not.
    ({ leadId } = await captureLead({ name: person.name, email: person.email, phone: person.localPhone, city: 'Kocaeli', language: 'tr' }));
    customerId = (await getLead(leadId)).customerId;
    await settle();
    ({ quoteId } = await createQuote(quoteKeys().repAyse, { customerId, priceListId: 'tr-standart', lines: [{ sku: 'TP-20', quantity: 1 }] }));
    const order = await call<{ orderId: string; customerId: string }>(
      'POST',
      '/orders',
      inject('orderKeys').shop,
      {
        customer: { name: person.name, email: person.email, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 5', city: 'Ankara' },
        channel: 'web-shop',
      },
      { 'idempotency-key': `customers-${leadId}` },
    );
    expect(order.status, order.text).toBe(201);
    expect(order.body.customerId).toBe(customerId);
    orderId = order.body.orderId;
    await settle();
  });

  it('finds the caller by every common form of the number and by the e-mail in any case', async () => {
    const d = person.digits; // 532xxxxxxx
    const forms = [
      `+90 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`,
      `90 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
      d,
      person.localPhone,
    ];
    for (const phone of forms) {
      const found = await lookup({ phone });
      expect([phone, found.status, found.body.customer?.customerId]).toEqual([phone, 200, customerId]);
    }
    const byEmail = await lookup({ email: person.email.toUpperCase() });
    expect([byEmail.status, byEmail.body.customer.customerId]).toEqual([200, customerId]);

    // One round trip answers what the agent needs: the lead, the open quote and the order.
    expect(ids(byEmail.body.recentLeads, 'leadId')).toEqual([leadId]);
    expect(ids(byEmail.body.openQuotes, 'quoteId')).toEqual([quoteId]);
    expect(ids(byEmail.body.recentOrders, 'orderId')).toEqual([orderId]);
    expect(byEmail.body.owners.ownerIds).toContain('rep-ayse');
  });

  it('tells the agent how to create an unknown caller, and refuses what is not a number', async () => {
    const unknown = await lookup({ phone: '+90 533 000 00 01' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown-caller']);
    expect(unknown.body.detail).toMatch(/POST \/leads.*POST \/orders/);
    const unknownMail = await lookup({ email: `nobody-${leadId}@example.com` });
    expect([unknownMail.status, unknownMail.body.code, unknownMail.body.errors?.[0]?.path]).toEqual([404, 'unknown-caller', 'email']);

    const junk = await lookup({ phone: '12' });
    expect([junk.status, junk.body.code, junk.body.errors?.[0]?.path]).toEqual([400, 'validation-failed', 'phone']);
    const both = await lookup({ phone: person.localPhone, email: person.email });
    expect([both.status, both.body.code]).toEqual([400, 'validation-failed']);
  });

  it('shows a rep only the customers they own: to another rep the caller is unknown and the record not found', async () => {
    expect((await lookup({ phone: person.localPhone }, k().repAyse)).status).toBe(200);
    const other = await lookup({ phone: person.localPhone }, k().repMehmet);
    expect([other.status, other.body.code]).toEqual([404, 'unknown-caller']);
    const record = await call<ProblemFields>('GET', `/customers/${customerId}`, k().repMehmet);
    expect([record.status, record.body.code]).toEqual([404, 'not-found']);
  });

  it('answers the whole record with the lead, the quote and the order', async () => {
    const record = await call<CustomerRecord>('GET', `/customers/${customerId}`, k().repAyse);
    expect(record.status, record.text).toBe(200);
    expect(record.body.customer.customerId).toBe(customerId);
    expect([ids(record.body.leads, 'leadId'), ids(record.body.quotes, 'quoteId'), ids(record.body.orders, 'orderId')]).toEqual([
      [leadId],
      [quoteId],
      [orderId],
    ]);
    expect([record.body.leads.more, record.body.quotes.more, record.body.orders.more]).toEqual([false, false, false]);
    const missing = await call<ProblemFields>('GET', '/customers/01ARZ3NDEKTSV4RRFFQ69G5FAV', k().agent);
    expect([missing.status, missing.body.code]).toEqual([404, 'not-found']);
  });
});
