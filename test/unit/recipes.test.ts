import { describe, expect, it } from 'vitest';
import type { FxRate, PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import {
  type ApprovalPolicy,
  evaluatePolicy,
  policyFacts,
} from '../../functions/quote-approval/domain/approval-policy.js';
import { buildQuote } from '../../functions/quote-approval/domain/quote-builder.js';
import { type Component, type Recipe, refuseCycle, rollUp } from '../../functions/recipes/domain/recipe.js';
import { money } from '../../shared/money.js';
import { ProblemError } from '../../shared/problems.js';
import { recipe, component as serviceOrProduct } from '../support/recipes.js';

const product = (sku: string, cost: [number, string]): Product => ({
  sku,
  name: { tr: `${sku} tr`, en: `${sku} en` },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'tur',
  cost: { amount: cost[0], currency: cost[1] },
  taxRateBp: 2000,
  active: true,
});
const products = new Map(
  [
    product('TOUR', [1, 'TRY']),
    product('FLIGHT', [300_000, 'TRY']),
    product('HOTEL', [0, 'TRY']),
    product('HOTEL-SEA', [0, 'TRY']),
    product('TRANSFER', [40_000, 'TRY']),
    product('GUIDE', [25_000, 'TRY']),
  ].map((p) => [p.sku, p]),
);
// The agency's tours are made of services.
const component = (sku: string, quantity: number, extra: Partial<Component> = {}) =>
  serviceOrProduct(sku, quantity, { kind: 'service', ...extra });
const rates: FxRate[] = [
  { date: '2026-07-01', currency: 'EUR', rateToTry: '40.0000' },
  { date: '2026-08-03', currency: 'EUR', rateToTry: '41.0000' },
];
const tour = recipe('TOUR', [
  // The catalogue's cost: 3,000.00 TRY.
  component('FLIGHT', 1),
  // 85.55 EUR a night, five nights: at 40 TRY that is 3,422.00 TRY a night.
  component('HOTEL', 5, {
    unitCost: money(8_555, 'EUR'),
    alternatives: [{ sku: 'HOTEL-SEA', unitCost: money(9_999, 'EUR'), supplier: 'Deniz Otel' }],
  }),
  component('TRANSFER', 2),
  component('GUIDE', 1, { optional: true }),
]);
const recipes = new Map([[tour.sku, tour]]);
const at = (date: string, choices?: Parameters<typeof rollUp>[0]['choices']) =>
  rollUp({ sku: 'TOUR', recipes, products, rates, currency: 'TRY', date, choices });

const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ProblemError) return { code: error.code, paths: error.errors.map((e) => e.path) };
    throw error;
  }
  throw new Error('no problem');
};

describe("a recipe's cost", () => {
  it('rolls up its components at the rates of the date, each unit cost rounded to the kuruş first', () => {
    const rolled = at('2026-08-01');
    // 3,000.00 + 5 × 3,422.00 + 2 × 400.00 + 250.00 = 21,160.00 TRY.
    expect(rolled.components.map((c) => [c.sku, c.unitCost.amount, c.cost.amount])).toEqual([
      ['FLIGHT', 300_000, 300_000],
      ['HOTEL', 342_200, 1_711_000],
      ['TRANSFER', 40_000, 80_000],
      ['GUIDE', 25_000, 25_000],
    ]);
    expect(rolled.unitCost).toEqual(money(2_116_000, 'TRY'));
    // A day before the new rate and on it: 85.55 EUR is 3,422.00 then 3,507.55 TRY.
    expect(at('2026-08-02').unitCost.amount).toBe(2_116_000);
    expect(at('2026-08-03').unitCost.amount).toBe(2_116_000 + 5 * (350_755 - 342_200));
  });

  it('leaves out an optional component and takes an alternative when the quote asks', () => {
    const rolled = at('2026-08-01', { omit: ['GUIDE'], substitute: [{ sku: 'HOTEL', with: 'HOTEL-SEA' }] });
    // 99.99 EUR × 40 = 3,999.60 TRY a night.
    expect(rolled.components.map((c) => [c.sku, c.cost.amount, c.supplier, c.substitutes])).toEqual([
      ['FLIGHT', 300_000, 'FLIGHT supplier', undefined],
      ['HOTEL-SEA', 1_999_800, 'Deniz Otel', 'HOTEL'],
      ['TRANSFER', 80_000, 'TRANSFER supplier', undefined],
    ]);
    expect(rolled.unitCost.amount).toBe(300_000 + 1_999_800 + 80_000);
  });

  it('refuses to leave out a required component or to substitute what is not an alternative', () => {
    expect(problemOf(() => at('2026-08-01', { omit: ['FLIGHT', 'NOPE'], substitute: [] }))).toEqual({
      code: 'validation-failed',
      paths: ['components.omit.0', 'components.omit.1'],
    });
    expect(
      problemOf(() => at('2026-08-01', { omit: [], substitute: [{ sku: 'TRANSFER', with: 'HOTEL-SEA' }] })),
    ).toEqual({ code: 'validation-failed', paths: ['components.substitute.0.with'] });
  });

  it('takes a component that has its own recipe at that recipe’s rolled-up cost', () => {
    const stay = recipe('HOTEL', [component('HOTEL-SEA', 2, { unitCost: money(10_000, 'TRY') })]);
    const withStay = new Map([...recipes, ['HOTEL', { ...stay }]]);
    const inner = recipe('TOUR', [component('HOTEL', 3), component('FLIGHT', 1)]);
    withStay.set('TOUR', inner);
    const rolled = rollUp({ sku: 'TOUR', recipes: withStay, products, rates, currency: 'TRY', date: '2026-08-01' });
    expect(rolled.unitCost.amount).toBe(3 * 20_000 + 300_000);
  });
});

describe('a recipe that contains itself', () => {
  it('is refused when a component is the product itself, naming that component', () => {
    expect(problemOf(() => refuseCycle('TOUR', [component('FLIGHT', 1), component('TOUR', 1)], new Map()))).toEqual({
      code: 'recipe-cycle',
      paths: ['components.1.sku'],
    });
  });

  it('is refused when a component reaches the product through other recipes', () => {
    const others = new Map([
      ['STAY', recipe('STAY', [component('ROOM', 1)])],
      ['ROOM', recipe('ROOM', [component('TOUR', 1)])],
    ]);
    expect(problemOf(() => refuseCycle('TOUR', [component('FLIGHT', 1), component('STAY', 1)], others))).toEqual({
      code: 'recipe-cycle',
      paths: ['components.1.sku'],
    });
    // The same recipes without the way back pass, and a loop among others that never reaches TOUR ends.
    const loop = new Map([
      ['STAY', recipe('STAY', [component('ROOM', 1)])],
      ['ROOM', recipe('ROOM', [component('STAY', 1)])],
    ]);
    expect(() => refuseCycle('TOUR', [component('STAY', 1)], loop)).not.toThrow();
  });
});

describe('a quote line for a recipe product', () => {
  const list: PriceList = {
    id: 'tours',
    name: 'Tours',
    currency: 'TRY',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    prices: [{ sku: 'TOUR', unitPrice: 2_300_000 }],
  };
  it('is priced from the list, costed from its components, and keeps them on the line', () => {
    const quote = buildQuote({
      lines: [{ sku: 'TOUR', quantity: 2, discountBp: 0 }],
      products,
      recipes,
      priceList: list,
      rates,
      quoteDate: '2026-08-01',
    });
    const line = quote.lines[0]!;
    expect(line.unitPrice.amount).toBe(2_300_000);
    expect(line.unitCost.amount).toBe(2_116_000);
    // Net 46,000.00, cost 42,320.00, margin 3,680.00 TRY = 8.00% of net.
    expect([line.net.amount, line.cost.amount, line.margin.amount, line.marginBp]).toEqual([
      4_600_000, 4_232_000, 368_000, 800,
    ]);
    expect(line.components?.map((c) => c.sku)).toEqual(['FLIGHT', 'HOTEL', 'TRANSFER', 'GUIDE']);
  });

  it('lets the approval policy judge the real margin: the components’ 8%, not the catalogue’s near 100%', () => {
    const policy: ApprovalPolicy = [{ id: 'thin-margin', when: { marginBpUnder: 1000 }, approverRole: 'manager' }];
    const priced = (recipesIn: ReadonlyMap<string, Recipe>) =>
      buildQuote({
        lines: [{ sku: 'TOUR', quantity: 2, discountBp: 0 }],
        products,
        recipes: recipesIn,
        priceList: list,
        rates,
        quoteDate: '2026-08-01',
      });
    const real = priced(recipes);
    expect(evaluatePolicy(policy, policyFacts(real.totals, real.netTotalTry))).toMatchObject({
      autoApproved: false,
      steps: [{ role: 'manager', ruleIds: ['thin-margin'] }],
    });
    // Without the recipe the catalogue's 0.01 TRY cost makes the margin look whole: no approval.
    const naive = priced(new Map());
    expect(naive.totals.marginBp).toBe(10_000);
    expect(evaluatePolicy(policy, policyFacts(naive.totals, naive.netTotalTry))).toEqual({ autoApproved: true });
  });

  it('names the line when choices are given for a product without a recipe', () => {
    expect(
      problemOf(() =>
        buildQuote({
          lines: [{ sku: 'FLIGHT', quantity: 1, discountBp: 0, components: { omit: [], substitute: [] } }],
          products,
          recipes,
          priceList: { ...list, prices: [{ sku: 'FLIGHT', unitPrice: 1 }] },
          rates,
          quoteDate: '2026-08-01',
        }),
      ),
    ).toEqual({ code: 'validation-failed', paths: ['lines.0.components'] });
  });
});
