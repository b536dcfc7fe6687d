// The capture use case against DynamoDB Local: dedupe, races, and the outbox written with the state.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { type LeadSubmission, leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { holdersOf } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

const unique = () => Math.random().toString(36).slice(2, 10);
const submission = (fields: Record<string, unknown>): LeadSubmission => {
  const { website, redirect, idempotencyKey, ...lead } = leadSubmissionSchema.parse(fields);
  return lead;
};

const partition = async (customerId: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.customerPartition(customerId) },
      }),
    )
  ).Items ?? [];

const outboxFor = async (leadId: string) =>
  await scanAll({
    FilterExpression: '#type = :outbox AND detail.leadId = :leadId',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':leadId': leadId },
  });

describe('capturing leads', () => {
  it('creates the customer, both markers, the lead and its LeadCaptured event together', async () => {
    const email = `new-${unique()}@example.com`;
    const { leadId } = await captureLead({
      submission: submission({ name: 'Yeni Kişi', email, phone: '+905551112233' }),
      ip: '192.0.2.1',
    });
    const lead = await getLead(leadId);
    expect(lead).toMatchObject({ status: 'new', email, seq: 1 });
    const items = await partition(lead!.customerId);
    expect(items.map((i) => i.type).sort()).toEqual(['customer', 'lead']);
    const events = await outboxFor(leadId);
    expect(events.map((e) => e.detailType)).toEqual(['LeadCaptured']);
    expect(events[0]!.detail).toMatchObject({ leadId, customerId: lead!.customerId, newCustomer: true });
  });

  it('attaches a second lead from the same person (other case, other phone spelling) to one customer', async () => {
    const tag = unique();
    const first = await captureLead({
      submission: submission({ name: 'Aynı Kişi', email: `Same.${tag}@Example.com`, phone: '0 532 700 00 01' }),
      ip: '192.0.2.1',
    });
    const second = await captureLead({
      submission: submission({ name: 'Aynı Kişi', email: ` same.${tag}@example.com ` }),
      ip: '192.0.2.1',
    });
    const [a, b] = await Promise.all([getLead(first.leadId), getLead(second.leadId)]);
    expect(b!.customerId).toBe(a!.customerId);
    const items = await partition(a!.customerId);
    expect(items.filter((i) => i.type === 'lead')).toHaveLength(2);
    expect(items.find((i) => i.type === 'customer')).toMatchObject({ leadCount: 2 });
    expect((await outboxFor(second.leadId))[0]!.detail).toMatchObject({ newCustomer: false });
  });

  it('matches by phone when the e-mail is new', async () => {
    const phone = `+90532${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
    const first = await captureLead({ submission: submission({ name: 'Tel Kişi', phone }), ip: '192.0.2.1' });
    const second = await captureLead({
      submission: submission({
        name: 'Tel Kişi',
        phone: phone.replace('+90', '0'),
        email: `tel-${unique()}@example.com`,
      }),
      ip: '192.0.2.1',
    });
    expect((await getLead(second.leadId))!.customerId).toBe((await getLead(first.leadId))!.customerId);
  });

  it('makes one customer when ten submissions of one new person race', async () => {
    const email = `race-${unique()}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        captureLead({
          submission: submission({ name: 'Yarış Kişi', email, message: `attempt ${i}` }),
          ip: '192.0.2.1',
        }),
      ),
    );
    const leads = await Promise.all(results.map((r) => getLead(r.leadId)));
    expect(new Set(leads.map((l) => l!.customerId)).size).toBe(1);
    expect(new Set(results.map((r) => r.leadId)).size).toBe(10);
    const items = await partition(leads[0]!.customerId);
    expect(items.filter((i) => i.type === 'customer')).toHaveLength(1);
    expect(items.filter((i) => i.type === 'lead')).toHaveLength(10);
  });

  it('records consent evidence: SMS granted at once, e-mail only requested until confirmed', async () => {
    const { leadId } = await captureLead({
      submission: submission({
        name: 'İzin Kişi',
        email: `consent-${unique()}@example.com`,
        phone: '+905321230000',
        consent_email: true,
        consent_sms: 'on',
        consentTextVersion: 'kvkk-test-1',
      }),
      ip: '198.51.100.7',
    });
    const lead = await getLead(leadId);
    const ledger = (await partition(lead!.customerId)).filter((i) => i.type === 'consent' && i.leadId === leadId);
    expect(ledger.map((e) => [e.channel, e.action]).sort()).toEqual([
      ['email', 'requested'],
      ['sms', 'granted'],
    ]);
    expect(ledger[0]).toMatchObject({ ip: '198.51.100.7', textVersion: 'kvkk-test-1', via: 'form' });
  });
});

describe('a preferred dealer on the form', () => {
  beforeAll(() => loadReferenceData(db(), tableName(), demoItems()));

  const profile = async (customerId: string) => (await partition(customerId)).find((item) => item.type === 'customer');

  it('goes onto a new customer; an unknown dealer is refused naming the field and writes nothing', async () => {
    const email = `dealer-${unique()}@example.com`;
    let refusal: unknown;
    try {
      await captureLead({
        submission: submission({ name: 'Bayi Seçen', email, preferredDealerId: 'dealer-nowhere' }),
        ip: '192.0.2.1',
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ status: 400, errors: [{ path: 'preferredDealerId' }] });
    // A warehouse is a unit too, but not a dealer anyone may prefer.
    await expect(
      captureLead({
        submission: submission({ name: 'Bayi Seçen', email, preferredDealerId: 'warehouse-gebze' }),
        ip: '192.0.2.1',
      }),
    ).rejects.toMatchObject({ errors: [{ path: 'preferredDealerId' }] });
    expect(await holdersOf({ emailKey: email })).toEqual([]);

    const { leadId } = await captureLead({
      submission: submission({ name: 'Bayi Seçen', email, preferredDealerId: 'dealer-izmir' }),
      ip: '192.0.2.1',
    });
    const lead = await getLead(leadId);
    expect(lead).toMatchObject({ preferredDealerId: 'dealer-izmir' });
    expect(await profile(lead!.customerId)).toMatchObject({ preferredDealerId: 'dealer-izmir' });
  });

  it('fills in a known customer’s preferred dealer only when they have none', async () => {
    const email = `known-${unique()}@example.com`;
    const first = await captureLead({ submission: submission({ name: 'Bilinen Kişi', email }), ip: '192.0.2.1' });
    const { customerId } = (await getLead(first.leadId))!;
    expect(await profile(customerId)).not.toHaveProperty('preferredDealerId');
    await captureLead({
      submission: submission({ name: 'Bilinen Kişi', email, preferredDealerId: 'dealer-ankara' }),
      ip: '192.0.2.1',
    });
    expect(await profile(customerId)).toMatchObject({ preferredDealerId: 'dealer-ankara' });
    await captureLead({
      submission: submission({ name: 'Bilinen Kişi', email, preferredDealerId: 'dealer-izmir' }),
      ip: '192.0.2.1',
    });
    expect(await profile(customerId)).toMatchObject({ preferredDealerId: 'dealer-ankara' });
  });
});
