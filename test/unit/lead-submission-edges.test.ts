// The edges of a lead form: each checkbox spelling, consent without the address it needs, the
// markup filter at its boundary, and empty fields read as absent; refusals by path, code and message.
import { describe, expect, it } from 'vitest';
import { contactKeysOf } from '../../functions/customers/public.js';
import { consentsGiven, leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { issuesOf, messagesOf } from '../support/refusals.js';

/** The person as the customers' intake takes them from a form: name and address as typed, their matching forms. */
const contactOf = (data: { name: string; email?: string; phone?: string }) => ({
  name: data.name,
  email: data.email,
  ...contactKeysOf(data),
});

const lead = { name: 'Ece Deneme', email: 'ece@example.com', phone: '0532 123 45 67', consentTextVersion: 'v1' };
const parsed = (fields: Record<string, unknown>) => {
  const result = leadSubmissionSchema.safeParse({ ...lead, ...fields });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
};

describe('form checkboxes', () => {
  it.each(['on', 'true', '1', 'yes', true])('reads %j as ticked', (value) => {
    expect(consentsGiven(parsed({ consent_email: value, consent_sms: value, consent_phone: value }))).toEqual([
      'email',
      'sms',
      'phone',
    ]);
  });

  it.each(['off', 'false', '0', 'no', false, undefined])('reads %j as not ticked', (value) => {
    expect(consentsGiven(parsed({ consent_email: value, consent_sms: value, consent_phone: value }))).toEqual([]);
  });

  it('refuses a spelling no form sends, on that box', () => {
    expect(issuesOf(leadSubmissionSchema, { ...lead, consent_sms: 'evet' })).toEqual([
      ['consent_sms', 'invalid_union'],
    ]);
  });

  it('names each channel on its own', () => {
    expect(consentsGiven(parsed({ consent_phone: 'on' }))).toEqual(['phone']);
    expect(consentsGiven(parsed({ consent_sms: '1' }))).toEqual(['sms']);
  });
});

describe('consent and the address it needs', () => {
  it('refuses e-mail consent without an e-mail address, on the consent box', () => {
    expect(messagesOf(leadSubmissionSchema, { ...lead, email: undefined, consent_email: 'on' })).toEqual([
      ['consent_email', 'E-mail consent needs an e-mail address.'],
    ]);
    expect(messagesOf(leadSubmissionSchema, { ...lead, email: '', consent_email: true })).toEqual([
      ['consent_email', 'E-mail consent needs an e-mail address.'],
    ]);
  });

  it('refuses call consent without a phone, on the phone', () => {
    expect(messagesOf(leadSubmissionSchema, { ...lead, phone: undefined, consent_phone: 'yes' })).toEqual([
      ['phone', 'SMS or call consent needs a phone number.'],
    ]);
  });

  it('asks for the consent text version whichever box is ticked, and not when none is', () => {
    for (const box of ['consent_email', 'consent_sms', 'consent_phone']) {
      expect(messagesOf(leadSubmissionSchema, { ...lead, consentTextVersion: undefined, [box]: 'on' })).toEqual([
        ['consentTextVersion', 'Required when a consent box is ticked.'],
      ]);
    }
    expect(messagesOf(leadSubmissionSchema, { ...lead, consentTextVersion: undefined })).toEqual([]);
  });

  it('says what to give when there is neither an e-mail address nor a phone', () => {
    expect(messagesOf(leadSubmissionSchema, { name: 'Ece', email: '', phone: '' })).toEqual([
      ['email', 'Give an e-mail address or a phone number.'],
    ]);
  });
});

describe('the markup filter', () => {
  it.each(['< b>', '<b>', '<  script>', '</p>', '<!-- x -->', '<?php', '<B>'])(
    'refuses %j in a name and in a message',
    (value) => {
      expect(messagesOf(leadSubmissionSchema, { ...lead, name: `Ece ${value}`, message: `Merhaba ${value}` })).toEqual([
        ['name', 'Markup is not allowed.'],
        ['message', 'Markup is not allowed.'],
      ]);
    },
  );

  it.each(['<3', '3 < 4', '<= 5', '< 10 adet', 'a<'])('lets %j through: it opens no tag', (value) => {
    expect(issuesOf(leadSubmissionSchema, { ...lead, name: `Ece ${value}`, message: value })).toEqual([]);
  });

  it.each([
    'company',
    'sector',
    'city',
    'region',
    'productInterest',
    'source',
    'utm_source',
    'utm_campaign',
    'consentTextVersion',
  ])('refuses markup in %s', (field) => {
    expect(messagesOf(leadSubmissionSchema, { ...lead, [field]: '<i>x</i>' })).toEqual([
      [field, 'Markup is not allowed.'],
    ]);
  });
});

describe('fields as a form sends them', () => {
  it('reads empty optional fields as absent', () => {
    const data = parsed({ company: '', city: '', message: '', redirect: '', email: '', idempotencyKey: '' });
    expect([data.company, data.city, data.message, data.redirect, data.email, data.idempotencyKey]).toEqual(
      Array(6).fill(undefined),
    );
    expect(contactOf(data)).toEqual({
      name: 'Ece Deneme',
      email: undefined,
      emailKey: undefined,
      phone: '+905321234567',
    });
  });

  it('refuses a bad e-mail address, phone and redirect, each on its field with its message', () => {
    expect(messagesOf(leadSubmissionSchema, { ...lead, email: 'ece@', phone: '12', redirect: 'not a url' })).toEqual([
      ['email', 'Not an e-mail address.'],
      ['phone', 'Not a valid phone number.'],
      ['redirect', 'Not a URL.'],
    ]);
  });

  it('keeps each length limit and refuses one character more', () => {
    const limits: [string, number][] = [
      ['name', 200],
      ['company', 200],
      ['city', 100],
      ['utm_term', 200],
      ['utm_medium', 200],
      ['utm_content', 200],
      ['consentTextVersion', 50],
      ['idempotencyKey', 100],
      ['message', 4000],
      ['website', 2000],
    ];
    for (const [field, max] of limits) {
      expect(issuesOf(leadSubmissionSchema, { ...lead, [field]: 'x'.repeat(max) }), field).toEqual([]);
      expect(issuesOf(leadSubmissionSchema, { ...lead, [field]: 'x'.repeat(max + 1) }), field).toEqual([
        [field, 'too_big'],
      ]);
    }
  });

  it('keeps line breaks in a message and refuses them in a one-line field', () => {
    expect(parsed({ message: 'Satır bir\nSatır iki' }).message).toBe('Satır bir\nSatır iki');
    expect(issuesOf(leadSubmissionSchema, { ...lead, company: 'Deneme\nA.Ş.' })).toEqual([['company', 'custom']]);
  });
});
