import { describe, expect, it } from 'vitest';
import { type AssignmentRule, matchRule, pickTeamMember } from '../../functions/lead-capture/domain/assignment.js';

const rules: AssignmentRule[] = [
  { id: 'export', when: { productInterest: ['export'] }, assignTo: { type: 'user', id: 'rep-a' } },
  { id: 'istanbul-machines', when: { city: ['İstanbul'], sector: ['Makine'] }, assignTo: { type: 'team', id: 't1' } },
  { id: 'ankara', when: { city: ['Ankara'] }, assignTo: { type: 'dealer', id: 'd1' } },
];

describe('assignment rules', () => {
  it('takes the first rule that matches', () => {
    expect(matchRule(rules, { city: 'Ankara', productInterest: 'export' })?.id).toBe('export');
  });

  it('needs every criterion of a rule to match', () => {
    expect(matchRule(rules, { city: 'İstanbul', sector: 'Tekstil' })).toBeUndefined();
    expect(matchRule(rules, { city: 'İstanbul', sector: 'Makine' })?.id).toBe('istanbul-machines');
  });

  it('compares Turkish text case-insensitively with Turkish rules (İ/i, I/ı)', () => {
    expect(matchRule(rules, { city: 'İSTANBUL', sector: 'MAKİNE' })?.id).toBe('istanbul-machines');
    expect(matchRule(rules, { city: 'istanbul', sector: 'makine' })?.id).toBe('istanbul-machines');
  });

  it('does not match a criterion the lead leaves empty', () => {
    expect(matchRule(rules, {})).toBeUndefined();
  });
});

describe('weighted round-robin', () => {
  const members = [
    { userId: 'b', weight: 1, away: false },
    { userId: 'a', weight: 2, away: false },
    { userId: 'c', weight: 1, away: true },
  ];

  it('gives each present member leads in proportion to weight', () => {
    const picks = Array.from({ length: 9 }, (_, turn) => pickTeamMember(members, turn));
    expect(picks).toEqual(['a', 'a', 'b', 'a', 'a', 'b', 'a', 'a', 'b']);
  });

  it('skips people marked away, and gives up when everyone is away', () => {
    expect(new Set(Array.from({ length: 12 }, (_, t) => pickTeamMember(members, t)))).not.toContain('c');
    expect(pickTeamMember(members.map((m) => ({ ...m, away: true })), 0)).toBeUndefined();
  });
});
