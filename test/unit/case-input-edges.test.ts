// Case intake from staff and from the public web form: every refusal by path, code and message,
// and the markup filter at its boundary.
import { describe, expect, it } from 'vitest';
import { caseIntakeSchema } from '../../functions/complaint-escalation/domain/case-input.js';
import { webCaseSchema } from '../../functions/complaint-escalation/domain/web-case.js';
import { issuesOf, messagesOf } from '../support/refusals.js';

const base = {
  type: 'complaint',
  category: 'billing',
  channel: 'phone',
  subject: 'Fatura iki kez kesildi',
  customerId: 'C-1',
};
const form = { subject: 'Teslimat gecikti', name: 'Ali Deneme', email: 'ali@example.com' };

describe('case intake by staff', () => {
  it('defaults the priority to normal and the contact language to Turkish', () => {
    const parsed = caseIntakeSchema.parse({
      ...base,
      customerId: undefined,
      contact: { name: 'Ali Deneme', email: 'ali@example.com' },
    });
    expect([parsed.priority, parsed.contact?.language]).toEqual(['normal', 'tr']);
  });

  it('refuses both a customer id and contact details, and neither, on customerId', () => {
    const contact = { name: 'Ali Deneme', phone: '0532 700 00 01' };
    expect(messagesOf(caseIntakeSchema, { ...base, contact })).toEqual([
      ['customerId', 'Give either a customerId or contact details.'],
    ]);
    expect(messagesOf(caseIntakeSchema, { ...base, customerId: undefined })).toEqual([
      ['customerId', 'Give either a customerId or contact details.'],
    ]);
  });

  it.each(['< b>', '<b>', '</i>', '<!x', '<?x'])(
    'refuses %j in the subject, the description and the contact name',
    (markup) => {
      const body = {
        ...base,
        customerId: undefined,
        subject: `a ${markup}`,
        description: `b ${markup}`,
        contact: { name: `c ${markup}`, email: 'ali@example.com' },
      };
      expect(messagesOf(caseIntakeSchema, body)).toEqual([
        ['subject', 'Markup is not allowed.'],
        ['description', 'Markup is not allowed.'],
        ['contact.name', 'Markup is not allowed.'],
      ]);
    },
  );

  it.each(['3 < 4', '<3', '<= 2 gün'])('lets %j through', (text) => {
    expect(issuesOf(caseIntakeSchema, { ...base, subject: text, description: text })).toEqual([]);
  });

  it.each([
    ['type', 'praise', 'invalid_value'],
    ['category', 'weather', 'invalid_value'],
    ['priority', 'asap', 'invalid_value'],
    ['channel', 'fax', 'invalid_value'],
    ['subject', '', 'too_small'],
    ['relatedOrderId', '', 'too_small'],
    ['relatedQuoteId', 'x'.repeat(41), 'too_big'],
    ['customerId', 'x'.repeat(41), 'too_big'],
  ])('refuses a bad %s (%j) with %s', (field, value, code) => {
    expect(issuesOf(caseIntakeSchema, { ...base, [field]: value })).toEqual([[field, code]]);
  });

  it('refuses a bad contact e-mail address and phone, with their messages', () => {
    const body = { ...base, customerId: undefined, contact: { name: 'Ali', email: 'ali@', phone: '12' } };
    expect(messagesOf(caseIntakeSchema, body)).toEqual([
      ['contact.email', 'Not an e-mail address.'],
      ['contact.phone', 'Not a valid phone number.'],
    ]);
  });
});

describe('a case from the web form', () => {
  it.each(['< b>', '<a href=x>'])('refuses %j in every free-text field', (markup) => {
    const fields = ['subject', 'description', 'name', 'relatedOrderId', 'idempotencyKey'];
    const body = { ...form, ...Object.fromEntries(fields.map((f) => [f, `x ${markup}`])) };
    expect(messagesOf(webCaseSchema, body)).toEqual(fields.map((f) => [f, 'Markup is not allowed.']));
  });

  it('says what to give without an e-mail address or a phone, and what a bad one is', () => {
    expect(messagesOf(webCaseSchema, { ...form, email: '' })).toEqual([
      ['email', 'Give an e-mail address or a phone number.'],
    ]);
    expect(messagesOf(webCaseSchema, { ...form, email: 'ali@', phone: '12', redirect: 'nowhere' })).toEqual([
      ['email', 'Not an e-mail address.'],
      ['phone', 'Not a valid phone number.'],
      ['redirect', 'Not a URL.'],
    ]);
  });

  it('takes a type and category the form offers, and refuses others', () => {
    expect(webCaseSchema.parse({ ...form, type: 'request', category: 'delivery' })).toMatchObject({
      type: 'request',
      category: 'delivery',
    });
    expect(issuesOf(webCaseSchema, { ...form, category: 'weather' })).toEqual([['category', 'invalid_value']]);
    expect(issuesOf(webCaseSchema, { ...form, website: 'x'.repeat(2001) })).toEqual([['website', 'too_big']]);
  });
});
