// Routing as data: an ordered list of rules, evaluated in order; the first rule with an eligible
// unit decides, and every candidate passed over is recorded with its reason, so each decision can
// be explained. No AWS here: the caller loads the units and their open-order counts.

import { isOpenAt } from '../../../shared/business-hours.js';
import type { Unit } from '../../../shared/directory.js';
import { uniqueRuleIdsMessage } from '../../../shared/messages.js';
import * as z from '../../../shared/schema.js';
import { type OrderStatus, orderStatuses } from './lifecycle.js';

const id = z.requiredLine(100);
const names = z.array(z.requiredLine(100)).check(z.maxLength(200));
const unitIds = z
  .array(id)
  .check(z.minLength(1, z.said({ en: 'Name at least one unit.', tr: 'En az bir birim belirtin.' })), z.maxLength(20));

export const routingRuleSchema = z.discriminatedUnion('kind', [
  /** The customer's preferred dealer, when it serves the order's category and region. */
  z.strictObject({ id, kind: z.literal('preferred-dealer') }),
  /** Orders delivered to these cities or regions go to these units, first eligible first. */
  z
    .strictObject({ id, kind: z.literal('region'), cities: z.optional(names), regions: z.optional(names), unitIds })
    .check(
      z.refine((r) => Boolean(r.cities?.length || r.regions?.length), {
        ...z.said({ en: 'Name a city or a region.', tr: 'Bir şehir veya bölge belirtin.' }),
        path: ['cities'],
      }),
    ),
  /** Orders of these product categories go to these fulfilment units. */
  z.strictObject({
    id,
    kind: z.literal('category'),
    categories: names.check(z.minLength(1, z.said({ en: 'Name a category.', tr: 'Bir kategori belirtin.' }))),
    unitIds,
  }),
]);
export type RoutingRule = z.infer<typeof routingRuleSchema>;

const rulesShape = {
  rules: z.array(routingRuleSchema).check(z.maxLength(100)),
  /** Where an order goes when no rule finds an eligible unit, and where a missed SLA ends. */
  fallbackUnitId: id,
  /** The moves the customer is told about by mail. */
  customerNotices: z._default(z.array(z.enum(orderStatuses)), ['shipped', 'delivered']),
};

const uniqueRuleIds = z.refine<{ rules: RoutingRule[] }>(
  (r) => new Set(r.rules.map((rule) => rule.id)).size === r.rules.length,
  {
    ...z.said(uniqueRuleIdsMessage),
    path: ['rules'],
  },
);

export const routingRulesSchema = z.strictObject(rulesShape).check(uniqueRuleIds);

/** What PUT /routing-rules takes: the rules and the seq they were read at (a stale one is refused). */
export const rulesChangeSchema = z
  .strictObject({ ...rulesShape, seq: z.optional(z.int().check(z.gte(0))) })
  .check(uniqueRuleIds);
export type RoutingRules = z.infer<typeof routingRulesSchema>;

/** Every unit the rules name, the fallback included: each must exist. */
export const unitIdsOf = (rules: RoutingRules) => [
  ...new Set([
    ...rules.rules.flatMap((rule) => (rule.kind === 'preferred-dealer' ? [] : rule.unitIds)),
    rules.fallbackUnitId,
  ]),
];

/** What routing looks at: where the order goes, what it is, whom the customer prefers. */
export interface OrderFacts {
  city?: string;
  region?: string;
  category?: string;
  preferredDealerId?: string;
}

export interface RoutingContext {
  units: ReadonlyMap<string, Unit>;
  /** Open orders per unit, for the units that have a capacity. */
  openOrders: ReadonlyMap<string, number>;
  now: Date;
  /** Units the order was routed to before: a re-route passes them over. */
  tried?: readonly string[];
}

export type SkipReason =
  | 'no-preferred-dealer'
  | 'no-match'
  | 'unknown-unit'
  | 'not-a-dealer'
  | 'category-not-served'
  | 'region-not-served'
  | 'closed'
  | 'at-capacity'
  | 'already-tried';

export interface Skipped {
  ruleId: string;
  unitId?: string;
  reason: SkipReason;
}

export interface RoutingDecision {
  unitId: string;
  /** The rule that fired, or `fallback`. */
  ruleId: string;
  fallback: boolean;
  skipped: Skipped[];
}

export const FALLBACK_RULE = 'fallback';

const same = (a: string, b: string) => a.toLocaleLowerCase('tr') === b.toLocaleLowerCase('tr');
const among = (value: string | undefined, list: readonly string[] | undefined) =>
  value !== undefined && (list ?? []).some((entry) => same(entry, value));

export const servesRegion = (unit: Unit, facts: OrderFacts) =>
  (unit.cities.length === 0 && unit.regions.length === 0) ||
  among(facts.city, unit.cities) ||
  among(facts.region, unit.regions);

export const servesCategory = (unit: Unit, facts: OrderFacts) =>
  unit.categories.length === 0 || among(facts.category, unit.categories);

/** Is the unit open at `now` (Istanbul business hours, holidays closed)? No hours: always. */
export const isOpen = (unit: Unit, now: Date) => !unit.hours || isOpenAt(now, unit.hours);

/** Why a unit cannot take the order now, or undefined when it can. */
const unavailable = (unitId: string, context: RoutingContext): SkipReason | undefined => {
  const unit = context.units.get(unitId);
  if (!unit) return 'unknown-unit';
  if (context.tried?.includes(unitId)) return 'already-tried';
  if (!isOpen(unit, context.now)) return 'closed';
  if (unit.capacity !== undefined && (context.openOrders.get(unitId) ?? 0) >= unit.capacity) return 'at-capacity';
  return undefined;
};

/** The units a rule puts forward for these facts, or why it puts none forward. */
const candidatesOf = (
  rule: RoutingRule,
  facts: OrderFacts,
  units: RoutingContext['units'],
): { unitIds: string[] } | Skipped[] => {
  switch (rule.kind) {
    case 'preferred-dealer': {
      const dealerId = facts.preferredDealerId;
      if (!dealerId) return [{ ruleId: rule.id, reason: 'no-preferred-dealer' }];
      const dealer = units.get(dealerId);
      if (!dealer) return [{ ruleId: rule.id, unitId: dealerId, reason: 'unknown-unit' }];
      if (dealer.kind !== 'dealer') return [{ ruleId: rule.id, unitId: dealerId, reason: 'not-a-dealer' }];
      if (!servesCategory(dealer, facts)) return [{ ruleId: rule.id, unitId: dealerId, reason: 'category-not-served' }];
      if (!servesRegion(dealer, facts)) return [{ ruleId: rule.id, unitId: dealerId, reason: 'region-not-served' }];
      return { unitIds: [dealerId] };
    }
    case 'region':
      return among(facts.city, rule.cities) || among(facts.region, rule.regions)
        ? { unitIds: rule.unitIds }
        : [{ ruleId: rule.id, reason: 'no-match' }];
    case 'category':
      return among(facts.category, rule.categories)
        ? { unitIds: rule.unitIds }
        : [{ ruleId: rule.id, reason: 'no-match' }];
  }
};

/** The units a routing may look at for these facts: what the caller loads (with open counts) first. */
export const unitsToLoad = (rules: RoutingRules, facts: OrderFacts) => [
  ...new Set([...unitIdsOf(rules), ...(facts.preferredDealerId ? [facts.preferredDealerId] : [])]),
];

/**
 * Evaluates the rules in order: the first eligible unit of the first rule that has one decides.
 * When none has, the fallback queue takes the order (it keeps no hours and has no limit).
 */
export const route = (rules: RoutingRules, facts: OrderFacts, context: RoutingContext): RoutingDecision => {
  const skipped: Skipped[] = [];
  for (const rule of rules.rules) {
    const candidates = candidatesOf(rule, facts, context.units);
    if (Array.isArray(candidates)) {
      skipped.push(...candidates);
      continue;
    }
    for (const unitId of candidates.unitIds) {
      const reason = unavailable(unitId, context);
      if (!reason) return { unitId, ruleId: rule.id, fallback: false, skipped };
      skipped.push({ ruleId: rule.id, unitId, reason });
    }
  }
  return { unitId: rules.fallbackUnitId, ruleId: FALLBACK_RULE, fallback: true, skipped };
};

/** The customer is told about a move to `to` when the rules say so. */
export const noticeFor = (rules: Pick<RoutingRules, 'customerNotices'>, to: OrderStatus) =>
  rules.customerNotices.includes(to);
