// The customer record over HTTP on the local stack: a caller found by every common way of writing
// their phone and by their e-mail in any case, an unknown caller told how to create one, a rep who
// does not own the customer told nothing, the record showing the lead, quote and order made for the
// customer; staff creating and editing customers (the problem codes) and the directory's q folding.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { captureLead, getLead, settle, uniquePerson } from '../support/e2e.js';
import { call, createQuote, type ProblemFields, quoteKeys } from '../support/quotes.js';

const k = () => inject('customerKeys');

interface Part {
  items: Record<string, unknown>[];
  more?: boolean;
  nextCursor?: string;
}
interface LookupMatch {
  customer: { customerId: string; name: string; email?: string; phone?: string };
  owners: { ownerIds: string[]; teamIds: string[] };
  consents: unknown[];
  matchedBy: { customer: boolean; contactIds: string[] };
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
interface Created {
  customer: { customerId: string; name: string; seq: number };
}

const lookup = (query: Record<string, string>, key = k().agent) =>
  call<{ matches: LookupMatch[] } & ProblemFields>('GET', `/customers/lookup?${new URLSearchParams(query)}`, key);
const ids = (part: Part, field: string) => part.items.map((item) => item[field]);
const writers = () => inject('customerRecordKeys');

describe('customers', () => {
  const person = uniquePerson('customer');
  let customerId = '';
  let leadId = '';
  let quoteId = '';
  let orderId = '';

  beforeAll(async () => {
    // Kocaeli routes the lead to rep-ayse (the demo rules): she owns the customer, rep-mehmet does not.
    ({ leadId } = await captureLead({
      name: person.name,
      email: person.email,
      phone: person.localPhone,
      city: 'Kocaeli',
      language: 'tr',
    }));
    customerId = (await getLead(leadId)).customerId;
    await settle();
    ({ quoteId } = await createQuote(quoteKeys().repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 1 }],
    }));
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
    const [area, a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8)];
    // Every form the call center's software may hand over: 0532…, +90 532…, 532 …, 90532…, 0090…,
    // with spaces, dashes and brackets.
    const forms = [
      `0${d}`,
      `0${area} ${a} ${b} ${c}`,
      `(0${area}) ${a}-${b}-${c}`,
      `+90 ${area} ${a} ${b} ${c}`,
      `+90-${area}-${a}-${b}-${c}`,
      `${area} ${a} ${b} ${c}`,
      d,
      `90${d}`,
      `90 (${area}) ${a}-${b}-${c}`,
      `0090 ${area} ${a} ${b} ${c}`,
      person.localPhone,
    ];
    for (const phone of forms) {
      const found = await lookup({ phone });
      expect([phone, found.status, found.body.matches?.map((m) => m.customer.customerId)]).toEqual([
        phone,
        200,
        [customerId],
      ]);
    }
    const byEmail = await lookup({ email: person.email.toUpperCase() });
    expect([byEmail.status, byEmail.body.matches.length]).toEqual([200, 1]);
    const [match] = byEmail.body.matches;

    // One round trip answers what the agent needs: the lead, the open quote and the order.
    expect(match!.matchedBy).toEqual({ customer: true, contactIds: [] });
    expect(ids(match!.recentLeads, 'leadId')).toEqual([leadId]);
    expect(ids(match!.openQuotes, 'quoteId')).toEqual([quoteId]);
    expect(ids(match!.recentOrders, 'orderId')).toEqual([orderId]);
    expect(match!.owners.ownerIds).toContain('rep-ayse');
    // And everything else the compact view shows, each list capped with `more`.
    expect(Object.keys(match!).sort()).toEqual([
      'consents',
      'contacts',
      'customer',
      'lastActivities',
      'matchedBy',
      'openCases',
      'openOpportunities',
      'openQuotes',
      'openRequests',
      'owners',
      'recentLeads',
      'recentOrders',
    ]);
  });

  it('tells the agent how to create an unknown caller, and refuses what is not a number', async () => {
    const unknown = await lookup({ phone: '+90 533 000 00 01' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown-caller']);
    expect(unknown.body.detail).toMatch(/POST \/customers.*POST \/leads.*POST \/orders/);
    const unknownMail = await lookup({ email: `nobody-${leadId}@example.com` });
    expect([unknownMail.status, unknownMail.body.code, unknownMail.body.errors?.[0]?.path]).toEqual([
      404,
      'unknown-caller',
      'email',
    ]);

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
    expect([
      ids(record.body.leads, 'leadId'),
      ids(record.body.quotes, 'quoteId'),
      ids(record.body.orders, 'orderId'),
    ]).toEqual([[leadId], [quoteId], [orderId]]);
    expect([record.body.leads.nextCursor, record.body.quotes.nextCursor, record.body.orders.nextCursor]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(Object.keys(record.body).sort()).toEqual([
      'cases',
      'consents',
      'contacts',
      'customer',
      'instalments',
      'invoices',
      'leads',
      'number',
      'opportunities',
      'orders',
      'owners',
      'payments',
      'points',
      'quotes',
      'requests',
      'timeline',
    ]);
    const missing = await call<ProblemFields>('GET', '/customers/01ARZ3NDEKTSV4RRFFQ69G5FAV', k().agent);
    expect([missing.status, missing.body.code]).toEqual([404, 'not-found']);
  });

  it('creates a customer once, refuses their e-mail to a second with 409 contact-taken, and a stale edit with 409 customer-changed', async () => {
    const email = `kayit-${leadId}@example.com`;
    const body = { name: 'Kayıt Deneme', email, phone: '0 (532) 400 10 20', tags: ['filo'], birthday: '05-17' };
    const created = await call<Created & ProblemFields>('POST', '/customers', writers().repAyse, body, {
      'idempotency-key': `create-${leadId}`,
    });
    expect([created.status, created.body.customer?.seq], created.text).toEqual([201, 1]);
    const retried = await call<Created>('POST', '/customers', writers().repAyse, body, {
      'idempotency-key': `create-${leadId}`,
    });
    expect([retried.status, retried.body.customer.customerId]).toEqual([201, created.body.customer.customerId]);

    const taken = await call<ProblemFields>('POST', '/customers', writers().manager, {
      name: 'Başka',
      email: email.toUpperCase(),
    });
    expect([taken.status, taken.body.code, taken.body.errors?.[0]?.path]).toEqual([409, 'contact-taken', 'email']);

    const path = `/customers/${created.body.customer.customerId}`;
    const edited = await call<Created>('PATCH', path, writers().repAyse, { seq: 1, city: 'Eskişehir', birthday: null });
    expect([edited.status, edited.body.customer.seq]).toEqual([200, 2]);
    const stale = await call<ProblemFields>('PATCH', path, writers().repAyse, { seq: 1, city: 'Bursa' });
    expect([stale.status, stale.body.code]).toEqual([409, 'customer-changed']);
    const badBirthday = await call<ProblemFields>('PATCH', path, writers().repAyse, { seq: 2, birthday: '02-30' });
    expect([badBirthday.status, badBirthday.body.code, badBirthday.body.errors?.[0]?.path]).toEqual([
      400,
      'validation-failed',
      'birthday',
    ]);
    const someoneElse = await call<ProblemFields>('POST', '/customers', writers().repAyse, {
      name: 'Devir',
      ownerId: 'rep-mehmet',
    });
    expect([someoneElse.status, someoneElse.body.code]).toEqual([403, 'forbidden']);
  });

  it('finds customers by a name prefix whatever the Turkish case: İSMAİL and ismail are one', async () => {
    const group = `e2e-${leadId}`;
    for (const name of ['İSMAİL Kara', 'ismail Ak', 'Işıl Ay']) {
      const made = await call('POST', '/customers', writers().manager, { name, group });
      expect(made.status, made.text).toBe(201);
    }
    const names = async (q: string) =>
      (
        await call<{ customers: { name: string }[] }>(
          'GET',
          `/customers?${new URLSearchParams({ q, group })}`,
          writers().manager,
        )
      ).body.customers.map((c) => c.name);
    expect(await names('İSMAİL')).toEqual(['ismail Ak', 'İSMAİL Kara']);
    expect(await names('ismail')).toEqual(['ismail Ak', 'İSMAİL Kara']);
    expect(await names('IŞIL')).toEqual(['Işıl Ay']);
  });
});
