// Who gets a new lead: ordered rules as data, first match wins; a team shares its leads by weighted
// round-robin among the members who are not away; whatever matches nothing goes to the fallback queue.

import type { TeamMember } from '../../../shared/directory.js';

export type AssignTarget = { type: 'user'; id: string } | { type: 'team'; id: string } | { type: 'dealer'; id: string };

export interface AssignmentRule {
  id: string;
  /**
   * Every listed criterion must match one of its values (see `valueMatches`: words, in order,
   * Turkish-aware); an omitted criterion matches anything.
   */
  when: { city?: string[]; region?: string[]; sector?: string[]; productInterest?: string[] };
  assignTo: AssignTarget;
}

export type { TeamMember };

export interface LeadFacts {
  city?: string;
  region?: string;
  sector?: string;
  productInterest?: string;
}

export const FALLBACK_RULE_ID = 'fallback';
export const FALLBACK_QUEUE_ID = 'unassigned';

/**
 * A word lower-cased the Turkish way (İ→i, I→ı) and the English way (I→i, İ→i), so that both
 * "İSTANBUL" and the English spellings "FORKLIFT" and "Istanbul" match; ı and i stay different letters.
 */
interface Word {
  tr: string;
  root: string;
}

/** The words of `s`: runs of letters and digits, so "İstanbul'da, Şişli" is istanbul, da, şişli. */
const wordsOf = (s: string): Word[] =>
  s
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => ({ tr: word.toLocaleLowerCase('tr-TR'), root: word.toLowerCase().replaceAll('\u0307', '') }));

const sameWord = (a: Word, b: Word) => a.tr === b.tr || a.root === b.root;

/**
 * Whether every word of the rule's value appears in the lead's value, in the rule's order (other
 * words may come between): "export" matches "Export forklift", "elektrikli forklift" matches
 * "elektrikli istif makinesi ve forklift". A value with no words matches nothing.
 */
export const valueMatches = (ruleValue: string, leadValue: string): boolean => {
  const wanted = wordsOf(ruleValue);
  if (wanted.length === 0) return false;
  let next = 0;
  for (const word of wordsOf(leadValue)) {
    if (sameWord(word, wanted[next]!) && ++next === wanted.length) return true;
  }
  return false;
};

const criterionMatches = (allowed: string[] | undefined, value: string | undefined) =>
  allowed === undefined || (value !== undefined && allowed.some((ruleValue) => valueMatches(ruleValue, value)));

export const matchRule = (rules: AssignmentRule[], lead: LeadFacts): AssignmentRule | undefined =>
  rules.find(
    (rule) =>
      criterionMatches(rule.when.city, lead.city) &&
      criterionMatches(rule.when.region, lead.region) &&
      criterionMatches(rule.when.sector, lead.sector) &&
      criterionMatches(rule.when.productInterest, lead.productInterest),
  );

/**
 * The member whose turn it is, for the team's `turn`-th lead (a counter the caller increments
 * atomically). Members are ordered by id so the outcome depends on the data, not on storage order.
 */
export const pickTeamMember = (members: TeamMember[], turn: number): string | undefined => {
  const present = members.filter((m) => !m.away && m.weight > 0).sort((a, b) => a.userId.localeCompare(b.userId));
  const totalWeight = present.reduce((sum, m) => sum + m.weight, 0);
  if (totalWeight === 0) return undefined;
  let slot = turn % totalWeight;
  for (const member of present) {
    if (slot < member.weight) return member.userId;
    slot -= member.weight;
  }
  return undefined;
};
