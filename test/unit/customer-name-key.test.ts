import { describe, expect, it } from 'vitest';
import { nameKey } from '../../shared/customer.js';

describe('nameKey: how the customer directory sorts and searches names', () => {
  it('folds Turkish capitals the Turkish way: İ is i and I is ı, which then matches i', () => {
    expect(nameKey('İSMAİL IŞIK')).toBe('ismail isik');
    expect(nameKey('ismail işık')).toBe('ismail isik');
  });

  it('drops diacritics so an English keyboard finds Şahin, Gül and Çağlar', () => {
    expect(nameKey('Şahin Gül Çağlar Öz')).toBe('sahin gul caglar oz');
  });

  it('trims and collapses runs of spaces, which would otherwise split one name into two keys', () => {
    expect(nameKey('  Ayla   Demir ')).toBe('ayla demir');
  });

  it('keeps names that differ apart', () => {
    expect(nameKey('Ayla Demir')).not.toBe(nameKey('Ayla Demirci'));
  });
});
