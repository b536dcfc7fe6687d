import { describe, expect, it } from 'vitest';
import { A4, labelCells, labelsPerSheet } from '../../functions/letters/domain/label-layout.js';
import {
  addressLimits,
  addressLines,
  addressProblems,
  normalizeAddress,
  plateOf,
} from '../../functions/letters/domain/postal-address.js';

const valid = {
  mahalle: 'Caferağa',
  street: 'Moda Cad.',
  buildingNo: '12',
  doorNo: '3',
  district: 'Kadıköy',
  province: 'İSTANBUL',
  postalCode: '34710',
};

describe('postal addresses', () => {
  it('accepts a Turkish address whose postal code begins with its il’s plate, any case of the il', () => {
    expect(addressProblems(valid)).toEqual([]);
    expect(addressProblems({ ...valid, province: 'izmir', postalCode: '35220', doorNo: undefined })).toEqual([]);
    expect(plateOf('Düzce')).toBe(81);
    expect(plateOf('ADANA')).toBe(1);
    expect(plateOf('Atlantis')).toBeUndefined();
  });

  it('names each field that cannot be printed', () => {
    const paths = (a: Partial<typeof valid>) => addressProblems({ ...valid, ...a }).map((p) => p.path);
    expect(paths({ postalCode: '35710' })).toEqual(['postalCode']);
    expect(paths({ postalCode: '3471' })).toEqual(['postalCode']);
    expect(paths({ province: 'Atlantis' })).toEqual(['province']);
    expect(paths({ mahalle: ' ', street: '' })).toEqual(['mahalle', 'street']);
    expect(paths({ buildingNo: '1\n2' })).toEqual(['buildingNo']);
  });

  it('limits every field to its length, both sides of the limit', () => {
    for (const [field, max] of Object.entries(addressLimits)) {
      if (field === 'postalCode' || field === 'province') continue;
      expect(addressProblems({ ...valid, [field]: 'ş'.repeat(max) })).toEqual([]);
      expect(addressProblems({ ...valid, [field]: 'ş'.repeat(max + 1) }).map((p) => p.path)).toEqual([field]);
    }
  });

  it('prints the lines in PTT’s order with the il in capitals', () => {
    expect(addressLines('Ayşe Demirtaş', normalizeAddress({ ...valid, province: 'istanbul' }))).toEqual([
      'Ayşe Demirtaş',
      'Caferağa Mah.',
      'Moda Cad. No: 12 D: 3',
      '34710 Kadıköy / İSTANBUL',
    ]);
    expect(addressLines('X', { ...valid, mahalle: 'Caferağa Mah.', doorNo: undefined }).slice(1, 3)).toEqual([
      'Caferağa Mah.',
      'Moda Cad. No: 12',
    ]);
  });
});

describe('label layouts', () => {
  it('3×8: 24 cells of 70 × 37 mm filling the A4 width, row by row from the top left', () => {
    const cells = labelCells('3x8');
    expect(labelsPerSheet('3x8')).toBe(24);
    expect(cells).toHaveLength(24);
    const mm = 72 / 25.4;
    expect(cells[0]!.width).toBeCloseTo(70 * mm);
    expect(cells[0]!.height).toBeCloseTo(37 * mm);
    expect(cells[0]!.x).toBeCloseTo((A4.width - 210 * mm) / 2);
    expect(cells[0]!.y + cells[0]!.height).toBeCloseTo(A4.height);
    expect(cells[1]!.x - cells[0]!.x).toBeCloseTo(70 * mm);
    expect(cells[2]!.x - cells[0]!.x).toBeCloseTo(140 * mm);
    expect(cells[3]!.y).toBeLessThan(cells[0]!.y);
    expect(cells[23]!.y).toBeGreaterThanOrEqual(-0.01);
  });

  it('3×7: 21 cells inside the sheet with top and bottom margins', () => {
    const cells = labelCells('3x7');
    expect(cells).toHaveLength(21);
    const mm = 72 / 25.4;
    expect(A4.height - (cells[0]!.y + cells[0]!.height)).toBeCloseTo(0.45 * mm);
    expect(cells[20]!.y).toBeGreaterThan(0);
    for (const c of cells) expect(c.x + c.width).toBeLessThanOrEqual(A4.width + 0.01);
  });
});
