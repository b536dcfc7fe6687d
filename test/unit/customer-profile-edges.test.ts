// Profile edits at the edges mutation testing found unchecked: a birthday anchored at both ends, the
// first year taken and one born today, an e-mail changed without the phone, tags cleared, and an edit
// that leaves the birthday alone.
import { describe, expect, it } from 'vitest';
import { birthMonthDay, contactDetails, editedProfile } from '../../functions/customers/domain/profile.js';
import type { Customer } from '../../shared/customer.js';

const today = new Date('2026-06-15T00:00:00Z');

describe('a birthday', () => {
  it('is the whole text, nothing before or after it', () => {
    expect(birthMonthDay('x03-21', today)).toBeUndefined();
    expect(birthMonthDay('11985-11-09', today)).toBeUndefined();
    expect(birthMonthDay('03-21x', today)).toBeUndefined();
  });
  it('takes years from 1900 on, and a child born today', () => {
    expect(birthMonthDay('1900-01-01', today)).toBe('01-01');
    expect(birthMonthDay('1899-12-31', today)).toBeUndefined();
    expect(birthMonthDay('2026-06-15', today)).toBe('06-15');
    expect(birthMonthDay('2026-06-16', today)).toBeUndefined();
  });
});

describe('contact details', () => {
  it('an e-mail changed without a phone gets its matching form and keeps the phone', () => {
    expect(contactDetails({ email: ' Ayse.Kara@Example.COM ' }, { phone: '+905321112233' })).toEqual({
      email: ' Ayse.Kara@Example.COM ',
      emailKey: 'ayse.kara@example.com',
      phone: '+905321112233',
    });
  });
});

describe('an edited profile', () => {
  const customer: Customer = {
    customerId: '01J0000000000000000000000B',
    name: 'Deniz Tekstil',
    tags: ['vip'],
    birthday: '1980-05-04',
    language: 'tr',
    leadCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  it('clears the tags with null or none, and leaves the birthday when the edit does not name it', () => {
    const after = editedProfile(customer, { tags: null }, today);
    expect(after.tags).toBeUndefined();
    expect(after.birthday).toBe('1980-05-04');
    expect(editedProfile(customer, { tags: [] }, today).tags).toBeUndefined();
    expect(editedProfile(customer, { birthday: null }, today).birthday).toBeUndefined();
  });
});
