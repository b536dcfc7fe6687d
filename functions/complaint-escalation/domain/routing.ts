// Routing rules as data: a case's category names the department that owns it; dealer matters go to
// the customer's preferred dealer, else the dealer of their region, overseen by a department.
import type { CaseCategory } from './case-input.js';

export interface RoutingRules {
  byCategory: Partial<Record<CaseCategory, string>>;
  /** Categories a dealer handles. */
  dealerCategories: readonly CaseCategory[];
  /** The department that oversees dealer cases (its ladder escalates them). */
  dealerDepartment: string;
  /** Region → dealer, when the customer has no preferred dealer. */
  dealerByRegion: Record<string, string>;
  /** Where anything else goes. */
  fallbackDepartment: string;
}

export const routingRules: RoutingRules = {
  byCategory: {
    product: 'dept-product',
    billing: 'dept-finance',
    delivery: 'dept-logistics',
    website: 'dept-customer-service',
  },
  dealerCategories: ['service', 'test-drive'],
  dealerDepartment: 'dept-dealer-relations',
  dealerByRegion: { 'İç Anadolu': 'dealer-ankara' },
  fallbackDepartment: 'dept-customer-service',
};

export interface RoutingFacts {
  category: CaseCategory;
  preferredDealerId?: string;
  region?: string;
}

export interface Route {
  /** The department whose ladder and hours govern the case. */
  departmentId: string;
  /** Who works it: the department itself, or a dealer. */
  unit: { type: 'department' | 'dealer'; id: string };
  rule: 'category' | 'preferred-dealer' | 'region-dealer' | 'fallback';
}

export const routeCase = (facts: RoutingFacts, rules: RoutingRules = routingRules): Route => {
  if (rules.dealerCategories.includes(facts.category)) {
    const departmentId = rules.dealerDepartment;
    if (facts.preferredDealerId)
      return { departmentId, unit: { type: 'dealer', id: facts.preferredDealerId }, rule: 'preferred-dealer' };
    const regional = facts.region ? rules.dealerByRegion[facts.region] : undefined;
    if (regional) return { departmentId, unit: { type: 'dealer', id: regional }, rule: 'region-dealer' };
    return { departmentId, unit: { type: 'department', id: departmentId }, rule: 'fallback' };
  }
  const departmentId = rules.byCategory[facts.category];
  if (departmentId) return { departmentId, unit: { type: 'department', id: departmentId }, rule: 'category' };
  return {
    departmentId: rules.fallbackDepartment,
    unit: { type: 'department', id: rules.fallbackDepartment },
    rule: 'fallback',
  };
};
