// The customer record against DynamoDB Local: a staff-created customer with its markers, owners and
// event in one transaction; two creates of one e-mail (one wins, the other is told who holds it,
// if it may see them, and otherwise answered as for a free address);
// seq-guarded edits that move markers and the directory key; contact people sharing an office phone
// and the lookup that answers every customer holding it; the directory's filtered paging; and record
// parts whose first page's cursor the part's own query continues.

import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  consentEntries,
  firstPages,
  lookupMatches,
  PARTITION_MAX,
  partPage,
  readCustomerPartition,
} from '../../functions/customer-record/customer-view.js';
import { recordParts } from '../../functions/customer-record/record-parts.js';
import { addContact, editContact, removeContact } from '../../functions/customers/contact-store.js';
import {
  createCustomer,
  editCustomer,
  listCustomers,
  type NewCustomer,
} from '../../functions/customers/customer-store.js';
import { customerRoutes } from '../../functions/customers/manifest.js';
import type { Viewer } from '../../shared/access.js';
import { holdersOf, matchContact, profileItem } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import type { Role } from '../../shared/http.js';
import { noRecord, oncePerCaller } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { queryPage } from '../../shared/query.js';
import { partQuery } from '../../shared/record-part.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

const unique = () => Math.random().toString(36).slice(2, 10);
const randomPhone = () => `+90532${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

const viewer = (userId: string, role: Role, reach: Viewer['reach']): Viewer => ({
  actor: { keyId: `key-${userId}`, userId, role, scopes: ['customers:read', 'customers:write'] },
  reach,
});
const ayse = viewer('rep-ayse', 'rep', 'own');
const mehmet = viewer('rep-mehmet', 'rep', 'own');
const agent = viewer('agent-deniz', 'agent', 'all');
const owner = { ownerId: 'rep-ayse', teamId: 'team-istanbul' };

const create = (fields: Partial<NewCustomer> & { name: string }, by = ayse) =>
  createCustomer({ language: 'tr', ...fields }, owner, by, new Date(), noRecord);

const outboxFor = async (customerId: string) =>
  await scanAll({
    FilterExpression: '#type = :outbox AND detail.customerId = :id',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':id': customerId },
  });

describe('creating customers', () => {
  it('writes the profile with its owner and team, both markers and CustomerCreated together', async () => {
    const email = `Yeni.${unique()}@Example.com`;
    const phone = randomPhone();
    const { customer, owners } = await create({
      name: 'Yeni Müşteri',
      email,
      phone: phone.replace('+90', '0'),
      tags: ['vip', 'VIP'],
      birthday: '1984-02-29',
    });
    expect(customer).toMatchObject({
      email,
      emailKey: email.toLowerCase(),
      phone,
      tags: ['vip'],
      birthday: '1984-02-29',
      seq: 1,
    });
    expect(owners).toEqual({ ownerIds: ['rep-ayse'], teamIds: ['team-istanbul'] });
    expect((await matchContact({ emailKey: email.toLowerCase(), phone })).customerId).toBe(customer.customerId);
    expect((await matchContact({ phone })).unclaimed).toEqual({ email: false, phone: false });
    expect((await outboxFor(customer.customerId)).map((e) => [e.detailType, e.detail.ownerId])).toEqual([
      ['CustomerCreated', 'rep-ayse'],
    ]);
  });

  it('lets one of two creates of one e-mail win; the other is a 409 naming the field, and the holder only to whom may see it', async () => {
    const email = `race-${unique()}@example.com`;
    const results = await Promise.allSettled([
      create({ name: 'Yarış Bir', email }),
      create({ name: 'Yarış İki', email }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 409,
      code: 'contact-taken',
      errors: [{ path: 'email' }],
    });
    const holder = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof create>>>).value.customer.customerId;
    expect((await holdersOf({ emailKey: email })).map((h) => h.customerId)).toEqual([holder]);

    // Rep Ayşe owns the holder and is told who it is. Rep Mehmet does not see it: a 409 would tell
    // him the address is a customer's, so his customer is created as for a free address — without
    // the marker, which stays the holder's, and recorded (unseen by him) as a possible duplicate.
    await expect(create({ name: 'Üçüncü', email: email.toUpperCase() })).rejects.toMatchObject({
      message: expect.stringContaining(holder),
    });
    const unseen = await create({ name: 'Üçüncü', email }, mehmet);
    expect(unseen.customer).toMatchObject({ name: 'Üçüncü', email, emailKey: email });
    expect(unseen.customer).not.toHaveProperty('possibleDuplicateOf');
    expect(await profileItem(unseen.customer.customerId)).toMatchObject({ possibleDuplicateOf: [holder] });
    expect((await matchContact({ emailKey: email })).customerId).toBe(holder);
  });

  it('creates once per Idempotency-Key: a retry gets the first answer', async () => {
    const body = { name: 'Tekrar Eden', email: `retry-${unique()}@example.com`, language: 'tr' as const };
    const key = unique();
    const run = () =>
      oncePerCaller(customerRoutes.createCustomer, ayse.actor, key, body, (record) =>
        createCustomer(body, owner, ayse, new Date(), record),
      );
    const [first, second] = [await run(), await run()];
    expect(second.customer.customerId).toBe(first.customer.customerId);
  });
});

describe('editing a customer', () => {
  it('refuses an edit at a stale seq, and lets one of two edits at the same seq win', async () => {
    const { customer } = await create({ name: 'Eski Ad' });
    await expect(editCustomer(customer.customerId, { seq: 0, city: 'Bursa' }, ayse, new Date())).rejects.toMatchObject({
      status: 409,
      code: 'customer-changed',
    });
    const results = await Promise.allSettled([
      editCustomer(customer.customerId, { seq: 1, city: 'Bursa' }, ayse, new Date()),
      editCustomer(customer.customerId, { seq: 1, city: 'Konya' }, ayse, new Date()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'customer-changed' } });
    expect(await profileItem(customer.customerId)).toMatchObject({ seq: 2 });
  });

  it('moves the e-mail marker and the directory key with the edit, and keeps the owner sets', async () => {
    const [oldEmail, newEmail] = [`old-${unique()}@example.com`, `new-${unique()}@example.com`];
    const { customer } = await create({ name: 'Zeki Önce', email: oldEmail });
    const { customer: after } = await editCustomer(
      customer.customerId,
      { seq: 1, name: 'Ahmet Sonra', email: newEmail },
      ayse,
      new Date(),
    );
    expect(after).toMatchObject({ name: 'Ahmet Sonra', emailKey: newEmail, seq: 2 });
    expect([
      (await matchContact({ emailKey: oldEmail })).customerId,
      (await matchContact({ emailKey: newEmail })).customerId,
    ]).toEqual([undefined, customer.customerId]);
    const stored = await profileItem(customer.customerId);
    expect(stored).toMatchObject({ gsi2sk: `ahmet sonra#${customer.customerId}`, ownerIds: new Set(['rep-ayse']) });
    expect((await outboxFor(customer.customerId)).map((e) => e.detail.fields).filter(Boolean)).toEqual([
      ['email', 'name'],
    ]);
  });

  it("refuses another customer's e-mail with 409 contact-taken and changes nothing", async () => {
    const email = `held-${unique()}@example.com`;
    await create({ name: 'Sahibi', email });
    const { customer } = await create({ name: 'İsteyen' });
    await expect(
      editCustomer(customer.customerId, { seq: 1, email, city: 'Adana' }, ayse, new Date()),
    ).rejects.toMatchObject({
      code: 'contact-taken',
      errors: [{ path: 'email' }],
    });
    expect(await profileItem(customer.customerId)).toMatchObject({ seq: 1 });
    expect((await profileItem(customer.customerId))?.city).toBeUndefined();
  });
});

describe('contact people and a shared office phone', () => {
  it('finds every customer holding a phone, with which contact people matched; a contact is unique within a customer', async () => {
    const office = randomPhone();
    const own = await create({ name: 'Telefonun Sahibi', phone: office });
    const first = await create({ name: 'Birinci Şirket', company: 'Birinci A.Ş.' });
    const second = await create({ name: 'İkinci Şirket', company: 'İkinci Ltd.' });
    const buyer = await addContact(
      first.customer.customerId,
      { name: 'Alıcı', phone: office },
      ayse,
      new Date(),
      noRecord,
    );
    const accountant = await addContact(
      second.customer.customerId,
      { name: 'Muhasebe', phone: office.replace('+90', '0') },
      ayse,
      new Date(),
      noRecord,
    );
    await expect(
      addContact(first.customer.customerId, { name: 'Santral', phone: office }, ayse, new Date(), noRecord),
    ).rejects.toMatchObject({
      code: 'contact-taken',
      errors: [{ path: 'phone', message: expect.objectContaining({ en: expect.stringContaining(buyer.contactId) }) }],
    });

    const matches = await lookupMatches(agent, { phone: office }, 5);
    expect(matches.map((m) => [m.customer.customerId, m.matchedBy]).sort()).toEqual(
      [
        [own.customer.customerId, { customer: true, contactIds: [] }],
        [first.customer.customerId, { customer: false, contactIds: [buyer.contactId] }],
        [second.customer.customerId, { customer: false, contactIds: [accountant.contactId] }],
      ].sort(),
    );
    // A rep sees only the matches they own.
    expect((await lookupMatches(mehmet, { phone: office }, 5)).length).toBe(0);
  });

  it('moves a contact person’s phone on edit, refuses a stale edit, and releases it on removal', async () => {
    const [before, after] = [randomPhone(), randomPhone()];
    const { customer } = await create({ name: 'Firma' });
    const contact = await addContact(
      customer.customerId,
      { name: 'Kişi', role: 'Satın alma', phone: before },
      ayse,
      new Date(),
      noRecord,
    );
    const edited = await editContact(
      customer.customerId,
      contact.contactId,
      { seq: 1, phone: after, role: null },
      ayse,
      new Date(),
    );
    expect(edited).toMatchObject({ phone: after, seq: 2 });
    expect(edited.role).toBeUndefined();
    expect([(await holdersOf({ phone: before })).length, (await holdersOf({ phone: after })).length]).toEqual([0, 1]);
    await expect(
      editContact(customer.customerId, contact.contactId, { seq: 1, name: 'Eski' }, ayse, new Date()),
    ).rejects.toMatchObject({
      code: 'contact-changed',
    });
    await removeContact(customer.customerId, contact.contactId, ayse);
    expect(await holdersOf({ phone: after })).toEqual([]);
    await expect(removeContact(customer.customerId, contact.contactId, ayse)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the record and the directory', () => {
  it("gives each part's first page with a cursor the part's own query continues", async () => {
    const { customer } = await create({ name: 'Çok Kişili' });
    const added = [];
    for (const name of ['Bir', 'İki', 'Üç'])
      added.push(await addContact(customer.customerId, { name }, ayse, new Date(), noRecord));
    const partition = (await readCustomerPartition(ayse, customer.customerId))!;
    const pages = await firstPages(partition, 2);
    expect(pages.contacts!.items.map((c) => (c as { name: string }).name)).toEqual(['Üç', 'İki']);
    const rest = await partPage(customer.customerId, recordParts.contacts, 2, pages.contacts!.nextCursor);
    expect([rest.items.map((c) => (c as { contactId: string }).contactId), rest.nextCursor]).toEqual([
      [added[0]!.contactId],
      undefined,
    ]);
    expect([pages.leads!.items, pages.leads!.nextCursor]).toEqual([[], undefined]);
    expect(await readCustomerPartition(mehmet, customer.customerId)).toBeUndefined();
  });

  it('stops a filtered page when its read budget is spent, and the cursor goes on from where the read stopped', async () => {
    const { customer } = await create({ name: 'Bütçeli' });
    for (const name of ['A', 'B', 'C']) await addContact(customer.customerId, { name }, ayse, new Date(), noRecord);
    const query = {
      ...partQuery(customer.customerId, recordParts.contacts),
      range: undefined,
      order: 'oldest' as const,
    };
    const pages: number[] = [];
    const names: unknown[] = [];
    let cursor: string | undefined;
    do {
      // One item read per page: the profile (filtered out) costs a page of its own.
      const page = await queryPage({ ...query, limit: 10, cursor, readBudget: 1 });
      pages.push(page.items.length);
      names.push(...page.items.map((item) => item.name));
      cursor = page.next;
    } while (cursor);
    expect(names).toEqual(['A', 'B', 'C']);
    expect(pages.slice(0, 4)).toEqual([1, 1, 1, 0]);
  });

  it('reads the consent ledger by its own query when the partition is larger than one read', async () => {
    const { customer } = await create({ name: 'Büyük Kayıt' });
    const { customerId } = customer;
    const at = new Date().toISOString();
    const consent = {
      ...keys.consentEntry(customerId, 'email', at, newId()),
      type: 'consent',
      customerId,
      channel: 'email',
      action: 'granted',
      occurredAt: at,
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: consent }));
    // More items than one read holds, all sorting above the ledger: the read stops before it.
    const fillers = Array.from({ length: PARTITION_MAX }, (_, i) => ({
      pk: keys.customerPartition(customerId),
      sk: `FILLER#${String(i).padStart(4, '0')}`,
      type: 'filler',
    }));
    for (let i = 0; i < fillers.length; i += 25) {
      const batch = fillers.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch } }));
    }
    const partition = (await readCustomerPartition(ayse, customerId))!;
    expect(partition.holdsAll(keys.consentEntriesPrefix())).toBe(false);
    expect((await consentEntries(partition)).map((entry) => [entry.channel, entry.action])).toEqual([
      ['email', 'granted'],
    ]);
  });

  it('lists by folded name prefix and by filter, sorted by name, paging through short pages with cursors', async () => {
    const group = `grup-${unique()}`;
    const tag = unique();
    for (const name of ['İSMAİL Yılmaz', 'ismail Şahin', 'Isıl Kaya', 'Ahmet İsmailoğlu'])
      await create({ name: `${name} ${tag}`, group });
    // q folds Turkish case and diacritics: `ismail` and `İSMAİL` are one prefix, `Şahin` sorts as `sahin`.
    const named = async (q: string) =>
      (await listCustomers({ q, group, limit: 10 }, agent)).customers.map((c) => c.name);
    expect(await named('İSMAİL')).toEqual([`ismail Şahin ${tag}`, `İSMAİL Yılmaz ${tag}`]);
    expect(await named('ismail')).toEqual(await named('İSMAİL'));

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomers({ group, limit: 1, cursor }, agent);
      seen.push(...page.customers.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      `Ahmet İsmailoğlu ${tag}`,
      `Isıl Kaya ${tag}`,
      `ismail Şahin ${tag}`,
      `İSMAİL Yılmaz ${tag}`,
    ]);
    // A rep lists only what they own, and may not ask for another rep's.
    expect((await listCustomers({ group, limit: 10 }, mehmet)).customers).toEqual([]);
    await expect(listCustomers({ group, owner: 'rep-ayse', limit: 10 }, mehmet)).rejects.toMatchObject({ status: 403 });
  });
});
