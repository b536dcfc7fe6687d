// Access by the work a person does, on the local stack: one customer owned by a rep of team-export,
// a case for customer service and one for finance, an order routed to each of two dealers. First the
// findings one by one (intake grants nothing, the record is not a unit's, a submitter keeps nothing,
// previews and contact checks tell nobody who is a customer); then the matrix: every role × record
// kind × read route, the expected answer derived from the written model (test/support/access-model.ts).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type AccessActor, accessActors } from '../support/access-actors.js';
import { type CustomerFacts, roleModel, seesItem, seesRecord } from '../support/access-model.js';
import { mailTo, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

const key = (actor: AccessActor) => inject('accessKeys')[actor];
const idem = () => ({ 'idempotency-key': `access-${Math.random().toString(36).slice(2)}` });
const tag = `acc${Math.random().toString(36).slice(2, 8)}`;
const PARTS = ['leads', 'quotes', 'orders', 'cases', 'contacts', 'timeline', 'opportunities', 'requests'];

const orderBody = (customer: { name: string; email: string }, city: string) => ({
  customer: { ...customer, language: 'tr' },
  lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
  delivery: { address: 'Deneme Sokak 5', city },
  requestedDate: '2026-12-15',
  channel: 'web-shop',
});

interface Fixture {
  customerId: string;
  email: string;
  name: string;
  owners: CustomerFacts;
  serviceCase: { caseId: string; unitId: string; openedBy: string };
  financeCase: { caseId: string; unitId: string; openedBy: string };
  ankaraOrder: { orderId: string; unitId: string; submittedBy: string };
  izmirOrder: { orderId: string; unitId: string; submittedBy: string };
  templateId: string;
}
let f: Fixture;

const created = async <T>(method: string, path: string, actor: AccessActor, body: unknown) => {
  const reply = await call<T>(method, path, key(actor), body, idem());
  expect(reply.status, `${method} ${path}: ${reply.text}`).toBe(201);
  return reply.body;
};

beforeAll(async () => {
  const someone = uniquePerson(tag);
  const name = `Erişim ${tag}`;
  const customer = await created<{ customer: { customerId: string } }>('POST', '/customers', 'repOwner', {
    name,
    email: someone.email,
    phone: someone.localPhone,
    city: `Şehir ${tag}`,
    tags: [tag],
    language: 'tr',
  });
  const customerId = customer.customer.customerId;
  const openCase = (category: string) =>
    created<{ caseId: string; unit: { id: string } }>('POST', '/cases', 'agent', {
      type: 'complaint',
      category,
      channel: 'phone',
      subject: 'Erişim denemesi',
      customerId,
    });
  const [service, finance] = [await openCase('website'), await openCase('billing')];
  // Orders by contact: one sent by the İzmir dealer for an Ankara delivery, one by the web shop.
  const ankara = await created<{ orderId: string }>(
    'POST',
    '/orders',
    'otherDealer',
    orderBody({ name, email: someone.email }, 'Ankara'),
  );
  const izmir = await created<{ orderId: string }>(
    'POST',
    '/orders',
    'integration',
    orderBody({ name, email: someone.email }, 'İzmir'),
  );
  const template = await created<{ templateId: string }>('POST', '/templates', 'marketer', {
    name: `Şablon ${tag}`,
    parts: {
      tr: { subject: 'Merhaba {{name}}', html: '<p>Sayın {{name}}</p>', text: 'Sayın {{name}}' },
      en: { subject: 'Hello {{name}}', html: '<p>Dear {{name}}</p>', text: 'Dear {{name}}' },
    },
  });
  await settle();
  f = {
    customerId,
    email: someone.email,
    name,
    owners: { ownerIds: ['rep-john'], teamIds: ['team-export'] },
    serviceCase: { caseId: service.caseId, unitId: service.unit.id, openedBy: 'agent-deniz' },
    financeCase: { caseId: finance.caseId, unitId: finance.unit.id, openedBy: 'agent-deniz' },
    ankaraOrder: { orderId: ankara.orderId, unitId: 'dealer-ankara', submittedBy: 'dealer-izmir-ece' },
    izmirOrder: { orderId: izmir.orderId, unitId: 'dealer-izmir', submittedBy: 'shop-web' },
    templateId: template.templateId,
  };
  expect([f.serviceCase.unitId, f.financeCase.unitId]).toEqual(['dept-customer-service', 'dept-finance']);
}, 60_000);

const status = async (method: string, path: string, actor: AccessActor, body?: unknown) =>
  (await call(method, path, key(actor), body)).status;

describe('intake that matches a customer grants nothing', () => {
  it("finding 1: a department's case by the customer's e-mail (and the public form) opens neither the record nor the lookup to it", async () => {
    const before = await call<{ owners: CustomerFacts }>('GET', `/customers/${f.customerId}`, key('repOwner'));
    const matched = await call<{ caseId: string }>(
      'POST',
      '/cases',
      key('department'),
      {
        type: 'request',
        category: 'website',
        channel: 'email',
        subject: 'Eşleşen vaka',
        contact: { name: 'Başka Biri', email: f.email.toUpperCase(), language: 'tr' },
      },
      idem(),
    );
    expect(matched.status, matched.text).toBe(201);
    const web = await call(
      'POST',
      '/cases/web',
      undefined,
      { type: 'complaint', category: 'website', subject: 'Form', name: 'X', email: f.email, language: 'tr' },
      idem(),
    );
    expect(web.status).toBe(201);
    await settle();
    // The department sees its case, with the contact details it was given — not the record.
    const seen = await call<{ customerId: string; contact: unknown }>(
      'GET',
      `/cases/${matched.body.caseId}`,
      key('department'),
    );
    expect([seen.status, seen.body.customerId, seen.body.contact]).toEqual([
      200,
      f.customerId,
      { name: 'Başka Biri', email: f.email.toUpperCase() },
    ]);
    expect(await status('GET', `/customers/${f.customerId}`, 'department')).toBe(404);
    expect(await status('GET', `/customers/lookup?email=${encodeURIComponent(f.email)}`, 'department')).toBe(404);
    const after = await call<{ owners: CustomerFacts }>('GET', `/customers/${f.customerId}`, key('repOwner'));
    expect(after.body.owners).toEqual(before.body.owners);
    expect(after.body.owners).toEqual(f.owners);
  });

  it('finding 1: a case by the id of a customer the caller cannot see answers exactly as an unknown id, and mails nobody', async () => {
    const body = (customerId: string) => ({
      type: 'complaint',
      category: 'billing',
      channel: 'phone',
      subject: 'Kimliğe göre',
      customerId,
    });
    const mailsBefore = (await mailTo(f.email)).length;
    const unseen = await call('POST', '/cases', key('repOther'), body(f.customerId), idem());
    const unknown = await call('POST', '/cases', key('repOther'), body('01ARZ3NDEKTSV4RRFFQ69G5FAV'), idem());
    expect([unseen.status, unseen.body]).toEqual([unknown.status, unknown.body]);
    expect([unseen.status, unseen.body.code]).toEqual([422, 'customer-not-found']);
    await settle();
    expect((await mailTo(f.email)).length).toBe(mailsBefore);
  });

  it("finding 2: a dealer's order by the customer's e-mail makes the dealer no owner, and its answer names no customer", async () => {
    const sent = await call<{ orderId: string; customerId?: string }>(
      'POST',
      '/orders',
      key('otherDealer'),
      orderBody({ name: 'Y', email: f.email }, 'İzmir'),
      idem(),
    );
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body).not.toHaveProperty('customerId');
    await settle();
    expect(await status('GET', `/orders/${sent.body.orderId}`, 'otherDealer')).toBe(200);
    expect(await status('GET', `/customers/${f.customerId}`, 'otherDealer')).toBe(404);
    expect(await status('GET', `/customers/${f.customerId}/orders`, 'otherDealer')).toBe(404);
    const record = await call<{ owners: CustomerFacts }>('GET', `/customers/${f.customerId}`, key('repOwner'));
    expect(record.body.owners).toEqual(f.owners);
  });
});

describe('a unit sees the items it handles, not the record', () => {
  it("finding 3: customer service reads its case but not finance's, nor any part of the record; a dealer not another's order", async () => {
    expect(await status('GET', `/cases/${f.serviceCase.caseId}`, 'department')).toBe(200);
    expect(await status('GET', `/cases/${f.financeCase.caseId}`, 'department')).toBe(404);
    for (const part of ['cases', 'orders', 'opportunities']) {
      expect([part, await status('GET', `/customers/${f.customerId}/${part}`, 'department')]).toEqual([part, 404]);
      expect([part, await status('GET', `/customers/${f.customerId}/${part}`, 'dealer')]).toEqual([part, 404]);
    }
    expect(await status('GET', `/orders/${f.izmirOrder.orderId}`, 'dealer')).toBe(404);
    expect(await status('GET', `/orders/${f.ankaraOrder.orderId}`, 'dealer')).toBe(200);
  });

  it('finding 4: the dealer that sent an order routed to another dealer can no longer read, acknowledge, ship or deliver it', async () => {
    const path = `/orders/${f.ankaraOrder.orderId}`;
    expect(await status('GET', path, 'otherDealer')).toBe(404);
    for (const move of ['acknowledged', 'shipped', 'delivered']) {
      const moved = await call('POST', `${path}/status`, key('otherDealer'), { status: move }, idem());
      expect([move, moved.status, moved.body.code]).toEqual([move, 404, 'not-found']);
    }
    const listed = await call<{ orders: { orderId: string }[] }>(
      'GET',
      '/orders?status=routed&limit=100',
      key('otherDealer'),
    );
    expect(listed.body.orders.map((o) => o.orderId)).not.toContain(f.ankaraOrder.orderId);
    // Its own dealer still moves it; the customer's rep follows it but may not move it.
    expect(await status('GET', path, 'repOwner')).toBe(200);
    expect((await call('POST', `${path}/status`, key('repOwner'), { status: 'acknowledged' }, idem())).status).toBe(
      403,
    );
    const acked = await call<{ status: string }>(
      'POST',
      `${path}/status`,
      key('dealer'),
      { status: 'acknowledged' },
      idem(),
    );
    expect([acked.status, acked.body.status], acked.text).toEqual([200, 'acknowledged']);
  });
});

describe('previews and contact checks tell nobody who is a customer', () => {
  it("finding 5: a template preview by the id of a customer out of reach answers as an unknown id; a segment's sample names only those in reach", async () => {
    const preview = (actor: AccessActor, customerId: string) =>
      call<{ subject?: string; code?: string }>('POST', `/templates/${f.templateId}/preview`, key(actor), {
        language: 'tr',
        customerId,
      });
    const unseen = await preview('repOther', f.customerId);
    const unknown = await preview('repOther', '01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect([unseen.status, unseen.body]).toEqual([unknown.status, unknown.body]);
    expect([unseen.status, unseen.body.code]).toEqual([422, 'customer-not-found']);
    expect((await preview('teamManager', f.customerId)).body.subject).toBe(`Merhaba ${f.name}`);

    const sample = async (actor: AccessActor) =>
      (
        await call<{ count: number; sample: { name: string }[] }>('POST', '/segments/preview', key(actor), {
          filter: { tags: [tag] },
        })
      ).body;
    const [outOfReach, inReach] = [await sample('repOther'), await sample('teamManager')];
    expect([outOfReach.count, outOfReach.sample]).toEqual([1, []]);
    expect([inReach.count, inReach.sample.map((s) => s.name)]).toEqual([1, [f.name]]);
  });

  it('finding 9: POST /customers with a contact of a customer the caller cannot see answers as for a free one; the owner still gets 409', async () => {
    const unseen = await call<{ customer: Record<string, unknown> }>(
      'POST',
      '/customers',
      key('repOther'),
      { name: 'Aynı Adres', email: f.email },
      idem(),
    );
    const free = await call<{ customer: Record<string, unknown> }>(
      'POST',
      '/customers',
      key('repOther'),
      { name: 'Aynı Adres', email: `free-${tag}@example.com` },
      idem(),
    );
    expect([unseen.status, free.status]).toEqual([201, 201]);
    expect(Object.keys(unseen.body.customer).sort()).toEqual(Object.keys(free.body.customer).sort());
    expect(unseen.body.customer.customerId).not.toBe(f.customerId);
    const owner = await call('POST', '/customers', key('repOwner'), { name: 'Aynı Adres', email: f.email }, idem());
    expect([owner.status, owner.body.code, (owner.body.errors as { path: string }[])[0]?.path]).toEqual([
      409,
      'contact-taken',
      'email',
    ]);
    // The record found by the address is still the first customer's.
    const found = await call<{ matches: { customer: { customerId: string } }[] }>(
      'GET',
      `/customers/lookup?email=${encodeURIComponent(f.email)}`,
      key('firmManager'),
    );
    expect(found.body.matches.map((c) => c.customer.customerId)).toEqual([f.customerId]);
  });
});

describe('the access matrix: every role × record kind × read route, as the written model says', () => {
  it('answers every route as the model derives, for every role', async () => {
    // Each check runs later, a few at a time: the local stack runs every function on this machine.
    const checks: (() => Promise<string | undefined>)[] = [];
    const expectStatus = (
      actor: AccessActor,
      label: string,
      method: string,
      path: string,
      want: number,
      body?: unknown,
    ) =>
      checks.push(() =>
        call(method, path, key(actor), body).then((r) =>
          r.status === want ? undefined : `${actor} ${label}: ${r.status}, model says ${want}`,
        ),
      );
    const expectListed = (
      actor: AccessActor,
      label: string,
      method: string,
      path: string,
      pick: (b: never) => string[],
      want: boolean,
      body?: unknown,
    ) =>
      checks.push(() =>
        call(method, path, key(actor), body).then((r) => {
          if (r.status !== 200) return `${actor} ${label}: ${r.status}`;
          const listed = pick(r.body as never).includes(f.customerId);
          return listed === want ? undefined : `${actor} ${label}: listed ${listed}, model says ${want}`;
        }),
      );
    for (const [name, actor] of Object.entries(accessActors) as [AccessActor, (typeof accessActors)[AccessActor]][]) {
      const row = roleModel.find((r) => r.role === actor.model);
      expect(row, actor.model).toBeDefined();
      if (row!.customers !== 'role') expect([name, actor.customers]).toEqual([name, row!.customers]);
      // The integration key holds only the orders scopes: everything else is a 403 before any access rule.
      const scoped = (status: number, scope: 'orders' | 'other') =>
        name === 'integration' && scope === 'other' ? 403 : status;
      const record = seesRecord(actor, f.owners);
      expectStatus(name, 'record', 'GET', `/customers/${f.customerId}`, scoped(record ? 200 : 404, 'other'));
      for (const part of PARTS)
        expectStatus(
          name,
          `part ${part}`,
          'GET',
          `/customers/${f.customerId}/${part}`,
          scoped(record ? 200 : 404, 'other'),
        );
      expectStatus(
        name,
        'lookup',
        'GET',
        `/customers/lookup?email=${encodeURIComponent(f.email)}`,
        scoped(record ? 200 : 404, 'other'),
      );
      expectStatus(
        name,
        'template preview',
        'POST',
        `/templates/${f.templateId}/preview`,
        scoped(record ? 200 : 422, 'other'),
        { customerId: f.customerId },
      );
      for (const c of [f.serviceCase, f.financeCase]) {
        expectStatus(
          name,
          `case ${c.unitId}`,
          'GET',
          `/cases/${c.caseId}`,
          scoped(seesItem(actor, f.owners, 'case', c) ? 200 : 404, 'other'),
        );
      }
      for (const o of [f.ankaraOrder, f.izmirOrder]) {
        expectStatus(
          name,
          `order ${o.unitId}`,
          'GET',
          `/orders/${o.orderId}`,
          scoped(seesItem(actor, f.owners, 'order', o) ? 200 : 404, 'orders'),
        );
      }
      if (name === 'integration') continue;
      const ids = (b: { customers: { customerId: string }[] }) => b.customers.map((c) => c.customerId);
      expectListed(
        name,
        'directory',
        'GET',
        `/customers?q=${encodeURIComponent(f.name)}&limit=50`,
        ids as never,
        record,
      );
      const sampled = (b: { sample: { customerId: string }[] }) => b.sample.map((s) => s.customerId);
      expectListed(name, 'segment sample', 'POST', '/segments/preview', sampled as never, record, {
        filter: { tags: [tag] },
      });
    }
    const answers: (string | undefined)[] = [];
    const next = checks.entries();
    const worker = async () => {
      for (const [i, check] of next) answers[i] = await check();
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const failures = answers.filter(Boolean);
    expect(failures).toEqual([]);
    expect(checks.length).toBeGreaterThan(150);
  });
});
