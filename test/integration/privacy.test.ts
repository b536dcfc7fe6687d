// A person's access request and erasure against DynamoDB Local: a seeded person with a lead from the
// web form (consents, a pending double opt-in, a stored idempotency answer), a delivered order counted
// into the figures, a suppression entry, a daily mail quota and a campaign's send record; another
// person beside them. Afterwards a Scan of the whole table finds nothing holding the person's name,
// e-mail or phone, the other person is untouched, and the dashboard's order revenue is the same.
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { countOrderTransition, dashboard } from '../../functions/analytics/analytics.js';
import { campaignsKeys } from '../../functions/campaigns/keys.js';
import { readsByUser, readsOfCustomer } from '../../functions/customer-record/public.js';
import { logReads } from '../../functions/customer-record/read-log.js';
import { addContact } from '../../functions/customers/contact-store.js';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { getOrder } from '../../functions/order-routing/order-store.js';
import { changeStatus, intakeOrder, routeOrder } from '../../functions/order-routing/orders.js';
import { accessRequest, partitionItems } from '../../functions/privacy/access.js';
import { erasePerson } from '../../functions/privacy/erasure.js';
import { handler as retentionJob } from '../../functions/privacy/handlers/retention-job.js';
import { listRequests } from '../../functions/privacy/request-store.js';
import { getRetentionRules, setRetentionRules } from '../../functions/privacy/retention.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import { erasedDetails } from '../../shared/erasure.js';
import type { Actor } from '../../shared/http.js';
import { noRecord } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { suppress } from '../../shared/suppression.js';
import { keys } from '../../shared/table.js';

type Item = Record<string, unknown>;

const officer: Actor = {
  keyId: 'k-dpo',
  userId: 'dpo-privacy',
  role: 'admin',
  scopes: ['privacy:read', 'privacy:erase'],
};
const shop: Actor = { keyId: 'key-shop-privacy', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };
const mover = { actorId: 'admin-privacy', role: 'admin' as const, via: 'api' as const };
const ROUTE = 'POST /privacy/erasures';

const tag = () => Math.random().toString(36).slice(2, 10);
const randomPhone = () => `+90532${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** An invented person with details no other test uses. */
const invent = () => {
  const t = tag();
  const phone = randomPhone();
  return {
    name: `Ece Silinecek${t}`,
    email: `Ece.${t}@Example.com`,
    emailKey: `ece.${t}@example.com`,
    phone,
    /** As people type it: 0532 … */
    national: `0${phone.slice(3)}`,
  };
};

const capture = async (person: ReturnType<typeof invent>, idempotencyKey = newId()) => {
  const {
    website,
    redirect,
    idempotencyKey: _,
    ...submission
  } = leadSubmissionSchema.parse({
    name: person.name,
    email: person.email,
    phone: person.national,
    consent_email: 'on',
    consent_sms: 'on',
    consentTextVersion: 'v3',
    language: 'en',
  });
  const { leadId } = await captureLead({ submission, ip: '192.0.2.44', idempotencyKey });
  return { leadId, customerId: (await getLead(leadId))!.customerId };
};

const scanAll = async () => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

const text = (item: Item) => JSON.stringify(item, (_, v) => (v instanceof Set ? [...v] : v)).toLocaleLowerCase('tr');
const holding = (items: Item[], person: ReturnType<typeof invent>) =>
  items.filter((item) =>
    [person.name, person.emailKey, person.phone, person.phone.slice(3)].some((detail) =>
      text(item).includes(detail.toLocaleLowerCase('tr')),
    ),
  );

/** The day the seeded orders are on: no other test's orders share it. */
const day = { from: '2019-02-03T00:00:00.000Z', to: '2019-02-03T23:59:59.999Z' };
const orderDay = new Date('2019-02-03T09:00:00.000Z');

/** An order for the person, taken in on `orderDay`, routed and moved to `until`, counted into the figures. */
const orderFor = async (person: ReturnType<typeof invent>, until: 'delivered' | 'routed') => {
  const { orderId, customerId } = await intakeOrder(
    {
      customer: { name: person.name, email: person.email, phone: person.phone, language: 'en' },
      lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 12_345_00, currency: 'TRY' }],
      delivery: { address: `${person.name} Sk. 7`, city: 'İzmir' },
      channel: 'web-shop',
    } as Parameters<typeof intakeOrder>[0],
    shop,
    newId(),
    orderDay,
  );
  let order = (await routeOrder((await getOrder(customerId, orderId))!, orderDay))!;
  if (until === 'routed') return order;
  for (const status of ['acknowledged', 'shipped', 'delivered'] as const) {
    order = await changeStatus(order, { status }, mover, undefined, orderDay);
  }
  await countOrderTransition({
    eventId: newId(),
    occurredAt: orderDay.toISOString(),
    version: 1,
    orderId,
    customerId,
    from: 'shipped',
    to: 'delivered',
    actorId: mover.actorId,
    via: 'api',
  });
  return order;
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('access request', () => {
  it("answers one person's items and nothing of another's; nobody is a 404 naming the field; it is recorded", async () => {
    const [a, b] = [invent(), invent()];
    const [capturedA] = [await capture(a), await capture(b)];
    const answer = await accessRequest({ phone: a.national }, officer, 'POST /privacy/access-requests');
    expect(answer.customerId).toBe(capturedA.customerId);
    expect(answer.language).toBe('en');
    expect(answer.data.profile).toMatchObject({ name: a.name, emailKey: a.emailKey, phone: a.phone });
    expect(answer.data.parts.leads).toEqual([expect.objectContaining({ leadId: capturedA.leadId, name: a.name })]);
    expect(answer.data.consents.map((c) => `${c.channel} ${c.action} ${c.ip}`).sort()).toEqual([
      'email requested 192.0.2.44',
      'sms granted 192.0.2.44',
    ]);
    const all = JSON.stringify(answer).toLocaleLowerCase('tr');
    for (const detail of [b.name, b.emailKey, b.phone]) expect(all).not.toContain(detail.toLocaleLowerCase('tr'));
    expect(answer.document).toContain(a.name);
    expect(answer.document).toContain('The personal data we hold about you');

    await expect(accessRequest({ email: `nobody-${tag()}@example.com` }, officer, 'x')).rejects.toMatchObject({
      status: 404,
      code: 'privacy-subject-not-found',
      errors: [expect.objectContaining({ path: 'email' })],
    });
    const recorded = (await listRequests(100)).items.find((r) => r.requestId === answer.requestId);
    expect(recorded).toMatchObject({ kind: 'access', customerId: capturedA.customerId, actorId: 'dpo-privacy' });
  });

  it("answers an address held by a company's contact person, or by two customers, with the candidates", async () => {
    const [company, other] = [invent(), invent()];
    const { customerId } = await capture(company);
    const shared = `office-${tag()}@example.com`;
    const viewer = { actor: officer, reach: 'all' as const };
    const { contactId } = await addContact(
      customerId,
      { name: 'Ilgili Kişi', email: shared },
      viewer,
      new Date(),
      noRecord,
    );
    const onlyContact = accessRequest({ email: shared }, officer, 'x');
    await expect(onlyContact).rejects.toMatchObject({
      status: 409,
      code: 'privacy-subject-ambiguous',
      errors: [expect.objectContaining({ path: 'email', customerId, matchedAs: 'contact', contactId })],
    });
    // The same address as another customer's own: both are candidates, neither is taken.
    const { customerId: otherId } = await capture({ ...other, email: shared, emailKey: shared });
    const candidates = await accessRequest({ email: shared }, officer, 'x').catch((error) => error);
    expect(candidates).toMatchObject({ status: 409, code: 'privacy-subject-ambiguous' });
    expect(
      candidates.errors.map((e: { customerId: string; matchedAs: string }) => `${e.customerId} ${e.matchedAs}`).sort(),
    ).toEqual([`${customerId} contact`, `${otherId} customer`].sort());
  });
});

describe('erasure', () => {
  it('leaves no item with the name, e-mail or phone; the order revenue adds up; the other person stays', async () => {
    const [a, b] = [invent(), invent()];
    const captured = await capture(a);
    await capture(b);
    const order = await orderFor(a, 'delivered');
    expect(order.customerId).toBe(captured.customerId);
    await suppress(a.email, 'complaint');
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.mailQuota('lead-ack', a.emailKey, '2019-02-03'), type: 'mail-quota', count: 1 },
      }),
    );
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...campaignsKeys.campaignRecipient(newId(), newId(), captured.customerId),
          type: 'campaign-recipient',
          customerId: captured.customerId,
          email: a.email,
          vars: { firstName: a.name },
          status: 'sent',
        },
      }),
    );
    const revenueBefore = (await dashboard(day.from, day.to)).orders;
    expect(revenueBefore.byStatus.delivered).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(revenueBefore.revenue)).toContain('1234500');
    expect(holding(await scanAll(), a).length).toBeGreaterThan(8);

    const result = await erasePerson({ email: a.email.toUpperCase() }, officer, ROUTE, new Date());
    expect(result.customerId).toBe(captured.customerId);
    // Kept as they are: two items holding only ids, and the customer's number item (ids only).
    expect(result.counts).toMatchObject({ keptAsIs: 3, detailsHashed: 2 });

    const after = await scanAll();
    expect(holding(after, a).map((item) => `${item.pk} ${item.sk} ${item.type}`)).toEqual([]);
    expect(holding(after, b).length).toBeGreaterThan(3);
    expect((await dashboard(day.from, day.to)).orders).toEqual(revenueBefore);
    expect(await getOrder(order.customerId, order.orderId)).toMatchObject({
      status: 'delivered',
      totals: order.totals,
      delivery: { address: '', city: 'İzmir' },
    });
    // Consent evidence stays, under the keyed hash of its address, until its period ends.
    const evidence = after.filter(
      (item) => item.pk === keys.customerPartition(captured.customerId) && item.type === 'consent',
    );
    expect(evidence).toHaveLength(2);
    for (const entry of evidence) {
      expect(entry).toMatchObject({ addressHash: expect.any(String), ip: '192.0.2.44', expiresAt: expect.any(Number) });
      expect(entry.address).toBeUndefined();
    }
    // The keyed hashes tell an import who was erased; the other person was not.
    expect(await erasedDetails({ emailKey: a.emailKey, phone: a.phone })).toEqual(['email', 'phone']);
    expect(await erasedDetails({ emailKey: b.emailKey, phone: b.phone })).toEqual([]);
    // Gone for the API: a second erasure, or an access request, finds nobody.
    await expect(erasePerson({ email: a.email }, officer, ROUTE)).rejects.toMatchObject({ status: 404 });
    const recorded = (await listRequests(100)).items.find((r) => r.requestId === result.erasureId);
    expect(recorded).toMatchObject({ kind: 'erasure', customerId: captured.customerId, route: ROUTE });
    // A new form submission by the person is new consent: a new customer.
    const back = await capture(a);
    expect(back.customerId).not.toBe(captured.customerId);
  });

  it('is refused while an order is on its way, changing nothing', async () => {
    const c = invent();
    const routed = await orderFor(c, 'routed');
    const before = holding(await scanAll(), c).length;
    await expect(erasePerson({ customerId: routed.customerId }, officer, ROUTE)).rejects.toMatchObject({
      status: 409,
      code: 'erasure-refused',
      errors: [
        expect.objectContaining({
          path: 'customerId',
          message: expect.objectContaining({ en: expect.stringContaining(routed.orderId) }),
        }),
      ],
    });
    expect(holding(await scanAll(), c)).toHaveLength(before);
  });
});

describe('read log', () => {
  it('keeps each read per customer and per reader, newest first, one entry per customer shown', async () => {
    const [c1, c2, reader] = [newId(), newId(), `reader-${tag()}`];
    const actor: Actor = { keyId: 'k-reader', userId: reader, role: 'director', scopes: ['customers:read'] };
    const route = { method: 'GET', path: '/customers/{customerId}' };
    await logReads(actor, route, [c1], undefined, new Date('2026-11-30T09:00:00.000Z'));
    await logReads(
      actor,
      { method: 'GET', path: '/customers/{customerId}/{part}' },
      [c2, c2],
      'leads',
      new Date('2026-11-30T10:00:00.000Z'),
    );
    expect((await readsOfCustomer(c1, 10)).items).toEqual([
      expect.objectContaining({
        customerId: c1,
        userId: reader,
        route: 'GET /customers/{customerId}',
        at: '2026-11-30T09:00:00.000Z',
      }),
    ]);
    expect((await readsOfCustomer(c2, 10)).items).toEqual([expect.objectContaining({ customerId: c2, part: 'leads' })]);
    expect((await readsByUser(reader, 10)).items.map((r) => r.customerId)).toEqual([c2, c1]);
  });
});

describe('the scheduled retention job', () => {
  it('as a dry run lists who is due and erases nobody; run for real it erases them, recorded as erasures', async () => {
    const person = invent();
    const { customerId } = await capture(person);
    // Last touched a century ago: every time on the partition moved back, nobody else's.
    for (const item of (await scanAll()).filter((i) => i.pk === keys.customerPartition(customerId))) {
      const aged = Object.fromEntries(
        ['updatedAt', 'occurredAt', 'createdAt', 'at']
          .filter((f) => typeof item[f] === 'string')
          .map((f) => [f, '1925-01-01T09:00:00.000Z']),
      );
      await db().send(new PutCommand({ TableName: tableName(), Item: { ...item, ...aged } }));
    }
    const { seq } = await getRetentionRules();
    await setRetentionRules({ leadInactiveDays: 36_500, customerInactiveDays: 36_500 }, seq, 'dpo-retention');
    const invoke = (input: Record<string, unknown>) =>
      retentionJob({ useCase: 'privacy', schedule: 'retention-job', ...input }, {} as Context);

    const dry = await invoke({ dryRun: true });
    expect(dry).toMatchObject({ due: 1, dryRun: 1, erased: 0 });
    expect((await partitionItems(customerId)).some((item) => item.type === 'customer')).toBe(true);
    const [listed] = (await scanAll()).filter((i) => i.type === 'retention-run' && i.state === 'listed');
    expect(listed?.candidates).toEqual([expect.objectContaining({ customerId, kind: 'lead' })]);

    expect(await invoke({})).toMatchObject({ due: 1, dryRun: 0, erased: 1, refused: 0 });
    // The profile is gone; only the consent evidence stays, without the address (see the erasure).
    expect((await partitionItems(customerId)).map((item) => item.type)).toEqual(['consent', 'consent']);
    expect((await listRequests(10)).items).toContainEqual(
      expect.objectContaining({ kind: 'erasure', customerId, actorId: 'retention-job' }),
    );
    // Nobody left due: the next run finds no one.
    expect(await invoke({})).toMatchObject({ due: 0, erased: 0 });
  });
});
