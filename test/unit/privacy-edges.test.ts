// The privacy rules at their edges: whose request it is when one person matches twice or two people
// once each, which items beside a kept one stay (only its history, only under it), the keys a kept
// item carries, what counts as an e-mail, a phone or a person's name, the item's own id, and the
// export of values that are not plain text (sets inside lists, empty values, nested objects), and a
// title in both languages for every part of the record.
import { describe, expect, it } from 'vitest';
import { partsList } from '../../functions/customer-record/public.js';
import { erasureContributions, erasureParts } from '../../functions/privacy/contributions.js';
import { personDetails, planErasure } from '../../functions/privacy/domain/erasure-plan.js';
import { exportDocument, personExport } from '../../functions/privacy/domain/export.js';
import { chooseSubject } from '../../functions/privacy/domain/subject.js';
import { freshImport } from '../support/fresh-import.js';
import { partitionItems } from '../support/partition-item.js';

const C = '01KCUSTQMERBBBBBBBBBBBBBBB';
const item = partitionItems(C);
const delivered = (orderId: string) =>
  item(`ORDER#${orderId}`, 'order', {
    orderId,
    status: 'delivered',
    totals: { grandTotal: { amount: 5_000, currency: 'TRY' } },
    contact: { name: 'Ekin Örnekçi', phone: '0533 000 00 11', email: 'ekin@example.com' },
    delivery: { address: 'Deneme Cd. 7', city: 'Bursa' },
    gsi2pk: 'ORDERS#delivered#1',
    gsi2sk: `2026-10-01T10:00:00.000Z#${orderId}`,
  });
const O1 = '01KQRDERFIRSTAAAAAAAAAAAAA';
const O2 = '01KQRDERSECONDAAAAAAAAAAAA';
const plan = (items: Record<string, unknown>[]) => planErasure(items, erasureParts, erasureContributions);

describe('whose request it is, at the edges', () => {
  it('one customer matched twice (e-mail and phone) is that customer', () => {
    expect(
      chooseSubject([
        { customerId: C, matchedAs: 'customer' },
        { customerId: C, matchedAs: 'customer' },
      ]),
    ).toEqual({ customerId: C });
  });

  it('two customers each by their own detail, or one customer also a contact person of itself, are candidates', () => {
    const two = [
      { customerId: C, matchedAs: 'customer' as const },
      { customerId: 'other', matchedAs: 'customer' as const },
    ];
    expect(chooseSubject(two)).toEqual({ candidates: two });
    const both = [
      { customerId: C, matchedAs: 'customer' as const },
      { customerId: C, matchedAs: 'contact' as const, contactId: 'k1' },
    ];
    expect(chooseSubject(both)).toEqual({ candidates: both });
  });
});

describe('what erasure keeps beside a kept item', () => {
  it('keeps the history of each kept order, under that order only, and deletes other items beside it', () => {
    const result = plan([
      delivered(O1),
      delivered(O2),
      item(`ORDER#${O2}#HISTORY#2026-10-02T10:00:00.000Z#01KH`, 'history', { note: 'Ekin aradı', to: 'shipped' }),
      item(`ORDER#${O2}#NOTE#2026-10-02T11:00:00.000Z#01KN`, 'order-note', { note: 'Ekin kapıda yoktu' }),
      // The same text starts its key, but it is not under the kept order (no `#` after the id).
      item(`ORDER#${O1}X#HISTORY#2026-10-02T10:00:00.000Z#01KH`, 'history', { note: 'başka' }),
    ]);
    expect(result.keeps.filter((k) => k.type === 'history')).toEqual([
      {
        pk: `CUSTOMER#${C}`,
        sk: `ORDER#${O2}#HISTORY#2026-10-02T10:00:00.000Z#01KH`,
        type: 'history',
        customerId: C,
        to: 'shipped',
      },
    ]);
    expect(result.deletes.map((k) => k.sk)).toEqual([
      `ORDER#${O2}#NOTE#2026-10-02T11:00:00.000Z#01KN`,
      `ORDER#${O1}X#HISTORY#2026-10-02T10:00:00.000Z#01KH`,
    ]);
    expect(result.profile).toBeUndefined();
  });

  it('a kept item carries the keys it has (no index key it lacks) and its type', () => {
    const { gsi2pk: _, gsi2sk: __, ...unindexed } = delivered(O1);
    const [kept] = plan([unindexed]).keeps;
    expect(Object.keys(kept!).filter((name) => /^(pk|sk|gsi\d+(pk|sk))$/.test(name))).toEqual(['pk', 'sk']);
    expect(kept).toMatchObject({ pk: `CUSTOMER#${C}`, sk: `ORDER#${O1}`, type: 'order', status: 'delivered' });
  });

  it('deletes an item of a part that says nothing, and keeps the consent entries aside', () => {
    const lead = item('LEAD#01KLEADBBBBBBBBBBBBBBBBBBB', 'lead', { leadId: '01KLEADBBBBBBBBBBBBBBBBBBB' });
    const consent = item('CONSENT#email#2026-10-01T10:00:00.000Z#01KC', 'consent', { channel: 'email' });
    const result = plan([lead, consent]);
    expect(result).toEqual({
      deletes: [{ pk: `CUSTOMER#${C}`, sk: 'LEAD#01KLEADBBBBBBBBBBBBBBBBBBB' }],
      keeps: [],
      consents: [consent],
      untouched: 0,
      refusals: [],
    });
  });
});

describe('what identifies the person, at the edges', () => {
  it('takes only text with an @ as an e-mail and only a number that is a phone as a phone', () => {
    const details = personDetails(C, [
      item('PROFILE', 'customer', { email: 'Ekin@Example.com', phone: 'yok', name: 'Ekin Örnekçi' }),
      item('NOTE#1', 'note', { email: 'no address', phone: 42, emailKey: null }),
      item('NOTE#2', 'note', { email: 7 }),
      // A marker holds the normalized key alone.
      item('MARKER#1', 'contact-marker', { emailKey: 'ekin.is@example.com' }),
    ]);
    expect(details.emails).toEqual(['ekin@example.com', 'ekin.is@example.com']);
    expect(details.phones).toEqual([]);
  });

  it('reads e-mails and phones inside lists and sets, and an e-mail consent’s address as an e-mail', () => {
    const details = personDetails(C, [
      item('CASE#1', 'case', {
        caseId: 'K1',
        parties: [{ phone: '0533 000 00 12' }],
        watchers: new Set([{ email: 'izleyen@example.com' }]),
      }),
      item('CONSENT#email#1', 'consent', { channel: 'email', address: 'Izin@Example.com' }),
      item('CONSENT#sms#1', 'consent', { channel: 'sms', address: '0533 000 00 13' }),
    ]);
    expect(details.emails.sort()).toEqual(['izin@example.com', 'izleyen@example.com']);
    expect(details.phones.sort()).toEqual(['+905330000012', '+905330000013']);
    expect(details.ids).toEqual(['K1']);
  });

  it('takes the names of people (a contact, a customer, a lead) and no other names', () => {
    const details = personDetails(C, [
      item('CONTACT#1', 'contact', { contactId: 'P1', name: 'Kişi Bir' }),
      item('REQ#1', 'call-request', {
        callRequestId: 'R1',
        customer: { name: 'Müşteri İki', segment: 'kurumsal' },
        contact: { name: 99 },
        caller: { contact: { name: 'Arayan Dört', role: 'Satın alma' } },
        dealer: { name: 'Bayi Üç' },
      }),
      item('PRODUCT#1', 'quote', { quoteId: 'Q1', name: 'Kombi' }),
      item('LEAD#1', 'lead', { leadId: 'L1', name: 7 }),
    ]);
    expect(details.names.sort()).toEqual(['Arayan Dört', 'Kişi Bir', 'Müşteri İki']);
    expect(details.ids.sort()).toEqual(['P1', 'Q1', 'L1', 'R1'].sort());
  });

  it('an item’s own id is by its type (a hyphenated type camel-cased), only when it is text', () => {
    const details = personDetails(C, [
      item('PROFILE', 'customer', { customerId: C }),
      item('VALUE#1', 'customer-value', { customerValueId: 'V1', orderId: 'not its own' }),
      item('ORDER#1', 'order', { orderId: 5 }),
    ]);
    expect(details).toEqual({ customerId: C, emails: [], phones: [], names: [], ids: ['V1'] });
  });
});

describe('the export, at the edges', () => {
  const exported = () =>
    personExport(
      [
        item('PROFILE', 'customer', {
          name: 'Ekin Örnekçi',
          lines: [{ tags: new Set(['b', 'a']) }, 'plain'],
          address: { city: 'Bursa', floors: new Set([3, 1]) },
          nickname: null,
        }),
        item('NOTE#1', 'note', { text: 'bir' }),
        item('NOTE#2', 'note', { text: 'iki' }),
        item('REQ#1', 'call-request', { callRequestId: 'R1' }),
      ],
      [
        ['requests', 'call-request'],
        ['warranties', 'warranty'],
      ],
    );

  it('puts a consent entry with the consents, and nowhere else', () => {
    const consent = item('CONSENT#sms#1', 'consent', { channel: 'sms', address: '+905330000013' });
    expect(personExport([consent], [])).toEqual({
      profile: {},
      consents: [{ customerId: C, channel: 'sms', address: '+905330000013' }],
      parts: {},
      other: {},
    });
  });

  it('keeps lists as lists and sets anywhere as sorted lists, and empty values as they are', () => {
    const data = exported();
    expect(data.profile).toEqual({
      customerId: C,
      name: 'Ekin Örnekçi',
      lines: [{ tags: ['a', 'b'] }, 'plain'],
      address: { city: 'Bursa', floors: [1, 3] },
      nickname: null,
    });
    expect(data.other).toEqual({
      note: [
        { customerId: C, text: 'bir' },
        { customerId: C, text: 'iki' },
      ],
    });
    expect(data.parts).toEqual({ requests: [{ customerId: C, callRequestId: 'R1' }], warranties: [] });
  });

  it('shows text as it is and other values as JSON, a part without a title by its name, and no records as such', () => {
    const data = exported();
    const en = exportDocument(data, 'en', '2026-10-05T09:00:00.000Z');
    expect(en).toContain('<tr><th scope="row">name</th><td>Ekin Örnekçi</td></tr>');
    expect(en).toContain('<tr><th scope="row">nickname</th><td>null</td></tr>');
    expect(en).toContain('<td>{&quot;city&quot;:&quot;Bursa&quot;,&quot;floors&quot;:[1,3]}</td>');
    expect(en).toContain('<section><h2>Requests to dealers</h2><table>');
    expect(en).toContain('<section><h2>warranties</h2><p>No records.</p></section>');
    expect(en).toContain('<section><h2>Consents and their evidence</h2><p>No records.</p></section>');
    expect(en).toContain('<section><h2>Other records: note</h2><table>');
    expect(en).toContain('<p>Prepared at: 05/10/2026, 12:00</p>');
    expect(en).toMatch(/<head><meta charset="utf-8"><title>The personal data we hold about you<\/title><style>body\{/);
    // Self-contained: its style lays out the tables too.
    expect(en).toMatch(/<style>body\{[^<]*\}table\{border-collapse:collapse;[^<]*text-align:left;[^<]*<\/style>/);
    const tr = exportDocument(data, 'tr', '2026-10-05T09:00:00.000Z');
    expect(tr).toContain('<section><h2>Bayi talepleri</h2><table>');
    expect(tr).toContain('<section><h2>İzinler ve kanıtları</h2><p>Kayıt yok.</p></section>');
    expect(tr).toContain('<section><h2>Diğer kayıtlar: note</h2>');
    expect(tr).toContain('<p>Hazırlanma zamanı: 5.10.2026 12:00</p>');
  });
});

describe('the export and the erasure plan as they load', () => {
  it('every part of the record has a title of its own in both languages', async () => {
    const fresh = await freshImport(() => import('../../functions/privacy/domain/export.js'));
    const names = partsList.map(([name]) => name);
    const data = fresh.personExport(
      [item('PROFILE', 'customer', { name: 'Ekin Örnekçi', visits: 3, address: { city: 'Bursa' } })],
      partsList.map(([name, spec]) => [name, spec.type] as const),
    );
    const titles = (language: 'tr' | 'en') => {
      const page = fresh.exportDocument(data, language, '2026-10-05T09:00:00.000Z');
      expect(page).toContain(
        '<tr><th scope="row">name</th><td>Ekin Örnekçi</td></tr><tr><th scope="row">visits</th><td>3</td></tr>' +
          '<tr><th scope="row">address</th><td>{&quot;city&quot;:&quot;Bursa&quot;}</td></tr>',
      );
      return [...page.matchAll(/<section><h2>([^<]*)<\/h2><p>/g)].map((match) => match[1]!).slice(1);
    };
    const [tr, en] = [titles('tr'), titles('en')];
    expect(tr).toHaveLength(names.length);
    expect(en).toHaveLength(names.length);
    names.forEach((name, i) => {
      expect([tr[i], en[i]], name).not.toContain(name);
      expect(tr[i], name).not.toBe(en[i]);
      expect(`${tr[i]} ${en[i]}`, name).toMatch(/^\p{Lu}.+ \p{Lu}.+$/u);
    });
    expect(new Set(tr).size).toBe(names.length);
    expect(new Set(en).size).toBe(names.length);
  });

  it('keeps a finished order with its keys, and takes the names of a lead and a contact person', async () => {
    const fresh = await freshImport(() => import('../../functions/privacy/domain/erasure-plan.js'));
    const { gsi2pk: _, gsi2sk: __, ...unindexed } = delivered(O1);
    const [kept] = fresh.planErasure([unindexed], erasureParts, erasureContributions).keeps;
    expect(Object.keys(kept!).filter((name) => /^(pk|sk|gsi\d+(pk|sk))$/.test(name))).toEqual(['pk', 'sk']);
    const details = fresh.personDetails(C, [
      item('PROFILE', 'customer', { name: 'Ekin Örnekçi' }),
      item('LEAD#1', 'lead', { name: 'Ekin Ö.' }),
      item('CONTACT#1', 'contact', { name: 'Kişi Bir' }),
    ]);
    expect(details.names).toEqual(['Ekin Örnekçi', 'Ekin Ö.', 'Kişi Bir']);
  });
});
