// The call center finds a caller by the number as the agent's software hands it over: every common
// Turkish way of writing one mobile number, and international forms, must give the same E.164 key
// the phone marker was written under.
import { describe, expect, it } from 'vitest';
import { normalizeEmail, toE164 } from '../../shared/contact.js';

const turkishForms = [
  '0532 123 45 67',
  '05321234567',
  '(0532) 123-45-67',
  '0532-123-45-67',
  '+90 532 123 45 67',
  '+90-532-123-45-67',
  '+905321234567',
  '0090 532 123 45 67',
  '90 532 123 45 67',
  '905321234567',
  '90 (532) 123-45-67',
  '532 123 45 67',
  '5321234567',
  ' 532 123 4567 ',
];

describe('toE164', () => {
  it.each(turkishForms)('%j is +905321234567', (form) => {
    expect(toE164(form)).toBe('+905321234567');
  });

  it('reads a number from abroad by its country code, with + or 00', () => {
    expect(toE164('+49 30 12345678')).toBe('+493012345678');
    expect(toE164('0049 30 12345678')).toBe('+493012345678');
  });

  it('keeps a landline apart from a mobile with the same digits after the area code', () => {
    expect(toE164('0212 123 45 67')).toBe('+902121234567');
  });

  it.each(['123', '0532 123 45', 'not a number', '+90 000 000 00 00'])('%j is no number', (form) => {
    expect(toE164(form)).toBeUndefined();
  });
});

describe('normalizeEmail', () => {
  it('matches an address however it is cased or padded', () => {
    expect(normalizeEmail('  Ayse.Yilmaz@Example.COM ')).toBe('ayse.yilmaz@example.com');
  });
});
