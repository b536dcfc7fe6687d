// Merging two customers against DynamoDB Local: a duplicate with items of every kind (leads, notes,
// consent entries, quotes with versions and reports, orders, cases, history, queue placements,
// activities, contacts, requests, opportunities, a counter both have) and more than one
// transaction's worth of them; a merge stopped half-way and taken up again; a lead written by a
// capture that read the old marker; the sweep; and the refusals.

import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { callCenterKeys } from '../../functions/call-center/keys.js';
import { getRequest } from '../../functions/call-center/request-store.js';
import { catalogueItems, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import type { PriceList } from '../../functions/catalogue/domain/catalogue.js';
import { getCaseByKey } from '../../functions/complaint-escalation/case-store.js';
import { complaintEscalationKeys } from '../../functions/complaint-escalation/keys.js';
import { lookupMatches } from '../../functions/customer-record/customer-view.js';
import { addContact, removeContact } from '../../functions/customers/contact-store.js';
import { finishDueMerges, mergeCustomers } from '../../functions/customers/merge.js';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { type LeadSubmission, leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { opportunitiesKeys } from '../../functions/opportunities/keys.js';
import { attachQuote, openFromLead, openOpportunity } from '../../functions/opportunities/opportunities.js';
import { getOpportunity } from '../../functions/opportunities/opportunity-store.js';
import { orderRoutingKeys } from '../../functions/order-routing/keys.js';
import { getOrder } from '../../functions/order-routing/order-store.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import { getQuote } from '../../functions/quote-approval/quote-store.js';
import { createQuote } from '../../functions/quote-approval/quotes.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import type { Viewer } from '../../shared/access.js';
import { customerVisibleTo, getCustomer, holdersOf, matchContact } from '../../shared/customer.js';
import { db, findById, tableName } from '../../shared/db.js';
import { noRecord } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

type Item = Record<string, unknown>;

const unique = () => Math.random().toString(36).slice(2, 10);
const randomPhone = (operator: string) => `+90${operator}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const submission = (fields: Record<string, unknown>): LeadSubmission => {
  const { website, redirect, idempotencyKey, ...lead } = leadSubmissionSchema.parse(fields);
  return lead;
};
const capture = async (fields: Record<string, unknown>) => {
  const { leadId } = await captureLead({ submission: submission(fields), ip: '192.0.2.7' });
  return (await getLead(leadId))!;
};

const admin: Viewer = {
  actor: { keyId: 'k-admin', userId: 'admin-merge', role: 'admin', scopes: ['customers:merge'] },
  reach: 'all',
};
const stranger: Viewer = {
  actor: { keyId: 'k-rep', userId: 'mgr-elsewhere', role: 'manager', scopes: ['customers:merge'] },
  reach: 'own',
};

const partition = async (customerId: string) => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.customerPartition(customerId) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};
const withoutProfile = (items: Item[]) => items.filter((item) => item.sk !== 'PROFILE');

const mergedEvents = async (duplicateId: string) =>
  await scanAll({
    FilterExpression: 'detailType = :type AND detail.duplicateId = :dup',
    ExpressionAttributeValues: { ':type': 'CustomersMerged', ':dup': duplicateId },
    ConsistentRead: true,
  });

const putAll = async (items: Item[]) => {
  for (let i = 0; i < items.length; i += 25) {
    const chunk = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: chunk } }));
  }
};

/** A kept customer and a duplicate with items of every kind; `activities` of them make it large. */
const duplicatePair = async (activities: number) => {
  const tag = unique();
  const kept = await capture({ name: 'Ayşe Yılmaz', email: `ayse-${tag}@example.com`, language: 'tr' });
  const first = await capture({
    name: 'A. Yılmaz',
    email: `a.yilmaz-${tag}@example.com`,
    phone: randomPhone('532'),
    city: 'İzmir',
    consent_email: true,
    consent_sms: true,
    consentTextVersion: 'v1',
  });
  const otherPhone = randomPhone('533');
  // The same e-mail with a new phone: a second lead, which claims the new phone for the duplicate.
  await capture({ name: 'A. Yılmaz', email: `a.yilmaz-${tag}@example.com`, phone: otherPhone });
  const keptId = kept.customerId;
  const duplicateId = first.customerId;
  const dup = keys.customerPartition(duplicateId);
  const [quoteId, orderId, caseId, requestId, opportunityId] = [newId(), newId(), newId(), newId(), newId()];
  // Contact people: the duplicate's buyer has a phone of their own and the office e-mail, which a
  // contact person of the kept customer holds already.
  const [contactPhone, officeEmail] = [randomPhone('536'), `satis-${tag}@example.com`];
  const keptContact = await addContact(
    keptId,
    { name: 'Burak Satış', email: officeEmail },
    admin,
    new Date(),
    noRecord,
  );
  const dupContact = await addContact(
    duplicateId,
    { name: 'Ceren Alım', role: 'Satın alma', phone: contactPhone, email: officeEmail },
    admin,
    new Date(),
    noRecord,
  );
  const quoteKey = quoteApprovalKeys.quote(duplicateId, quoteId);
  const at = '2026-04-01T09:00:00.000Z';
  await putAll([
    {
      ...leadCaptureKeys.leadNote(duplicateId, first.leadId, newId()),
      type: 'lead-note',
      customerId: duplicateId,
      text: 'Aradı.',
    },
    {
      ...quoteKey,
      ...quoteApprovalKeys.quoteById(quoteId),
      type: 'quote',
      customerId: duplicateId,
      quoteId,
      status: 'sent',
      seq: 3,
    },
    {
      ...quoteApprovalKeys.quoteVersion(duplicateId, quoteId, 1),
      type: 'quote-version',
      customerId: duplicateId,
      quoteId,
    },
    {
      ...quoteApprovalKeys.quoteReport(duplicateId, quoteId),
      ...quoteApprovalKeys.quotesSentIn('2026-04', at, quoteId),
      type: 'quote-report',
      customerId: duplicateId,
    },
    { ...keys.history(quoteKey, at, newId()), type: 'history', entityType: 'quote', from: 'approved', to: 'sent' },
    {
      ...keys.queueItem(quoteKey, 'quote-expiry'),
      // Due far ahead: other suites' expiry sweeps share the table and must not take this fixture's entry.
      ...keys.dueIn('quote-expiry', '2099-05-01T00:00:00.000Z', quoteId),
      type: 'queue-item',
      placementId: newId(),
      queue: 'quote-expiry',
      entity: quoteKey,
      entityId: quoteId,
      data: { customerId: duplicateId, quoteId, version: 1 },
    },
    {
      ...orderRoutingKeys.order(duplicateId, orderId),
      ...orderRoutingKeys.orderById(orderId),
      type: 'order',
      customerId: duplicateId,
      orderId,
      status: 'routed',
      seq: 2,
    },
    {
      ...complaintEscalationKeys.case(duplicateId, caseId),
      ...complaintEscalationKeys.caseById(caseId),
      type: 'case',
      customerId: duplicateId,
      caseId,
      status: 'open',
      seq: 1,
      unit: { id: 'dept-service' },
    },
    {
      ...callCenterKeys.request(duplicateId, requestId),
      ...callCenterKeys.requestById(requestId),
      type: 'request',
      customerId: duplicateId,
      requestId,
      kind: 'test-drive',
      status: 'open',
      seq: 1,
    },
    {
      ...opportunitiesKeys.opportunity(duplicateId, opportunityId),
      ...opportunitiesKeys.opportunityById(opportunityId),
      type: 'opportunity',
      customerId: duplicateId,
      opportunityId,
      status: 'proposal',
      seq: 1,
    },
    // The marker that made the duplicate's converted lead one opportunity moves with it.
    {
      ...opportunitiesKeys.opportunityFromLead(duplicateId, first.leadId),
      type: 'opportunity-source',
      leadId: first.leadId,
      opportunityId,
    },
    // A counter both customers have under one fixed key: the two become one, summed.
    { pk: dup, sk: 'COUNTERS', type: 'counter', customerId: duplicateId, callCount: 4 },
    { ...keys.customer(keptId), sk: 'COUNTERS', type: 'counter', customerId: keptId, callCount: 3 },
    ...Array.from({ length: activities }, () => ({
      pk: dup,
      sk: `ACTIVITY#${newId()}`,
      type: 'activity',
      customerId: duplicateId,
      kind: 'call',
    })),
  ]);
  return {
    keptId,
    duplicateId,
    quoteId,
    orderId,
    caseId,
    requestId,
    opportunityId,
    otherPhone,
    email: `a.yilmaz-${tag}@example.com`,
    leadId: first.leadId,
    contactPhone,
    officeEmail,
    keptContactId: keptContact.contactId,
    dupContactId: dupContact.contactId,
  };
};

const priceList: PriceList = {
  id: 'it-merge-try',
  name: 'Integration TRY (merge)',
  currency: 'TRY',
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  prices: [{ sku: 'TP-20', unitPrice: 1_850_000 }],
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), [
    ...demoItems(),
    ...catalogueItems('priceLists', await liveGeneration('priceLists'), [priceList]),
  ]);
});

describe('merging two customers', () => {
  it('moves every item of the duplicate, more than one transaction holds, and re-points markers, lookups and old ids', async () => {
    const pair = await duplicatePair(90);
    const { keptId, duplicateId } = pair;
    const before = { kept: withoutProfile(await partition(keptId)), dup: withoutProfile(await partition(duplicateId)) };
    expect(before.dup.length).toBeGreaterThan(100);

    const result = await mergeCustomers({ viewer: admin, keptId, duplicateId });
    expect(result).toMatchObject({
      keptId,
      duplicateId,
      state: 'done',
      movedItems: before.dup.length,
      combinedItems: 1,
      repointedMarkers: 3,
    });

    // Everything is the kept customer's, once; the counter both had is one, summed.
    const after = withoutProfile(await partition(keptId));
    expect(after).toHaveLength(before.kept.length + before.dup.length - 1);
    expect(new Set(after.map((item) => item.sk)).size).toBe(after.length);
    for (const moved of before.dup) expect(after.some((item) => item.sk === moved.sk)).toBe(true);
    expect(after.filter((item) => 'customerId' in item && item.customerId !== keptId)).toEqual([]);
    expect(after.find((item) => item.sk === 'COUNTERS')).toMatchObject({ callCount: 7 });
    const placement = after.find((item) => item.type === 'queue-item')!;
    expect(placement).toMatchObject({ entity: { pk: keys.customerPartition(keptId) }, data: { customerId: keptId } });

    // Nothing is left under the duplicate but its forwarding record.
    expect(await partition(duplicateId)).toEqual([
      expect.objectContaining({
        type: 'customer-forward',
        mergedInto: keptId,
        mergeState: 'done',
        movedItems: before.dup.length,
      }),
    ]);
    const forward = (await partition(duplicateId))[0]!;
    expect(Object.keys(forward).filter((name) => name.startsWith('gsi'))).toEqual([]);
    expect(forward.markerKeys).toBeUndefined();

    // By-id lookups find the moved items in their new partition.
    for (const byId of [
      quoteApprovalKeys.quoteById(pair.quoteId),
      orderRoutingKeys.orderById(pair.orderId),
      complaintEscalationKeys.caseById(pair.caseId),
      leadCaptureKeys.leadById(pair.leadId),
    ]) {
      expect(await findById(byId)).toMatchObject({ pk: keys.customerPartition(keptId), customerId: keptId });
    }

    // Reads by the customer id an event emitted before the merge named find the moved items.
    for (const read of [
      getQuote(duplicateId, pair.quoteId),
      getOrder(duplicateId, pair.orderId),
      getCaseByKey(duplicateId, pair.caseId),
      getRequest(duplicateId, pair.requestId),
      getOpportunity(duplicateId, pair.opportunityId),
    ]) {
      expect(await read).toMatchObject({ customerId: keptId });
    }
    expect(
      after.find((item) => item.sk === opportunitiesKeys.opportunityFromLead(keptId, pair.leadId).sk),
    ).toMatchObject({
      opportunityId: pair.opportunityId,
    });

    // The contact people's holder items are the kept customer's: the buyer's phone finds the kept
    // customer through them; the office e-mail stays with the kept customer's own contact person.
    expect(await holdersOf({ phone: pair.contactPhone })).toEqual([
      { customerId: keptId, contactId: pair.dupContactId },
    ]);
    expect(await holdersOf({ emailKey: pair.officeEmail })).toEqual([
      { customerId: keptId, contactId: pair.keptContactId },
    ]);
    const [match, ...others] = await lookupMatches(admin, { phone: pair.contactPhone }, 5);
    expect(others).toEqual([]);
    expect(match).toMatchObject({
      customer: { customerId: keptId },
      matchedBy: { customer: false, contactIds: [pair.dupContactId] },
    });

    // Markers (the profile's e-mail and phone, and the phone a later lead claimed) name the kept customer.
    expect((await matchContact({ emailKey: pair.email })).customerId).toBe(keptId);
    expect((await matchContact({ phone: pair.otherPhone })).customerId).toBe(keptId);

    // The kept profile: its own name, the duplicate's city filling the gap, lead counts summed.
    const profile = (
      await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(keptId), ConsistentRead: true }))
    ).Item!;
    expect(profile).toMatchObject({ name: 'Ayşe Yılmaz', city: 'İzmir', leadCount: 3, absorbedIds: [duplicateId] });

    // The old id resolves to the kept customer.
    expect(await getCustomer(duplicateId)).toMatchObject({ customerId: keptId });
    expect(await customerVisibleTo(admin, duplicateId)).toMatchObject({ customerId: keptId });

    // The moved person who shares the office e-mail can be removed: their phone goes, the kept
    // person's hold on the e-mail stays (a release names its own holder only).
    await removeContact(keptId, pair.dupContactId, admin);
    expect(await holdersOf({ phone: pair.contactPhone })).toEqual([]);
    expect(await holdersOf({ emailKey: pair.officeEmail })).toEqual([
      { customerId: keptId, contactId: pair.keptContactId },
    ]);

    // The event, once; a second POST answers the same and writes nothing new.
    expect(await mergedEvents(duplicateId)).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          keptId,
          duplicateId,
          movedItems: before.dup.length,
          combinedItems: 1,
          repointedMarkers: 3,
        }),
      }),
    ]);
    expect(await mergeCustomers({ viewer: admin, keptId, duplicateId })).toMatchObject({
      state: 'done',
      movedItems: before.dup.length,
    });
    expect(await mergedEvents(duplicateId)).toHaveLength(1);
  });

  it('stopped half-way and taken up again, loses and doubles nothing, and a lead for the old e-mail meanwhile lands on the kept customer', async () => {
    const pair = await duplicatePair(60);
    const { keptId, duplicateId } = pair;
    const originals = withoutProfile(await partition(duplicateId));

    const stopped = await mergeCustomers({ viewer: admin, keptId, duplicateId }, noRecord, { maxTransactions: 1 });
    expect(stopped).toMatchObject({ state: 'moving', movedItems: 49, repointedMarkers: 3 });
    expect(withoutProfile(await partition(duplicateId)).length).toBeGreaterThan(originals.length - 49);
    expect(await mergedEvents(duplicateId)).toEqual([]);

    // Markers were re-pointed before anything moved: a new lead for the duplicate's e-mail is the kept customer's.
    const during = await capture({ name: 'A. Yılmaz', email: pair.email.toUpperCase() });
    expect(during.customerId).toBe(keptId);
    // A capture that read the old marker before it was re-pointed writes into the old partition.
    const straggler = await captureLead(
      { submission: submission({ name: 'A. Yılmaz', email: pair.email }), ip: '192.0.2.8' },
      new Date(),
      async () => ({ customerId: duplicateId, unclaimed: { email: false, phone: false } }),
    );
    expect(straggler.status).toBe('new');

    const done = await mergeCustomers({ viewer: admin, keptId, duplicateId });
    expect(done).toMatchObject({ state: 'done', movedItems: originals.length + 1, combinedItems: 1 });
    const kept = await partition(keptId);
    for (const original of originals) expect(kept.filter((item) => item.sk === original.sk)).toHaveLength(1);
    const { leadId: stragglerLead } = straggler;
    expect(await findById(leadCaptureKeys.leadById(stragglerLead))).toMatchObject({
      pk: keys.customerPartition(keptId),
    });
    // Kept: its own lead, the duplicate's two, the one captured during the merge and the straggler's.
    expect(kept.find((item) => item.sk === 'PROFILE')).toMatchObject({ leadCount: 5 });
    expect((await partition(duplicateId)).map((item) => item.type)).toEqual(['customer-forward']);
    expect(await mergedEvents(duplicateId)).toHaveLength(1);
  });

  it('a merge whose run stopped right after it began is finished by the sweep once its lease has passed, once', async () => {
    const { keptId, duplicateId } = await duplicatePair(3);
    const before = {
      kept: withoutProfile(await partition(keptId)).length,
      dup: withoutProfile(await partition(duplicateId)).length,
    };
    expect(
      await mergeCustomers({ viewer: admin, keptId, duplicateId }, noRecord, { maxTransactions: 0 }),
    ).toMatchObject({
      state: 'moving',
      movedItems: 0,
    });
    const later = new Date(Date.now() + 6 * 60 * 1000);
    const deadline = Date.now() + 20_000;
    const first = await finishDueMerges(later, deadline);
    expect(first.acted).toBeGreaterThanOrEqual(1);
    expect((await partition(duplicateId)).map((item) => item.type)).toEqual(['customer-forward']);
    // Both had a COUNTERS item: one of the duplicate's items became one with the kept customer's.
    expect(withoutProfile(await partition(keptId))).toHaveLength(before.kept + before.dup - 1);
    expect(await mergedEvents(duplicateId)).toHaveLength(1);
    await finishDueMerges(later, deadline);
    expect(await mergedEvents(duplicateId)).toHaveLength(1);
  });

  it("events emitted before a merge and delivered after it act on the moved items, and a quote for the old id is the kept customer's", async () => {
    const { keptId, duplicateId, leadId } = await duplicatePair(0);
    const rep = { userId: 'rep-merge', teamId: 'team-merge' };
    const opened = await openOpportunity(
      { customerId: duplicateId, name: 'Transpalet', amount: { amount: 1_850_000, currency: 'TRY' } },
      rep,
    );
    await mergeCustomers({ viewer: admin, keptId, duplicateId });

    const quote = await createQuote(
      { customerId: duplicateId, priceListId: priceList.id, lines: [{ sku: 'TP-20', quantity: 1, discountBp: 0 }] },
      rep,
    );
    expect(quote.customerId).toBe(keptId);
    expect(await getQuote(keptId, quote.quoteId)).toMatchObject({ customerId: keptId });

    // The opportunity opened under the old id is found under the kept one, and takes the quote.
    const moved = (await getOpportunity(duplicateId, opened.opportunityId))!;
    const attached = await attachQuote(moved, await getQuote(keptId, quote.quoteId), {
      actorId: rep.userId,
      via: 'api',
    });
    expect(attached).toMatchObject({ customerId: keptId, quoteIds: [quote.quoteId] });
    expect(await getQuote(keptId, quote.quoteId)).toMatchObject({ opportunityId: opened.opportunityId });
    const envelope = () => ({ eventId: newId(), occurredAt: new Date().toISOString(), version: 1 as const });

    // LeadStatusChanged for the duplicate's lead, whose opportunity was opened before the merge: the
    // lead is found in the kept partition, and so is the marker that moved with it: no second opportunity.
    const converted = {
      ...envelope(),
      customerId: duplicateId,
      leadId,
      from: 'qualified' as const,
      to: 'converted' as const,
      actorId: rep.userId,
    };
    expect(await openFromLead(converted)).toBe('exists');
    const kept = await partition(keptId);
    expect(kept.filter((item) => item.type === 'opportunity-source').map((item) => item.sk)).toEqual([
      opportunitiesKeys.opportunityFromLead(keptId, leadId).sk,
    ]);
    expect(kept.filter((item) => item.type === 'opportunity')).toHaveLength(2);
    expect((await partition(duplicateId)).map((item) => item.type)).toEqual(['customer-forward']);
  });

  it('refuses a customer merged into itself, into a merged one, a duplicate merged elsewhere, and customers the caller may not see', async () => {
    const refused = (
      keptId: string,
      duplicateId: string,
      status: number,
      code: string,
      path?: string,
      viewer = admin,
    ) =>
      expect(mergeCustomers({ viewer, keptId, duplicateId })).rejects.toMatchObject({
        status,
        code,
        ...(path ? { errors: [{ path }] } : {}),
      });
    const a = await duplicatePair(0);
    await refused(a.keptId, a.keptId, 422, 'merge-same-customer', 'duplicateId');
    await refused(a.keptId, a.duplicateId, 404, 'not-found', undefined, stranger);
    await refused(a.keptId, newId(), 422, 'customer-not-found', 'duplicateId');
    await mergeCustomers({ viewer: admin, keptId: a.keptId, duplicateId: a.duplicateId });
    const b = await duplicatePair(0);
    await refused(a.duplicateId, b.duplicateId, 409, 'customer-merged', 'customerId');
    await refused(b.keptId, a.duplicateId, 409, 'customer-merged', 'duplicateId');
    // Nothing of b moved.
    expect((await getCustomer(b.duplicateId))?.customerId).toBe(b.duplicateId);
  });
});
