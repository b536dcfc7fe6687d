// Which dealer a request goes to, by order routing's own rules and evaluator (not a copy of them):
// the customer's preferred dealer, else the dealers the region rules name, each only when it serves
// the request's category; what no dealer takes goes to the rules' fallback queue. Category rules
// place orders with fulfilment units and are not for requests. A unit's delivery area, hours and
// capacity are for orders: the customer may choose a dealer outside their city, and a request waits
// for the dealer to open, so none of them is looked at here.
import type { Unit } from '../../../shared/directory.js';
import {
  type OrderFacts,
  type RoutingDecision,
  type RoutingRule,
  type RoutingRules,
  route,
  type Skipped,
  servesCategory,
  unitsToLoad,
} from '../../order-routing/public.js';
import type { RequestKind } from './request-input.js';

/** Request kinds that are a category of the dealers' work by themselves; others go by the product asked about. */
export const kindCategories: Partial<Record<RequestKind, string>> = { service: 'servis' };

export interface RequestFacts {
  kind: RequestKind;
  /** The catalogue category of the product the request names, if any. */
  productCategory?: string;
  city?: string;
  region?: string;
  preferredDealerId?: string;
}

const orderFactsOf = (facts: RequestFacts): OrderFacts => ({
  city: facts.city,
  region: facts.region,
  category: kindCategories[facts.kind] ?? facts.productCategory,
  preferredDealerId: facts.preferredDealerId,
});

/** The units to load before choosing: those the rules name and the preferred dealer. */
export const dealersToLoad = (rules: RoutingRules, facts: RequestFacts) => unitsToLoad(rules, orderFactsOf(facts));

/** The rules narrowed to dealers: the preferred-dealer rule, and region rules with only the dealers that serve the category. */
export const dealerRules = (
  rules: RoutingRules,
  units: ReadonlyMap<string, Unit>,
  facts: OrderFacts,
): RoutingRules => ({
  ...rules,
  rules: rules.rules.flatMap((rule): RoutingRule[] => {
    if (rule.kind === 'preferred-dealer') return [rule];
    if (rule.kind !== 'region') return [];
    const unitIds = rule.unitIds.filter((unitId) => {
      const unit = units.get(unitId);
      return unit?.kind === 'dealer' && servesCategory(unit, facts);
    });
    return unitIds.length ? [{ ...rule, unitIds }] : [];
  }),
});

export const chooseDealer = (
  rules: RoutingRules,
  facts: RequestFacts,
  units: ReadonlyMap<string, Unit>,
  now: Date,
  /** Dealers the request was sent to before: passed over. */
  tried: readonly string[] = [],
): RoutingDecision => {
  const orderFacts = orderFactsOf(facts);
  // A request about no product in particular (a test drive of a model, an appraisal) suits any dealer.
  const asForRequests = new Map(
    [...units].map(([unitId, unit]) => [
      unitId,
      {
        ...unit,
        cities: [],
        regions: [],
        categories: orderFacts.category ? unit.categories : [],
        hours: undefined,
        capacity: undefined,
      },
    ]),
  );
  return route(dealerRules(rules, asForRequests, orderFacts), orderFacts, {
    units: asForRequests,
    openOrders: new Map(),
    now,
    tried,
  });
};

/** Where a declined request goes: to the next dealer, or back to the call center that recorded it. */
export type AfterDecline = { to: 'dealer'; decision: RoutingDecision } | { to: 'call-center'; skipped: Skipped[] };

/**
 * A dealer's decline sends the request on by the same rules, passing over every dealer it was sent
 * to (so two dealers never bounce it between them); when no other dealer takes it — the rules end in
 * their fallback queue — it goes back to the call center, declined, rather than to a queue no dealer
 * works.
 */
export const afterDecline = (
  rules: RoutingRules,
  facts: RequestFacts,
  units: ReadonlyMap<string, Unit>,
  tried: readonly string[],
  now: Date,
): AfterDecline => {
  const decision = chooseDealer(rules, facts, units, now, tried);
  return decision.fallback ? { to: 'call-center', skipped: decision.skipped } : { to: 'dealer', decision };
};
