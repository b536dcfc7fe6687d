// Analytics and lead assignment at the edges mutation testing found unchecked: a blank category, a TRY
// order without a TRY total, another currency without one; segments of customers given in any order;
// a lead's words written decomposed, and one of a rule's several values enough.
import { describe, expect, it } from 'vitest';
import { categoryKey, linesInTry, UNCATEGORISED } from '../../functions/analytics/domain/purchases.js';
import { segmentsOf } from '../../functions/analytics/domain/segments.js';
import {
  type AssignmentRule,
  matchRule,
  pickTeamMember,
  valueMatches,
} from '../../functions/lead-capture/domain/assignment.js';

describe('purchase figures', () => {
  it('a blank category is uncategorised, a named one folded', () => {
    expect(categoryKey('   ')).toBe(UNCATEGORISED);
    expect(categoryKey(undefined)).toBe(UNCATEGORISED);
    expect(categoryKey(' BEYAZ EŞYA ')).toBe('beyaz esya');
  });
  it('a TRY order counts its lines as charged, with or without a TRY total', () => {
    expect(linesInTry([{ category: 'a', amount: 1_250 }], 'TRY', 1_250, undefined)).toEqual([
      { category: 'a', amountTry: 1_250 },
    ]);
    expect(linesInTry([{ amount: 1_250 }], 'TRY', 1_250, 2_500)).toEqual([{ category: undefined, amountTry: 1_250 }]);
  });
  it('another currency converts at its total’s rate, and counts no amount without a TRY total', () => {
    expect(linesInTry([{ amount: 100 }, { amount: 300 }], 'EUR', 400, 14_000)).toEqual([
      { category: undefined, amountTry: 3_500 },
      { category: undefined, amountTry: 10_500 },
    ]);
    expect(linesInTry([{ amount: 100 }], 'EUR', 100, undefined)).toEqual([{ category: undefined, amountTry: 0 }]);
    expect(linesInTry([{ amount: 0 }], 'EUR', 0, 500)).toEqual([{ category: undefined, amountTry: 0 }]);
  });
});

describe('A/B/C segments', () => {
  it('rank by revenue whatever order the customers come in', () => {
    const s = segmentsOf([
      { customerId: 'e', revenueTry: 1 },
      { customerId: 'c', revenueTry: 15 },
      { customerId: 'a', revenueTry: 50 },
      { customerId: 'd', revenueTry: 4 },
      { customerId: 'b', revenueTry: 30 },
    ]);
    expect(Object.fromEntries(s)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', e: 'C' });
  });
});

describe('lead assignment', () => {
  it('matches words written decomposed (NFD) as the same words', () => {
    expect(valueMatches('Şişli', 'Şişli'.normalize('NFD'))).toBe(true);
    expect(valueMatches('İstanbul'.normalize('NFD'), 'istanbul')).toBe(true);
  });
  it('reads no empty word from punctuation at either end of a value', () => {
    expect(valueMatches('(export)', 'Export forklift')).toBe(true);
    expect(valueMatches('export', '"Export", forklift.')).toBe(true);
  });
  it('one of a rule’s several values is enough', () => {
    const rules: AssignmentRule[] = [
      { id: 'west', when: { city: ['Ankara', 'İzmir'] }, assignTo: { type: 'user', id: 'u-1' } },
    ];
    expect(matchRule(rules, { city: 'İzmir' })?.id).toBe('west');
    expect(matchRule(rules, { city: 'Bursa' })).toBeUndefined();
  });
  it('a member with a weight below zero takes no turn and shrinks no one else’s share', () => {
    const members = [
      { userId: 'u-a', weight: 1, away: false },
      { userId: 'u-b', weight: 1, away: false },
      { userId: 'u-c', weight: -1, away: false },
    ];
    expect([0, 1, 2, 3].map((turn) => pickTeamMember(members, turn))).toEqual(['u-a', 'u-b', 'u-a', 'u-b']);
  });
});
