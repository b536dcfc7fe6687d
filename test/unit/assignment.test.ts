import { describe, expect, it } from 'vitest';
import {
  type AssignmentRule,
  matchRule,
  pickTeamMember,
  valueMatches,
} from '../../functions/lead-capture/domain/assignment.js';

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

  it('matches a rule word inside a longer value: "export forklift" goes to the export rule', () => {
    expect(matchRule(rules, { productInterest: 'export forklift' })?.id).toBe('export');
    expect(matchRule(rules, { productInterest: 'Forklift, for EXPORT.' })?.id).toBe('export');
    expect(matchRule(rules, { city: 'Ankara Çankaya' })?.id).toBe('ankara');
  });

  it('matches whole words only, not parts of words', () => {
    expect(matchRule(rules, { productInterest: 'exporter' })).toBeUndefined();
    expect(matchRule(rules, { productInterest: 'reexport' })).toBeUndefined();
    expect(matchRule(rules, { city: 'Ankaralı' })).toBeUndefined();
  });

  it('folds case the Turkish way, İ/i and I/ı, and still reads English capitals', () => {
    expect(valueMatches('istanbul', 'İSTANBUL')).toBe(true);
    expect(valueMatches('İstanbul', "istanbul'dan arıyorum")).toBe(true);
    expect(valueMatches('Isparta', 'ISPARTA merkez')).toBe(true);
    expect(valueMatches('ısparta', 'ISPARTA')).toBe(true);
    expect(valueMatches('forklift', 'FORKLIFT')).toBe(true);
    expect(valueMatches('ŞİŞLİ', 'şişli')).toBe(true);
    expect(valueMatches('İzmir', 'Izmir')).toBe(true);
    expect(valueMatches('İstanbul', 'Istanbul')).toBe(true);
    // Dotless ı and dotted i are different letters in lower case: sık is not sik.
    expect(valueMatches('sık', 'sik')).toBe(false);
    expect(valueMatches('kırmızı', 'kirmizi')).toBe(false);
  });

  it('needs every word of a several-word value, in its order', () => {
    expect(valueMatches('elektrikli forklift', 'Elektrikli forklift')).toBe(true);
    expect(valueMatches('elektrikli forklift', 'elektrikli istif makinesi ve forklift')).toBe(true);
    expect(valueMatches('elektrikli forklift', 'forklift, elektrikli')).toBe(false);
    expect(valueMatches('elektrikli forklift', 'elektrikli istif makinesi')).toBe(false);
    expect(valueMatches('forklift forklift', 'forklift')).toBe(false);
  });

  it('a rule value with no words matches nothing', () => {
    expect(valueMatches('', 'export')).toBe(false);
    expect(valueMatches(' - ', 'export')).toBe(false);
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
    expect(
      pickTeamMember(
        members.map((m) => ({ ...m, away: true })),
        0,
      ),
    ).toBeUndefined();
  });
});
