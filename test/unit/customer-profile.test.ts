// The customer profile's pure parts: birthdays as MM-DD or full dates, tags folded for repeats, an
// edit's next state (null clears, matching keys recomputed, seq one up) and the directory's filters.
import { describe, expect, it } from 'vitest';
import { directoryFilter } from '../../functions/customers/domain/directory-filter.js';
import {
  birthMonthDay,
  changedFields,
  editedProfile,
  normalizeTags,
} from '../../functions/customers/domain/profile.js';
import type { Customer } from '../../shared/customer.js';

const today = new Date('2026-06-15T12:00:00Z');

describe('birthdays', () => {
  it('keeps the month and day of MM-DD and of YYYY-MM-DD', () => {
    expect(birthMonthDay('03-21', today)).toBe('03-21');
    expect(birthMonthDay('1985-11-09', today)).toBe('11-09');
    // Without a year, 29 February is a real birthday; with one, only in a leap year.
    expect(birthMonthDay('02-29', today)).toBe('02-29');
    expect(birthMonthDay('2000-02-29', today)).toBe('02-29');
    expect(birthMonthDay('2001-02-29', today)).toBeUndefined();
  });

  it('refuses what is no date, a future date and a date before 1900', () => {
    for (const bad of ['13-01', '04-31', '00-10', '3-21', '1985/11/09', '2026-06-16', '1899-12-31', '']) {
      expect([bad, birthMonthDay(bad, today)]).toEqual([bad, undefined]);
    }
    expect(birthMonthDay('2026-06-15', today)).toBe('06-15');
  });
});

describe('tags', () => {
  it('drops repeats that differ only in Turkish case, keeping the first spelling and the order', () => {
    expect(normalizeTags(['İzmir', 'VIP', 'izmir', 'vıp', 'filo'])).toEqual(['İzmir', 'VIP', 'filo']);
  });
});

const customer: Customer = {
  customerId: '01J0000000000000000000000A',
  name: 'Işık Makina',
  email: 'Info@Isik.example',
  emailKey: 'info@isik.example',
  phone: '+905321112233',
  city: 'İzmir',
  tags: ['vip'],
  language: 'tr',
  leadCount: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const now = new Date('2026-06-15T12:00:00Z');

describe('an edited profile', () => {
  it('sets what is given, clears what is null, leaves the rest, and counts one more change', () => {
    const after = editedProfile(
      customer,
      { sector: 'Makine', city: null, tags: ['filo', 'FILO'], birthday: '1980-05-04' },
      now,
    );
    expect(after).toMatchObject({ sector: 'Makine', tags: ['filo'], birthday: '1980-05-04', leadCount: 3, seq: 1 });
    expect(after.city).toBeUndefined();
    expect(after.updatedAt).toBe(now.toISOString());
    expect(changedFields(customer, after)).toEqual(['birthday', 'city', 'sector', 'tags']);
  });

  it('recomputes the matching forms of a new e-mail and phone, and drops them when cleared', () => {
    const moved = editedProfile(
      { ...customer, seq: 4 },
      { email: 'Yeni@Isik.Example', phone: '0 (532) 999 88 77' },
      now,
    );
    expect(moved).toMatchObject({
      email: 'Yeni@Isik.Example',
      emailKey: 'yeni@isik.example',
      phone: '+905329998877',
      seq: 5,
    });
    const cleared = editedProfile(customer, { email: null, phone: null }, now);
    expect([cleared.email, cleared.emailKey, cleared.phone]).toEqual([undefined, undefined, undefined]);
    expect(changedFields(customer, cleared)).toEqual(['email', 'phone']);
  });

  it('changes nothing for an edit that repeats the profile', () => {
    expect(
      changedFields(customer, editedProfile(customer, { name: 'Işık Makina', email: 'Info@Isik.example' }, now)),
    ).toEqual([]);
  });
});

describe('directory filters', () => {
  it('is no filter when nothing narrows the list', () => {
    expect(directoryFilter({})).toBeUndefined();
  });

  it('compares fields as stored, and looks owners, units, teams and tags up in their sets', () => {
    expect(
      directoryFilter({
        sector: 'Makine',
        tag: 'vip',
        ownerId: 'rep-ayse',
        teamId: 'team-istanbul',
        unitId: 'dealer-izmir',
      }),
    ).toEqual({
      expression:
        '#sector = :sector AND contains(#tag, :tag) AND contains(#owner, :owner) AND contains(#unit, :unit) AND contains(#team, :team)',
      names: { '#sector': 'sector', '#tag': 'tags', '#owner': 'ownerIds', '#unit': 'ownerIds', '#team': 'teamIds' },
      values: {
        ':sector': 'Makine',
        ':tag': 'vip',
        ':owner': 'rep-ayse',
        ':unit': 'dealer-izmir',
        ':team': 'team-istanbul',
      },
    });
  });
});
