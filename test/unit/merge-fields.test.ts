import { describe, expect, it } from 'vitest';
import { missingFields, personFields, renderFields, salutation, unknownFields } from '../../shared/merge-fields.js';

describe('salutation', () => {
  it('greets by given name and form of address in Turkish, by given name in English', () => {
    const ayse = { name: 'Ayşe Demirtaş', givenName: 'Ayşe', familyName: 'Demirtaş', formOfAddress: 'hanim' as const };
    expect(salutation('tr', ayse)).toBe('Sayın Ayşe Hanım');
    expect(salutation('en', ayse)).toBe('Dear Ayşe');
    expect(salutation('tr', { ...ayse, givenName: 'Kemal', formOfAddress: 'bey' })).toBe('Sayın Kemal Bey');
  });

  it('falls back to the full name when the given name or the form of address is missing', () => {
    expect(salutation('tr', { name: 'Ayşe Demirtaş', givenName: 'Ayşe' })).toBe('Sayın Ayşe Demirtaş');
    expect(salutation('tr', { name: 'Ayşe Demirtaş', formOfAddress: 'hanim' })).toBe('Sayın Ayşe Demirtaş');
    expect(salutation('en', { name: 'Ayşe Demirtaş' })).toBe('Dear Ayşe Demirtaş');
    expect(salutation('tr', { givenName: 'Ayşe', familyName: 'Demirtaş' })).toBe('Sayın Ayşe Demirtaş');
  });

  it('falls back to a neutral form when nothing is known, blanks counting as missing', () => {
    expect(salutation('tr', {})).toBe('Sayın Müşterimiz');
    expect(salutation('en', { name: '  ', givenName: ' ' })).toBe('Dear Customer');
  });
});

describe('person fields', () => {
  it('takes stored name parts first, else splits a full name of two words or more', () => {
    expect(personFields('tr', { name: 'Ali Rıza Kaya' })).toMatchObject({ firstName: 'Ali Rıza', lastName: 'Kaya' });
    expect(personFields('tr', { name: 'X', givenName: 'Ece', familyName: 'Aydın' })).toMatchObject({
      firstName: 'Ece',
      lastName: 'Aydın',
    });
  });

  it('gives no parts for a one-word name, so a template printing them fails at preview', () => {
    const fields = personFields('en', { name: 'Ercan' });
    expect(fields.firstName).toBeUndefined();
    expect(fields.lastName).toBeUndefined();
    expect(missingFields('{{salutation}}, {{lastName}}', fields)).toEqual(['lastName']);
    expect(missingFields('{{salutation}}, {{name}}', fields)).toEqual([]);
  });
});

describe('the renderer', () => {
  it('escapes HTML only when asked and prints own fields only', () => {
    const vars = { name: '<b>Ayşe</b>', offer: { code: 'K10' } };
    expect(renderFields('{{name}} {{offer.code}}', vars)).toBe('<b>Ayşe</b> K10');
    expect(renderFields('{{name}}', vars, true)).toBe('&lt;b&gt;Ayşe&lt;&#x2F;b&gt;');
    expect(renderFields('[{{name.length}}][{{offer.constructor}}]', vars)).toBe('[][]');
  });

  it('names each unknown field once, in order of use, and partials as such', () => {
    const known = (name: string) => ['salutation', 'name'].includes(name);
    expect(unknownFields('{{salutation}} {{shoeSize}} {{#x}}{{shoeSize}}{{/x}} {{> p}}', known)).toEqual([
      'shoeSize',
      'x',
      '>p',
    ]);
    expect(unknownFields('{{salutation}}, {{name}}', known)).toEqual([]);
  });
});
