// Postal addresses at the edges mutation testing found unchecked: every refusal word for word in both
// languages, a missing field, spaces around an il, a blank il, a postal code with more around its five
// digits, one refusal per field, what normalising tidies, and each way a mahalle's own suffix is written.
import { describe, expect, it } from 'vitest';
import {
  addressLines,
  addressProblems,
  normalizeAddress,
  type PostalAddress,
  plateOf,
} from '../../functions/letters/domain/postal-address.js';

const valid: PostalAddress = {
  mahalle: 'Caferağa',
  street: 'Moda Cad.',
  buildingNo: '12',
  district: 'Kadıköy',
  province: 'İstanbul',
  postalCode: '34710',
};
const problems = (over: Partial<Record<keyof PostalAddress, string | undefined>>) =>
  addressProblems({ ...valid, ...over } as PostalAddress);

describe('an il', () => {
  it('is found with spaces around it and in any case', () => {
    expect(plateOf(' istanbul ')).toBe(34);
    expect(plateOf('İZMİR')).toBe(35);
    expect(plateOf('Atlantis')).toBeUndefined();
  });
});

describe('address refusals in both languages', () => {
  it('a missing or blank field is required; a missing door number is fine, a blank one is not', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ mahalle: undefined })).toEqual([
      { path: 'mahalle', message: { en: 'Required.', tr: 'Zorunlu.' } },
    ]);
    expect(problems({ doorNo: ' ' })).toEqual([{ path: 'doorNo', message: { en: 'Required.', tr: 'Zorunlu.' } }]);
  });
  it('a field too long (spaces around it not counted) or of more than one line', () => {
    expect(problems({ buildingNo: ' 1234567890 ' })).toEqual([]);
    expect(problems({ buildingNo: '12345678901' })).toEqual([
      { path: 'buildingNo', message: { en: 'At most 10 characters.', tr: 'En çok 10 karakter.' } },
    ]);
    expect(problems({ street: 'Moda\nCad.' })).toEqual([
      { path: 'street', message: { en: 'One line of text.', tr: 'Tek satır metin.' } },
    ]);
  });
  it('a blank il is only required; an unknown one is no province', () => {
    expect(problems({ province: '   ' })).toEqual([{ path: 'province', message: { en: 'Required.', tr: 'Zorunlu.' } }]);
    expect(problems({ province: 'Atlantis' })).toEqual([
      { path: 'province', message: { en: 'Not a province of Türkiye.', tr: 'Türkiye’nin bir ili değil.' } },
    ]);
  });
  it('a postal code is five digits, nothing around them, refused once, and begins with its il’s plate', () => {
    const five = [{ path: 'postalCode', message: { en: 'Five digits.', tr: 'Beş rakam.' } }];
    expect(problems({ postalCode: ' 34710' })).toEqual(five);
    expect(problems({ postalCode: '34710 ' })).toEqual(five);
    expect(problems({ postalCode: '' })).toEqual([
      { path: 'postalCode', message: { en: 'Required.', tr: 'Zorunlu.' } },
    ]);
    expect(problems({ mahalle: '', postalCode: ' 34710' }).map((p) => p.path)).toEqual(['mahalle', 'postalCode']);
    expect(problems({ province: 'Adana' })[0]?.message).toEqual({
      en: 'A postal code in Adana begins with 01.',
      tr: 'Adana posta kodları 01 ile başlar.',
    });
    expect(problems({ province: undefined }).map((p) => p.path)).toEqual(['province']);
    expect(problems({ province: 'İzmir' })).toEqual([
      {
        path: 'postalCode',
        message: { en: 'A postal code in İzmir begins with 35.', tr: 'İzmir posta kodları 35 ile başlar.' },
      },
    ]);
  });
});

describe('an address as stored and printed', () => {
  it('is trimmed with runs of spaces made one; a blank or missing door number is left out', () => {
    const stored = normalizeAddress({ ...valid, street: '  Moda   Cad. ', doorNo: '  ' });
    expect(stored.street).toBe('Moda Cad.');
    expect(stored).not.toHaveProperty('doorNo');
    expect(normalizeAddress(valid)).not.toHaveProperty('doorNo');
    expect(normalizeAddress({ ...valid, doorNo: ' 4 ' }).doorNo).toBe('4');
  });
  it('says Mah. once however the mahalle wrote its own', () => {
    for (const mahalle of ['Yeni', 'Yeni Mah', 'Yeni Mah.', 'Yeni Mahalle', 'Yeni Mahallesi']) {
      expect([mahalle, addressLines('Ayşe Kara', { ...valid, mahalle })[1]]).toEqual([mahalle, 'Yeni Mah.']);
    }
  });
});
