// The privacy rules without a table: whose request it is (one person or candidates), what erasure
// does to each item of a partition, what identifies the person, and the export and its document.
import { describe, expect, it } from 'vitest';
import { erasureContributions, erasureParts } from '../../functions/privacy/contributions.js';
import { personDetails, planErasure } from '../../functions/privacy/domain/erasure-plan.js';
import { exportDocument, personExport } from '../../functions/privacy/domain/export.js';
import { chooseSubject } from '../../functions/privacy/domain/subject.js';
import { partitionItems } from '../support/partition-item.js';

const C = '01KCUSTQMERAAAAAAAAAAAAAAA';
const O1 = '01KQRDERDELIVEREDAAAAAAAAA';
const O2 = '01KQRDERSHIPPEDAAAAAAAAAAA';
const item = partitionItems(C);

const profile = item('PROFILE', 'customer', {
  name: 'Deniz Örnekoğlu',
  email: 'Deniz.Ornek@example.com',
  emailKey: 'deniz.ornek@example.com',
  phone: '+905320000001',
  language: 'en',
  ownerIds: new Set(['u-2', 'u-1']),
  gsi2pk: 'CUSTOMERS#1',
  gsi2sk: 'deniz ornekoglu#x',
});
const order = (orderId: string, status: string) =>
  item(`ORDER#${orderId}`, 'order', {
    orderId,
    status,
    totals: { grandTotal: { amount: 125_000, currency: 'TRY' } },
    contact: { name: 'Deniz Örnekoğlu', phone: '0532 000 00 02', email: 'deniz.is@example.com' },
    delivery: { address: 'Örnek Sk. 1', city: 'İzmir' },
    gsi2pk: 'ORDERS#delivered#2',
    gsi2sk: `2026-11-01T10:00:00.000Z#${orderId}`,
  });
const LEAD = '01KLEADAAAAAAAAAAAAAAAAAAA';
const lead = item(`LEAD#${LEAD}`, 'lead', {
  leadId: LEAD,
  name: 'Deniz Örnekoğlu',
  ownerId: '01KUSERAAAAAAAAAAAAAAAAAAA',
});
const consent = item('CONSENT#sms#2026-11-01T10:00:00.000Z#01KCONSENT', 'consent', {
  channel: 'sms',
  address: '+905320000003',
  action: 'granted',
});
const history = (of: string, note: string) => item(`${of}#HISTORY#2026-11-02T10:00:00.000Z#01KH`, 'history', { note });

describe('whose request it is', () => {
  it("one customer's own detail is that customer; nobody is no candidates", () => {
    expect(chooseSubject([{ customerId: C, matchedAs: 'customer' }])).toEqual({ customerId: C });
    expect(chooseSubject([])).toEqual({ candidates: [] });
  });

  it('a contact person, or two customers, are candidates, never a guess', () => {
    const contact = { customerId: C, matchedAs: 'contact' as const, contactId: 'k1' };
    expect(chooseSubject([contact])).toEqual({ candidates: [contact] });
    const two = [
      { customerId: C, matchedAs: 'customer' as const },
      { customerId: 'other', matchedAs: 'contact' as const, contactId: 'k2' },
    ];
    expect(chooseSubject(two)).toEqual({ candidates: two });
  });
});

describe('what erasure does to a partition', () => {
  it('keeps a finished order without contact or street, its history without notes, the figures as they are', () => {
    const plan = planErasure(
      [
        profile,
        order(O1, 'delivered'),
        history(`ORDER#${O1}`, 'Deniz aradı'),
        lead,
        history(`LEAD#${LEAD}`, 'Deniz aradı'),
        item('VALUE#2026', 'customer-value', { revenueTry: 125_000 }),
        consent,
      ],
      erasureParts,
      erasureContributions,
    );
    expect(plan.refusals).toEqual([]);
    const kept = plan.keeps.find((k) => k.type === 'order')!;
    expect(kept).toMatchObject({
      pk: `CUSTOMER#${C}`,
      sk: `ORDER#${O1}`,
      gsi2pk: 'ORDERS#delivered#2',
      status: 'delivered',
    });
    expect(kept.totals).toEqual({ grandTotal: { amount: 125_000, currency: 'TRY' } });
    expect(kept.contact).toBeUndefined();
    expect(kept.delivery).toEqual({ address: '', city: 'İzmir' });
    const keptHistory = plan.keeps.find((k) => k.type === 'history')!;
    expect(keptHistory.sk).toMatch(/^ORDER#/);
    expect(keptHistory.note).toBeUndefined();
    expect(plan.untouched).toBe(1);
    expect(plan.consents).toEqual([consent]);
    expect(plan.deletes.map((k) => k.sk)).toEqual([
      `LEAD#${LEAD}`,
      `LEAD#${LEAD}#HISTORY#2026-11-02T10:00:00.000Z#01KH`,
    ]);
    expect(plan.profile).toEqual({ pk: `CUSTOMER#${C}`, sk: 'PROFILE' });
  });

  it('refuses while an order is on its way, saying which', () => {
    const plan = planErasure(
      [profile, order(O1, 'delivered'), order(O2, 'shipped')],
      erasureParts,
      erasureContributions,
    );
    expect(plan.refusals).toHaveLength(1);
    expect(plan.refusals[0]).toMatchObject({ en: expect.stringContaining(O2), tr: expect.stringContaining(O2) });
  });
});

describe('what identifies the person', () => {
  it('every e-mail and phone normalized, the names of people (not of products), the own ids of items', () => {
    const details = personDetails(C, [
      profile,
      order(O1, 'delivered'),
      lead,
      consent,
      item('QUOTE#q', 'quote', { quoteId: 'Q1', lines: [{ name: 'Kombi 24 kW' }] }),
    ]);
    expect(details.emails.sort()).toEqual(['deniz.is@example.com', 'deniz.ornek@example.com']);
    expect(details.phones.sort()).toEqual(['+905320000001', '+905320000002', '+905320000003']);
    expect(details.names).toEqual(['Deniz Örnekoğlu']);
    expect(details.ids.sort()).toEqual([O1, LEAD, 'Q1'].sort());
  });
});

describe('the export', () => {
  const data = personExport(
    [profile, order(O1, 'delivered'), lead, consent, history(`LEAD#${LEAD}`, '<b>not markup</b>')],
    [
      ['leads', 'lead'],
      ['orders', 'order'],
      ['cases', 'case'],
    ],
  );

  it('groups every item as stored, without keys, sets as sorted lists', () => {
    expect(data.profile).toMatchObject({ name: 'Deniz Örnekoğlu', ownerIds: ['u-1', 'u-2'] });
    expect(data.profile.pk).toBeUndefined();
    expect(data.profile.gsi2pk).toBeUndefined();
    expect(data.parts.orders).toHaveLength(1);
    expect(data.parts.leads).toHaveLength(1);
    expect(data.parts.cases).toEqual([]);
    expect(data.consents).toEqual([expect.objectContaining({ address: '+905320000003', action: 'granted' })]);
    expect(data.other.history).toHaveLength(1);
  });

  it('reads in the language asked, every value escaped', () => {
    const en = exportDocument(data, 'en', '2026-11-30T09:00:00.000Z');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('The personal data we hold about you');
    expect(en).toContain('Orders');
    expect(en).toContain('&lt;b&gt;not markup&lt;/b&gt;');
    expect(en).not.toContain('<b>not markup</b>');
    const tr = exportDocument(data, 'tr', '2026-11-30T09:00:00.000Z');
    expect(tr).toContain('Hakkınızda tuttuğumuz kişisel veriler');
    expect(tr).toContain('Siparişler');
    expect(tr).toContain('30.11.2026 12:00');
  });
});
