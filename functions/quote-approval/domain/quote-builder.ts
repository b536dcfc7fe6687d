// A quote's figures from what the rep asked for: products from the catalogue, unit prices from the
// chosen price list on the quote date, costs converted into the quote's currency, totals, their TRY
// equivalents, and the payment plan. Pure: the caller reads the catalogue and passes it in.
import { convert, type Money, subtract } from '../../../shared/money.js';
import { type FieldProblem, ProblemError, ValidationError } from '../../../shared/problems.js';
import { dateProblem } from '../../../shared/time.js';
import { convertOn, type FxRate, fxRateOn, type PriceList, type Product, priceFor } from '../../catalogue/public.js';
import { type CostedComponent, type Recipe, type RecipeChoices, rollUp } from '../../recipes/public.js';
import type { Bilingual } from './approval-policy.js';
import { type Instalment, instalments, planFromShares } from './payment-plan.js';
import { type PricedLine, priceQuote, type QuoteTotals } from './pricing.js';

export interface LineInput {
  sku: string;
  quantity: number;
  /** Line discount in basis points: 1250 = 12.5%. */
  discountBp: number;
  /** For a product with a recipe: this quote's choices among its components. */
  components?: RecipeChoices;
}

/** How the customer pays: equal instalments, or shares of the total on given dates. */
export type PaymentTerms =
  | { type: 'instalments'; count: number; firstDueDate: string; intervalMonths?: number }
  | { type: 'shares'; parts: { dueDate: string; shareBp: number }[] };

/** A priced line with what the customer reads about the product, frozen as it was quoted. */
export interface QuoteLine extends PricedLine {
  name: Bilingual;
  description: Bilingual;
  unit: string;
  unitPrice: Money;
  discountBp: number;
  unitCost: Money;
  /** A recipe product's components as costed on the quote date: a later recipe change leaves them be. */
  components?: CostedComponent[];
  /** The choices the rep made among the recipe's components, so an edit prices them again alike. */
  componentChoices?: RecipeChoices;
}

export interface QuoteFigures {
  currency: string;
  quoteDate: string;
  lines: QuoteLine[];
  totals: QuoteTotals;
  /** TRY per unit of the quote's currency on the quote date ("1" for TRY). */
  rateToTry: string;
  netTotalTry: Money;
  grandTotalTry: Money;
  paymentPlan: Instalment[];
}

/**
 * A quote's margin in TRY kuruş, from its amounts: the net in TRY less the cost at the quote's own
 * rate of its quote date. Never rebuilt from the rounded margin percentage.
 */
export const marginTryOf = (q: { totals: { costTotal: Money }; netTotalTry: Money; rateToTry: string }) => {
  const costTotalTry = convert(q.totals.costTotal, q.rateToTry, 'TRY');
  return { costTotalTry, marginTry: subtract(q.netTotalTry, costTotalTry) };
};

export class ProductUnavailableError extends ProblemError {
  constructor(problems: FieldProblem[]) {
    super(
      422,
      'product-unavailable',
      { en: 'Some lines name products that cannot be quoted.', tr: 'Bazı satırlardaki ürünler teklife eklenemez.' },
      problems,
    );
  }
}

export interface BuildInput {
  lines: readonly LineInput[];
  /** By SKU; a missing SKU is an unknown product. Holds the recipes' component products too. */
  products: ReadonlyMap<string, Product>;
  /** The recipes of the lines' products and of every component they reach, by SKU. */
  recipes?: ReadonlyMap<string, Recipe>;
  priceList: PriceList;
  rates: readonly FxRate[];
  /** The Istanbul calendar date the prices and rates are taken on. */
  quoteDate: string;
  paymentTerms?: PaymentTerms;
  /** A discount on the whole quote in basis points, after each line's own. */
  quoteDiscountBp?: number;
}

const MAX_LINES = 200;

const checkProducts = (lines: readonly LineInput[], products: ReadonlyMap<string, Product>) => {
  if (lines.length === 0) {
    throw new ValidationError([
      { path: 'lines', message: { en: 'A quote needs at least one line.', tr: 'Teklifte en az bir satır olmalı.' } },
    ]);
  }
  if (lines.length > MAX_LINES) {
    throw new ValidationError([
      { path: 'lines', message: { en: `At most ${MAX_LINES} lines.`, tr: `En çok ${MAX_LINES} satır.` } },
    ]);
  }
  const problems = lines.flatMap((line, i): FieldProblem[] => {
    const product = products.get(line.sku);
    if (!product) {
      return [
        {
          path: `lines.${i}.sku`,
          message: { en: `No product ${line.sku} in the catalogue.`, tr: `Katalogda ${line.sku} diye bir ürün yok.` },
        },
      ];
    }
    if (!product.active) {
      return [
        {
          path: `lines.${i}.sku`,
          message: { en: `${line.sku} is no longer sold.`, tr: `${line.sku} artık satılmıyor.` },
        },
      ];
    }
    return [];
  });
  if (problems.length > 0) throw new ProductUnavailableError(problems);
};

/** A plan's refusal names the request's fields: `paymentTerms.parts`, not the plan's own `parts`. */
const asPaymentTerms = (plan: () => Instalment[]): Instalment[] => {
  try {
    return plan();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.errors.map((problem) => ({ ...problem, path: `paymentTerms.${problem.path}` })));
  }
};

export const paymentPlanFor = (total: Money, terms: PaymentTerms | undefined): Instalment[] => {
  if (!terms) return [];
  if (terms.type === 'shares') return asPaymentTerms(() => planFromShares(total, terms.parts));
  const problem = dateProblem(terms.firstDueDate, 'paymentTerms.firstDueDate');
  if (problem) throw new ValidationError([problem]);
  return asPaymentTerms(() => instalments(total, terms.count, terms.firstDueDate, terms.intervalMonths ?? 1));
};

export const buildQuote = (input: BuildInput): QuoteFigures => {
  const { priceList, rates, quoteDate, products } = input;
  checkProducts(input.lines, products);
  const currency = priceList.currency;
  const recipes = input.recipes ?? new Map<string, Recipe>();
  const pricing = input.lines.map((line, i) => {
    const product = products.get(line.sku)!;
    // A recipe product costs what its components cost on the quote date, not the catalogue's figure.
    const recipe = recipes.has(line.sku)
      ? rollUp(
          { sku: line.sku, recipes, products, rates, currency, date: quoteDate, choices: line.components },
          `lines.${i}.components`,
        )
      : undefined;
    if (!recipe && line.components) {
      throw new ValidationError([
        {
          path: `lines.${i}.components`,
          message: { en: `${line.sku} has no recipe.`, tr: `${line.sku} ürününün reçetesi yok.` },
        },
      ]);
    }
    return {
      product,
      components: recipe?.components,
      line: {
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: priceFor(priceList, line.sku, quoteDate),
        discountBp: line.discountBp,
        taxRateBp: product.taxRateBp,
        unitCost: recipe?.unitCost ?? convertOn(product.cost, currency, rates, quoteDate),
      },
    };
  });
  const priced = priceQuote({
    currency,
    lines: pricing.map((p) => p.line),
    quoteDiscountBp: input.quoteDiscountBp,
  });
  const lines = priced.lines.map(
    (line, i): QuoteLine => ({
      ...line,
      name: pricing[i]!.product.name,
      description: pricing[i]!.product.description,
      unit: pricing[i]!.product.unit,
      unitPrice: pricing[i]!.line.unitPrice,
      discountBp: pricing[i]!.line.discountBp,
      unitCost: pricing[i]!.line.unitCost,
      ...(pricing[i]!.components ? { components: pricing[i]!.components } : {}),
      ...(input.lines[i]!.components ? { componentChoices: input.lines[i]!.components } : {}),
    }),
  );
  const rateToTry = currency === 'TRY' ? '1' : fxRateOn(rates, currency, quoteDate).rateToTry;
  return {
    currency,
    quoteDate,
    lines,
    totals: priced.totals,
    rateToTry,
    netTotalTry: convertOn(priced.totals.netTotal, 'TRY', rates, quoteDate),
    grandTotalTry: convertOn(priced.totals.grandTotal, 'TRY', rates, quoteDate),
    paymentPlan: paymentPlanFor(priced.totals.grandTotal, input.paymentTerms),
  };
};
