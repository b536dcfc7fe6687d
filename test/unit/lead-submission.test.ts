import { describe, expect, it } from 'vitest';
import { contactKeysOf } from '../../functions/customers/public.js';
import { consentsGiven, leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';

/** The person as the customers' intake takes them from a form: name and address as typed, their matching forms. */
const contactOf = (data: { name: string; email?: string; phone?: string }) => ({
  name: data.name,
  email: data.email,
  ...contactKeysOf(data),
});

const parse = (fields: Record<string, unknown>) => leadSubmissionSchema.safeParse(fields);
const paths = (fields: Record<string, unknown>) => {
  const result = parse(fields);
  if (result.success) return [];
  return result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => k) : [i.path.join('.')],
  );
};

describe('lead submission', () => {
  it('accepts a form with only a name and a phone, defaulting the language to Turkish', () => {
    const result = parse({ name: 'Ece Deneme', phone: '0532 123 45 67' });
    expect(result.success && result.data.language).toBe('tr');
  });

  it('takes a preferred dealer from the form (an empty choice is none), one line of at most 100 characters', () => {
    const chosen = parse({ name: 'Ece Deneme', phone: '0532 123 45 67', preferredDealerId: 'dealer-izmir' });
    expect(chosen.success && chosen.data.preferredDealerId).toBe('dealer-izmir');
    const none = parse({ name: 'Ece Deneme', phone: '0532 123 45 67', preferredDealerId: '' });
    expect(none.success && none.data.preferredDealerId).toBeUndefined();
    expect(paths({ name: 'Ece Deneme', phone: '0532 123 45 67', preferredDealerId: 'd'.repeat(100) })).toEqual([]);
    expect(paths({ name: 'Ece Deneme', phone: '0532 123 45 67', preferredDealerId: 'd'.repeat(101) })).toEqual([
      'preferredDealerId',
    ]);
  });

  it('needs an e-mail or a phone', () => {
    expect(paths({ name: 'Ece Deneme' })).toEqual(['email']);
  });

  it('names every bad field at once', () => {
    expect(paths({ name: '', email: 'not-an-email', phone: '12', language: 'de' }).sort()).toEqual(
      ['email', 'language', 'name', 'phone'].sort(),
    );
  });

  it.each(['owner', 'ownerId', 'status', 'consentedAt', 'customerId'])('refuses the CRM-owned field %s', (field) => {
    expect(paths({ name: 'Ece Deneme', email: 'ece@example.com', [field]: 'x' })).toEqual([field]);
  });

  it.each([
    ['name', '<script>alert(1)</script>'],
    ['company', 'Acme <img src=x onerror=alert(1)>'],
    ['message', 'hello </textarea>'],
    ['name', 'Ece\u0000Deneme'],
  ])('refuses markup and control characters in %s', (field, value) => {
    expect(paths({ name: 'Ece Deneme', email: 'ece@example.com', [field]: value })).toEqual([field]);
  });

  it('keeps everyday punctuation and Turkish letters', () => {
    const result = parse({
      name: 'Şükrü Çağlar-Öztürk',
      email: 'sukru@example.com',
      message: 'Fiyat 3 > 2 değil mi? <3',
    });
    expect(result.success).toBe(true);
  });

  it('reads form checkboxes and JSON booleans alike, and asks for the consent text version', () => {
    expect(paths({ name: 'Ece', email: 'ece@example.com', consent_email: 'on' })).toEqual(['consentTextVersion']);
    const form = parse({
      name: 'Ece',
      email: 'ece@example.com',
      phone: '+905321234567',
      consent_email: 'on',
      consent_sms: true,
      consentTextVersion: 'v1',
    });
    expect(form.success && consentsGiven(form.data)).toEqual(['email', 'sms']);
  });

  it('refuses SMS consent without a phone', () => {
    expect(paths({ name: 'Ece', email: 'ece@example.com', consent_sms: true, consentTextVersion: 'v1' })).toEqual([
      'phone',
    ]);
  });

  it('matches people by lower-cased e-mail and E.164 phone, keeping the address as typed', () => {
    const result = parse({ name: 'Ece', email: '  Ece.Deneme@Example.COM ', phone: '0 (532) 123 45 67' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(contactOf(result.data)).toEqual({
      name: 'Ece',
      email: 'Ece.Deneme@Example.COM',
      emailKey: 'ece.deneme@example.com',
      phone: '+905321234567',
    });
  });

  it('takes foreign numbers in international form', () => {
    const result = parse({ name: 'Jane Sample', phone: '+44 20 7946 0958' });
    expect(result.success && contactKeysOf(result.data).phone).toBe('+442079460958');
  });
});
