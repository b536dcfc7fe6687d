// A recipe: a catalogue product made of components (products or services, each with a quantity, its
// own cost and supplier). A quote line for the product keeps its price from the price list and takes
// its cost from the components, converted at the quote's date into the quote's currency.
import { add, type Money, moneySchema, multiply, zero } from '../../../shared/money.js';
import { type FieldProblem, ProblemError, ValidationError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { convertOn, type FxRate, type Product } from '../../catalogue/public.js';

const sku = z.requiredLine(64);
const cost = moneySchema.check(
  z.refine((m) => m.amount >= 0, z.said({ en: 'A cost cannot be negative.', tr: 'Maliyet negatif olamaz.' })),
);
const supplier = z.requiredLine(200);

/** What may stand in for a component on one quote: another product, at its own cost, from its own supplier. */
const alternativeSchema = z.strictObject({ sku, unitCost: z.optional(cost), supplier });

export const componentSchema = z.strictObject({
  sku,
  kind: z.enum(['product', 'service']),
  quantity: z.int().check(z.gte(1), z.lte(1_000_000)),
  /** Its own cost per unit; without it, the component's own recipe or the catalogue's cost. */
  unitCost: z.optional(cost),
  supplier,
  /** A quote may leave an optional component out. */
  optional: z._default(z.boolean(), false),
  alternatives: z._default(z.array(alternativeSchema).check(z.maxLength(20)), []),
});
export type Component = z.infer<typeof componentSchema>;

export const recipeBodySchema = z.strictObject({
  components: z
    .array(componentSchema)
    .check(
      z.minLength(1, z.said({ en: 'A recipe needs a component.', tr: 'Reçetede en az bir bileşen olmalı.' })),
      z.maxLength(100),
    ),
  /** The seq the caller read; a save based on a stale read is refused. 0 or absent: a new recipe. */
  seq: z.optional(z.int().check(z.gte(0))),
});

export interface Recipe {
  sku: string;
  components: Component[];
  seq: number;
  updatedAt: string;
  updatedBy: string;
}

/** A quote's choices for a recipe line: optional components left out, components replaced by an alternative. */
export const recipeChoicesSchema = z.strictObject({
  omit: z._default(z.array(sku).check(z.maxLength(100)), []),
  substitute: z._default(z.array(z.strictObject({ sku, with: sku })).check(z.maxLength(100)), []),
});
export type RecipeChoices = z.infer<typeof recipeChoicesSchema>;

/** A component as the quote line keeps it: what it cost on the quote date, whatever the recipe says later. */
export interface CostedComponent {
  sku: string;
  kind: 'product' | 'service';
  quantity: number;
  supplier: string;
  /** In the quote's currency, converted at the quote date. */
  unitCost: Money;
  cost: Money;
  /** The recipe's component this one stands in for. */
  substitutes?: string;
}

export class RecipeCycleError extends ProblemError {
  constructor(path: string, chain: readonly string[]) {
    const shown = chain.join(' → ');
    super(
      422,
      'recipe-cycle',
      { en: `The recipe contains itself: ${shown}.`, tr: `Reçete kendini içeriyor: ${shown}.` },
      [{ path, message: { en: `Leads back to ${chain[0]}.`, tr: `${chain[0]} ürününe geri dönüyor.` } }],
    );
  }
}

/**
 * Refuses a recipe for `sku` whose components reach `sku` again, directly or through other recipes
 * (`recipes` holds every recipe reachable from the components), naming the component that leads back.
 */
export const refuseCycle = (
  ownSku: string,
  components: readonly Component[],
  recipes: ReadonlyMap<string, Pick<Recipe, 'components'>>,
) => {
  const leadsBack = (from: string, chain: string[], seen: Set<string>): string[] | undefined => {
    if (from === ownSku) return chain;
    if (seen.has(from)) return undefined;
    seen.add(from);
    for (const next of recipes.get(from)?.components ?? []) {
      const found = leadsBack(next.sku, [...chain, next.sku], seen);
      if (found) return found;
    }
    return undefined;
  };
  components.forEach((component, i) => {
    const chain = leadsBack(component.sku, [ownSku, component.sku], new Set());
    if (chain) throw new RecipeCycleError(`components.${i}.sku`, chain);
  });
};

/** Every SKU a set of components names, alternatives included. */
export const skusOf = (components: readonly Component[]) =>
  components.flatMap((c) => [c.sku, ...c.alternatives.map((a) => a.sku)]);

export interface RollUpInput {
  sku: string;
  recipes: ReadonlyMap<string, Recipe>;
  products: ReadonlyMap<string, Product>;
  rates: readonly FxRate[];
  currency: string;
  date: string;
  choices?: RecipeChoices;
}

const noCost = (path: string, componentSku: string) =>
  new ValidationError([
    {
      path,
      message: {
        en: `${componentSku} has no cost: neither its own nor in the catalogue.`,
        tr: `${componentSku} için maliyet yok: ne kendi maliyeti ne katalogda.`,
      },
    },
  ]);

/**
 * One unit of `sku`'s cost in `currency` on `date`, component by component: each unit cost is
 * converted and rounded to the minor unit on its own, then multiplied by its quantity, so the costs
 * printed beside the components add up to the line's unit cost. Choices apply to the top recipe only.
 */
export const rollUp = (
  input: RollUpInput,
  path = 'components',
  outer: readonly string[] = [],
): { unitCost: Money; components: CostedComponent[] } => {
  const { recipes, products, rates, currency, date } = input;
  const recipe = recipes.get(input.sku);
  if (!recipe) throw new ValidationError([{ path, message: { en: 'No recipe.', tr: 'Reçete yok.' } }]);
  const choices = input.choices ?? { omit: [], substitute: [] };
  checkChoices(recipe, choices, path);
  const seen = [...outer, input.sku];
  const costOf = (componentSku: string, own: Money | undefined, at: string): Money => {
    if (own) return convertOn(own, currency, rates, date);
    if (recipes.has(componentSku)) {
      // A cycle written by two saves at once is refused here rather than followed for ever.
      if (seen.includes(componentSku)) throw new RecipeCycleError(at, [...seen, componentSku]);
      return rollUp({ ...input, sku: componentSku, choices: undefined }, at, seen).unitCost;
    }
    const product = products.get(componentSku);
    if (!product) throw noCost(at, componentSku);
    return convertOn(product.cost, currency, rates, date);
  };
  const components = recipe.components.flatMap((component, i): CostedComponent[] => {
    if (choices.omit.includes(component.sku)) return [];
    const at = `${path}.${i}`;
    const swap = choices.substitute.find((s) => s.sku === component.sku);
    const alternative = swap && component.alternatives.find((a) => a.sku === swap.with);
    const chosen = alternative ?? component;
    const unitCost = costOf(chosen.sku, chosen.unitCost, at);
    return [
      {
        sku: chosen.sku,
        kind: component.kind,
        quantity: component.quantity,
        supplier: chosen.supplier,
        unitCost,
        cost: multiply(unitCost, component.quantity),
        ...(alternative ? { substitutes: component.sku } : {}),
      },
    ];
  });
  const unitCost = components.reduce((total, c) => add(total, c.cost), zero(currency));
  return { unitCost, components };
};

/** A quote may leave out only optional components and replace one only by one of its alternatives. */
const checkChoices = (recipe: Recipe, choices: RecipeChoices, path: string) => {
  const problems: FieldProblem[] = [];
  choices.omit.forEach((omitted, i) => {
    const component = recipe.components.find((c) => c.sku === omitted);
    if (!component?.optional) {
      problems.push({
        path: `${path}.omit.${i}`,
        message: component
          ? { en: `${omitted} cannot be left out.`, tr: `${omitted} çıkarılamaz.` }
          : { en: `${omitted} is not in the recipe.`, tr: `${omitted} reçetede yok.` },
      });
    }
  });
  choices.substitute.forEach((swap, i) => {
    const component = recipe.components.find((c) => c.sku === swap.sku);
    if (!component?.alternatives.some((a) => a.sku === swap.with)) {
      problems.push({
        path: `${path}.substitute.${i}.with`,
        message: {
          en: `${swap.with} is not an alternative to ${swap.sku}.`,
          tr: `${swap.with}, ${swap.sku} yerine kullanılamaz.`,
        },
      });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems);
};
