// Routing and lifecycle answers the main routing tests never asked for: which units a routing loads,
// which moves reach the customer by mail, a unit that names no area, and a refusal in Turkish.
import { describe, expect, it } from 'vitest';
import { orderLifecycle, orderMoves } from '../../functions/order-routing/domain/lifecycle.js';
import {
  noticeFor,
  type RoutingRules,
  route,
  routingRulesSchema,
  rulesChangeSchema,
  servesCategory,
  servesRegion,
  unitsToLoad,
} from '../../functions/order-routing/domain/routing.js';
import { issuesOf, messagesOf, refusal } from '../support/refusals.js';
import { unit } from '../support/units.js';

const rules: RoutingRules = {
  rules: [
    { id: 'preferred', kind: 'preferred-dealer' },
    { id: 'ankara', kind: 'region', cities: ['Ankara'], unitIds: ['dealer-ankara', 'dept-desk'] },
  ],
  fallbackUnitId: 'dept-desk',
  customerNotices: ['shipped'],
};
const workday = new Date('2026-03-04T07:00:00Z');

describe('what a routing loads and tells', () => {
  it('loads every unit the rules name once, and the preferred dealer only when there is one', () => {
    expect(unitsToLoad(rules, {})).toEqual(['dealer-ankara', 'dept-desk']);
    expect(unitsToLoad(rules, { preferredDealerId: 'dealer-izmir' })).toEqual([
      'dealer-ankara',
      'dept-desk',
      'dealer-izmir',
    ]);
    expect(unitsToLoad(rules, { preferredDealerId: 'dealer-ankara' })).toEqual(['dealer-ankara', 'dept-desk']);
  });

  it('mails the customer about the moves the rules list, and no other', () => {
    expect(noticeFor(rules, 'shipped')).toBe(true);
    expect(noticeFor(rules, 'delivered')).toBe(false);
    expect(noticeFor({ customerNotices: [] }, 'shipped')).toBe(false);
  });

  it('counts a unit that names no city, region or category as serving all of them', () => {
    const anywhere = unit('anywhere');
    expect(servesRegion(anywhere, { city: 'Van' })).toBe(true);
    expect(servesRegion(anywhere, {})).toBe(true);
    expect(servesCategory(anywhere, { category: 'forklift' })).toBe(true);
    const byRegion = unit('ege', { regions: ['Ege'] });
    expect(servesRegion(byRegion, { region: 'EGE' })).toBe(true);
    expect(servesRegion(byRegion, { region: 'Marmara', city: 'Ege' })).toBe(false);
    expect(servesRegion(byRegion, {})).toBe(false);
    const byCity = unit('izmir', { cities: ['İzmir'] });
    expect(servesRegion(byCity, { city: 'izmir' })).toBe(true);
    expect(servesRegion(byCity, { region: 'İzmir' })).toBe(false);
    const byCategory = unit('lifts', { categories: ['forklift'] });
    expect(servesCategory(byCategory, { category: 'Forklift' })).toBe(true);
    expect(servesCategory(byCategory, {})).toBe(false);
  });

  it('takes a preferred dealer that serves everywhere and everything', () => {
    const units = new Map([['dealer-any', unit('dealer-any')]]);
    const decision = route(
      rules,
      { city: 'Van', preferredDealerId: 'dealer-any' },
      { units, openOrders: new Map(), now: workday },
    );
    expect(decision).toEqual({ unitId: 'dealer-any', ruleId: 'preferred', fallback: false, skipped: [] });
  });

  it('passes over a unit the rules name that the directory does not know, to the next one', () => {
    const units = new Map([['dept-desk', unit('dept-desk', { kind: 'department' })]]);
    const decision = route(rules, { city: 'Ankara' }, { units, openOrders: new Map(), now: workday });
    expect(decision).toEqual({
      unitId: 'dept-desk',
      ruleId: 'ankara',
      fallback: false,
      skipped: [
        { ruleId: 'preferred', reason: 'no-preferred-dealer' },
        { ruleId: 'ankara', unitId: 'dealer-ankara', reason: 'unknown-unit' },
      ],
    });
  });

  it('counts a unit with a capacity and no open orders as having room', () => {
    const units = new Map([['dealer-ankara', unit('dealer-ankara', { capacity: 1 })]]);
    const decision = route(rules, { city: 'Ankara' }, { units, openOrders: new Map(), now: workday });
    expect(decision.unitId).toBe('dealer-ankara');
    const full = route(rules, { city: 'Ankara' }, { units, openOrders: new Map([['dealer-ankara', 1]]), now: workday });
    expect(full.skipped).toContainEqual({ ruleId: 'ankara', unitId: 'dealer-ankara', reason: 'at-capacity' });
  });
});

describe('the moves an order offers through the API', () => {
  it('offers a routed order to staff as acknowledge or cancel, never the system’s re-route', () => {
    expect(orderMoves('routed', 'manager')).toEqual([
      { action: 'acknowledge', to: 'acknowledged' },
      { action: 'cancel', to: 'cancelled' },
    ]);
    expect(orderMoves('routed', 'dealer')).toEqual([{ action: 'acknowledge', to: 'acknowledged' }]);
    expect(orderMoves('received', 'manager')).toEqual([{ action: 'cancel', to: 'cancelled' }]);
  });

  it('offers each later move by its target status', () => {
    expect(orderMoves('acknowledged', 'dealer')).toEqual([
      { action: 'start', to: 'in_progress' },
      { action: 'ship', to: 'shipped' },
    ]);
    expect(orderMoves('in_progress', 'dealer')).toEqual([{ action: 'ship', to: 'shipped' }]);
    expect(orderMoves('shipped', 'dealer')).toEqual([{ action: 'deliver', to: 'delivered' }]);
    expect(orderMoves('delivered', 'dealer')).toEqual([{ action: 'return', to: 'returned' }]);
    expect(orderMoves('cancelled', 'admin')).toEqual([]);
    expect(orderMoves('returned', 'admin')).toEqual([]);
  });
});

describe('the order lifecycle in Turkish', () => {
  it('names the status and the action in Turkish when it refuses a move', () => {
    const refused = refusal(() => orderLifecycle.apply('shipped', 'cancel'));
    expect(refused.detail).toEqual({
      en: 'A shipped order cannot take "cancel"; it can take "deliver".',
      tr: '"Sevk edildi" durumundaki sipariş "iptal" adımını atamaz; atabileceği adımlar: "teslim".',
    });
  });
});

describe('the routing rules data', () => {
  const base = { fallbackUnitId: 'dept-desk' };
  const rule = (over: Record<string, unknown>) => ({ ...base, rules: [{ id: 'r', unitIds: ['u1'], ...over }] });

  it('takes a region rule naming cities only or regions only, and refuses one naming neither on cities', () => {
    expect(issuesOf(routingRulesSchema, rule({ kind: 'region', cities: ['Ankara'] }))).toEqual([]);
    expect(issuesOf(routingRulesSchema, rule({ kind: 'region', regions: ['Ege'] }))).toEqual([]);
    expect(messagesOf(routingRulesSchema, rule({ kind: 'region', cities: [], regions: [] }))).toEqual([
      ['rules.0.cities', 'Name a city or a region.'],
    ]);
    expect(messagesOf(routingRulesSchema, rule({ kind: 'region' }), 'tr')).toEqual([
      ['rules.0.cities', 'Bir şehir veya bölge belirtin.'],
    ]);
  });

  it('takes a category rule, and says a category and a unit are needed, in both languages', () => {
    expect(issuesOf(routingRulesSchema, rule({ kind: 'category', categories: ['forklift'] }))).toEqual([]);
    const bare = rule({ kind: 'category', categories: [], unitIds: [] });
    expect(messagesOf(routingRulesSchema, bare)).toEqual([
      ['rules.0.categories', 'Name a category.'],
      ['rules.0.unitIds', 'Name at least one unit.'],
    ]);
    expect(messagesOf(routingRulesSchema, bare, 'tr')).toEqual([
      ['rules.0.categories', 'Bir kategori belirtin.'],
      ['rules.0.unitIds', 'En az bir birim belirtin.'],
    ]);
  });

  it('takes rules of different ids, and refuses two of one id on rules', () => {
    const two = (second: string) => ({
      ...base,
      rules: [
        { id: 'a', kind: 'preferred-dealer' },
        { id: second, kind: 'preferred-dealer' },
      ],
    });
    expect(issuesOf(rulesChangeSchema, two('b'))).toEqual([]);
    expect(issuesOf(routingRulesSchema, two('b'))).toEqual([]);
    expect(issuesOf(routingRulesSchema, two('a'))).toEqual([['rules', 'custom']]);
  });
});
