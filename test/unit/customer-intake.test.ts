// The forms the customers' intake matches a person by, whichever channel gave them.
import { describe, expect, it } from 'vitest';
import { contactKeysOf } from '../../functions/customers/public.js';

describe('matching forms of a contact', () => {
  it('matches the contact by lower-cased e-mail and E.164 phone', () => {
    expect(contactKeysOf({ email: 'Ali@Example.COM', phone: '0532 700 00 01' })).toEqual({
      emailKey: 'ali@example.com',
      phone: '+905327000001',
    });
    expect(contactKeysOf({})).toEqual({ emailKey: undefined, phone: undefined });
  });

  it('reads a Turkish number in any local spelling, and a foreign one in international form', () => {
    for (const spelling of ['0 (532) 700 00 01', '05327000001', '+90 532 700 0001', '532 700 00 01']) {
      expect(contactKeysOf({ phone: spelling }).phone).toBe('+905327000001');
    }
    expect(contactKeysOf({ phone: '+44 20 7946 0958' }).phone).toBe('+442079460958');
  });

  it('trims the address before lower-casing it, and leaves an empty one out', () => {
    expect(contactKeysOf({ email: '  Ece.Deneme@Example.COM ' }).emailKey).toBe('ece.deneme@example.com');
    expect(contactKeysOf({ email: '', phone: '' })).toEqual({ emailKey: undefined, phone: undefined });
  });
});
