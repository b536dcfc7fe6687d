// A segment is a saved filter over customer attributes. This is its predicate: pure, so the same
// rule decides a preview's count and a run's recipients, and it is tested without a table.
// Text attributes match without regard to case or Turkish letters ("İzmir" = "izmir" = "IZMIR").
import { nameKey } from '../../../shared/customer.js';
import type { Language } from '../../../shared/language.js';
import { istanbulDate } from '../../../shared/time.js';

export const valueSegments = ['A', 'B', 'C'] as const;
export type ValueSegment = (typeof valueSegments)[number];

export interface SegmentFilter {
  sectors?: string[];
  regions?: string[];
  cities?: string[];
  languages?: Language[];
  groups?: string[];
  /** Any of these tags. */
  tags?: string[];
  valueSegments?: ValueSegment[];
  /** ISO instants; a customer who never ordered matches neither bound. */
  lastOrderBefore?: string;
  lastOrderAfter?: string;
  /** Customers any of these people (or dealers) own. */
  ownerIds?: string[];
}

/** What the predicate reads of a customer's directory item. */
export interface SegmentCandidate {
  email?: string;
  sector?: string;
  region?: string;
  city?: string;
  language?: string;
  group?: string;
  tags?: Iterable<string>;
  /** The customer's A/B/C value group (analytics' nightly job). */
  segment?: string;
  /** The Istanbul date of their latest delivered order (analytics). */
  lastOrderDate?: string;
  ownerIds?: Iterable<string>;
}

const fold = (value: string) => nameKey(value);

const oneOf = (wanted: string[] | undefined, actual: string | undefined) =>
  !wanted?.length || (actual !== undefined && wanted.some((w) => fold(w) === fold(actual)));

const anyOf = (wanted: string[] | undefined, actual: Iterable<string> | undefined) => {
  if (!wanted?.length) return true;
  const have = new Set([...(actual ?? [])].map(fold));
  return wanted.some((w) => have.has(fold(w)));
};

/**
 * Whether the customer is in the segment. E-mail campaigns need an address, so none means no — unless
 * the reader reaches people otherwise (letters, calls) and says `anyChannel`.
 */
export const matchesSegment = (filter: SegmentFilter, customer: SegmentCandidate, anyChannel = false): boolean =>
  (anyChannel || Boolean(customer.email)) &&
  oneOf(filter.sectors, customer.sector) &&
  oneOf(filter.regions, customer.region) &&
  oneOf(filter.cities, customer.city) &&
  oneOf(filter.languages, customer.language) &&
  oneOf(filter.groups, customer.group) &&
  anyOf(filter.tags, customer.tags) &&
  oneOf(filter.valueSegments, customer.segment) &&
  // Orders are dated by their Istanbul day: before a day is strictly before it, after it is from it on.
  (!filter.lastOrderBefore ||
    (customer.lastOrderDate !== undefined &&
      customer.lastOrderDate < istanbulDate(new Date(filter.lastOrderBefore)))) &&
  (!filter.lastOrderAfter ||
    (customer.lastOrderDate !== undefined &&
      customer.lastOrderDate >= istanbulDate(new Date(filter.lastOrderAfter)))) &&
  (!filter.ownerIds?.length || [...(customer.ownerIds ?? [])].some((id) => filter.ownerIds!.includes(id)));
