// The customers' intake against DynamoDB Local: a new person becomes one customer with both markers;
// the same person given again by phone in another spelling or by e-mail in other case is found, not
// made twice; two intakes of one new person racing each other end in ONE customer; consent given with
// it is in the ledger; and an intake that keeps losing its race answers 409 intake-contended, writing nothing.
import { describe, expect, it } from 'vitest';
import { type Found, type IntakePerson, type IntakeRequest, takeIn } from '../../functions/customers/public.js';
import { getCustomer, holdersOf, matchContact } from '../../shared/customer.js';
import { putNew } from '../../shared/db.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';

const unique = () => Math.random().toString(36).slice(2, 10);
/** A fresh mobile number in the local spelling a form might send, and its E.164 form. */
const phonePair = () => {
  const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999));
  return { local: `0 (532) ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`, e164: `+90532${digits}` };
};

/** An intake whose own part is a marker item in the customer's partition, so each attempt's write is visible. */
const intake = (person: IntakePerson, extra: Partial<IntakeRequest<Found>> = {}) =>
  takeIn<Found>(
    {
      person,
      work: (found) => ({
        items: [putNew({ ...keys.customer(found.customerId), sk: `TEST#${unique()}`, type: 'intake-test' })],
        answer: found,
      }),
      ...extra,
    },
    new Date(),
  );

const partition = (customerId: string) => queryAll({ partition: keys.customerPartition(customerId), consistent: true });

describe('the customer intake', () => {
  it('creates a new person once: the profile in its matching forms, both markers, and the channel item', async () => {
    const email = `Yeni.${unique()}@Example.com`;
    const phone = phonePair();
    const found = await intake({ name: 'Yeni Kişi', email, phone: phone.local, language: 'en', city: 'İzmir' });
    expect(found).toMatchObject({ created: true, contact: { emailKey: email.toLowerCase(), phone: phone.e164 } });
    expect(await getCustomer(found.customerId)).toMatchObject({
      name: 'Yeni Kişi',
      email,
      emailKey: email.toLowerCase(),
      phone: phone.e164,
      language: 'en',
      city: 'İzmir',
    });
    expect(await matchContact({ emailKey: email.toLowerCase(), phone: phone.e164 })).toEqual({
      customerId: found.customerId,
      unclaimed: { email: false, phone: false },
    });
    expect((await partition(found.customerId)).filter((i) => i.type === 'intake-test')).toHaveLength(1);
  });

  it('finds an existing person by their phone in another spelling, and gives them the new e-mail nobody holds', async () => {
    const phone = phonePair();
    const first = await intake({ name: 'Telefonla Gelen', phone: phone.e164, language: 'tr' });
    const email = `later-${unique()}@example.com`;
    const again = await intake({ name: 'T. Gelen', phone: phone.local, email, language: 'en' }, { readProfile: true });
    expect(again).toMatchObject({ customerId: first.customerId, created: false, profile: { name: 'Telefonla Gelen' } });
    // The profile is not overwritten by the later channel; the unclaimed e-mail now leads to this customer.
    expect(await getCustomer(first.customerId)).toMatchObject({ name: 'Telefonla Gelen', language: 'tr' });
    expect((await matchContact({ emailKey: email })).customerId).toBe(first.customerId);
    expect((await partition(first.customerId)).filter((i) => i.type === 'intake-test')).toHaveLength(2);
  });

  it('finds an existing person by their e-mail in other case', async () => {
    const email = `case-${unique()}@example.com`;
    const first = await intake({ name: 'Küçük Harf', email, language: 'tr' });
    const again = await intake({ name: 'Büyük Harf', email: `  ${email.toUpperCase()} `, language: 'tr' });
    expect(again).toMatchObject({ customerId: first.customerId, created: false });
    expect((await holdersOf({ emailKey: email })).map((h) => h.customerId)).toEqual([first.customerId]);
  });

  it('ends two racing intakes of one new person in one customer holding both details', async () => {
    const email = `race-${unique()}@example.com`;
    const phone = phonePair();
    const [a, b] = await Promise.all([
      intake({ name: 'Yarışan Bir', email, phone: phone.local, language: 'tr' }),
      intake({ name: 'Yarışan İki', email: email.toUpperCase(), phone: phone.e164, language: 'tr' }),
    ]);
    expect(a.customerId).toBe(b.customerId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await matchContact({ emailKey: email, phone: phone.e164 })).toEqual({
      customerId: a.customerId,
      unclaimed: { email: false, phone: false },
    });
    // Both channel items were written, each once, in the one customer's partition.
    expect((await partition(a.customerId)).filter((i) => i.type === 'intake-test')).toHaveLength(2);
  });

  it('records consent given with it for the customer found: granted for SMS, requested for e-mail', async () => {
    const email = `consent-${unique()}@example.com`;
    const phone = phonePair();
    const found = await intake(
      { name: 'İzin Veren', email, phone: phone.local, language: 'tr' },
      { consent: { via: 'form', channels: ['email', 'sms'], source: 'web-form', ip: '192.0.2.9', language: 'tr' } },
    );
    const consent = (await partition(found.customerId)).filter((i) => i.type === 'consent');
    expect(consent.map((i) => [i.channel, i.action, i.address]).sort()).toEqual([
      ['email', 'requested', email],
      ['sms', 'granted', phone.e164],
    ]);
  });

  it('answers 409 intake-contended when every attempt loses the race, and writes nothing of its own', async () => {
    const email = `held-${unique()}@example.com`;
    const holder = await intake({ name: 'Sahibi', email, language: 'tr' });
    // A match that never sees the holder: each attempt tries to claim a marker that is taken.
    let attempts = 0;
    const stale = async () => {
      attempts++;
      return { unclaimed: { email: true, phone: false } };
    };
    await expect(intake({ name: 'Geç Kalan', email, language: 'tr' }, { match: stale })).rejects.toMatchObject({
      status: 409,
      code: 'intake-contended',
    });
    expect(attempts).toBe(3);
    expect((await matchContact({ emailKey: email })).customerId).toBe(holder.customerId);
    expect((await partition(holder.customerId)).filter((i) => i.type === 'intake-test')).toHaveLength(1);
  });
});
