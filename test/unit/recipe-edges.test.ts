// Recipe answers the main recipe tests never asked for: each refusal's field and words in both
// languages, the recipe body's bounds, the SKUs a recipe names, and a cycle met while rolling up.
import { describe, expect, it } from 'vitest';
import type { Product } from '../../functions/catalogue/domain/catalogue.js';
import {
  componentSchema,
  type Recipe,
  RecipeCycleError,
  recipeBodySchema,
  refuseCycle,
  rollUp,
  skusOf,
} from '../../functions/recipes/domain/recipe.js';
import { money } from '../../shared/money.js';
import { component, recipe } from '../support/recipes.js';
import { issuesOf, refusal } from '../support/refusals.js';

const product = (sku: string, amount: number): Product => ({
  sku,
  name: { tr: sku, en: sku },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'parça',
  cost: { amount, currency: 'TRY' },
  taxRateBp: 2000,
  active: true,
});
const roll = (recipes: Recipe[], products: Product[] = [], choices?: Parameters<typeof rollUp>[0]['choices']) =>
  rollUp({
    sku: recipes[0]!.sku,
    recipes: new Map(recipes.map((r) => [r.sku, r])),
    products: new Map(products.map((p) => [p.sku, p])),
    rates: [],
    currency: 'TRY',
    date: '2026-08-01',
    choices,
  });

describe("a recipe's refusals", () => {
  it('names a component with no cost of its own nor in the catalogue, in both languages', () => {
    expect(
      refusal(() => roll([recipe('KIT', [component('BOLT', 1, { unitCost: money(5, 'TRY') }), component('NUT', 2)])])),
    ).toEqual({
      status: 400,
      code: 'validation-failed',
      detail: expect.anything(),
      errors: [
        [
          'components.1',
          'NUT has no cost: neither its own nor in the catalogue.',
          'NUT için maliyet yok: ne kendi maliyeti ne katalogda.',
        ],
      ],
    });
  });

  it('says there is no recipe at the path it was asked for', () => {
    const refused = refusal(() =>
      rollUp({ sku: 'NONE', recipes: new Map(), products: new Map(), rates: [], currency: 'TRY', date: '2026-08-01' }),
    );
    expect(refused.errors).toEqual([['components', 'No recipe.', 'Reçete yok.']]);
  });

  it('says why a choice is refused, in both languages', () => {
    const kit = recipe('KIT', [
      component('BOLT', 1, { unitCost: money(5, 'TRY'), alternatives: [{ sku: 'SCREW', supplier: 'Vida AŞ' }] }),
    ]);
    expect(
      refusal(() => roll([kit], [], { omit: ['BOLT', 'NUT'], substitute: [{ sku: 'BOLT', with: 'NAIL' }] })).errors,
    ).toEqual([
      ['components.omit.0', 'BOLT cannot be left out.', 'BOLT çıkarılamaz.'],
      ['components.omit.1', 'NUT is not in the recipe.', 'NUT reçetede yok.'],
      ['components.substitute.0.with', 'NAIL is not an alternative to BOLT.', 'NAIL, BOLT yerine kullanılamaz.'],
    ]);
  });

  it('takes an alternative without its own cost at the catalogue cost, from its own supplier', () => {
    const kit = recipe('KIT', [
      component('BOLT', 3, { unitCost: money(5, 'TRY'), alternatives: [{ sku: 'SCREW', supplier: 'Vida AŞ' }] }),
    ]);
    const rolled = roll([kit], [product('SCREW', 7)], { omit: [], substitute: [{ sku: 'BOLT', with: 'SCREW' }] });
    expect(rolled).toEqual({
      unitCost: money(21, 'TRY'),
      components: [
        {
          sku: 'SCREW',
          kind: 'product',
          quantity: 3,
          supplier: 'Vida AŞ',
          unitCost: money(7, 'TRY'),
          cost: money(21, 'TRY'),
          substitutes: 'BOLT',
        },
      ],
    });
  });

  it('refuses a cycle met while rolling up, naming the chain and the component leading back', () => {
    const a = recipe('A', [component('B', 1)]);
    const b = recipe('B', [component('A', 1)]);
    expect(refusal(() => roll([a, b]))).toEqual({
      status: 422,
      code: 'recipe-cycle',
      detail: { en: 'The recipe contains itself: A → B → A.', tr: 'Reçete kendini içeriyor: A → B → A.' },
      errors: [['components.0.0', 'Leads back to A.', 'A ürününe geri dönüyor.']],
    });
  });

  it('looks past a component without a recipe to the next one that leads back', () => {
    const others = new Map([['STAY', recipe('STAY', [component('ROOM', 1), component('TOUR', 1)])]]);
    expect(refusal(() => refuseCycle('TOUR', [component('STAY', 1)], others)).detail).toMatchObject({
      en: 'The recipe contains itself: TOUR → STAY → TOUR.',
    });
  });

  it('names the chain when a saved recipe would contain itself', () => {
    const others = new Map([['STAY', recipe('STAY', [component('TOUR', 1)])]]);
    expect(refusal(() => refuseCycle('TOUR', [component('STAY', 1)], others))).toMatchObject({
      detail: { en: 'The recipe contains itself: TOUR → STAY → TOUR.' },
      errors: [['components.0.sku', 'Leads back to TOUR.', 'TOUR ürününe geri dönüyor.']],
    });
    expect(new RecipeCycleError('x', ['A', 'A']).status).toBe(422);
  });
});

describe('the recipe body', () => {
  const body = (components: unknown[]) => ({ components });
  const bolt = { sku: 'BOLT', kind: 'product', quantity: 1, supplier: 'Cıvata AŞ' };

  it('takes a component from 1 to 1 000 000 units, at a cost of zero or more', () => {
    expect(issuesOf(recipeBodySchema, body([bolt]))).toEqual([]);
    expect(issuesOf(recipeBodySchema, body([{ ...bolt, quantity: 1_000_000, unitCost: money(0, 'TRY') }]))).toEqual([]);
    expect(issuesOf(recipeBodySchema, body([{ ...bolt, quantity: 0 }]))).toEqual([
      ['components.0.quantity', 'too_small'],
    ]);
    expect(issuesOf(recipeBodySchema, body([{ ...bolt, quantity: 1_000_001 }]))).toEqual([
      ['components.0.quantity', 'too_big'],
    ]);
    expect(issuesOf(recipeBodySchema, body([{ ...bolt, unitCost: money(-1, 'TRY') }]))).toEqual([
      ['components.0.unitCost', 'custom'],
    ]);
  });

  it('needs a component, and defaults a component to required with no alternatives', () => {
    expect(issuesOf(recipeBodySchema, body([]))).toEqual([['components', 'too_small']]);
    expect(componentSchema.parse(bolt)).toEqual({ ...bolt, optional: false, alternatives: [] });
    expect(issuesOf(recipeBodySchema, { ...body([bolt]), seq: -1 })).toEqual([['seq', 'too_small']]);
    expect(issuesOf(recipeBodySchema, { ...body([bolt]), seq: 0 })).toEqual([]);
  });

  it('names every SKU of its components, alternatives included', () => {
    const components = [
      component('BOLT', 1, {
        alternatives: [
          { sku: 'SCREW', supplier: 'x' },
          { sku: 'NAIL', supplier: 'y' },
        ],
      }),
      component('NUT', 1),
    ];
    expect(skusOf(components)).toEqual(['BOLT', 'SCREW', 'NAIL', 'NUT']);
  });
});
