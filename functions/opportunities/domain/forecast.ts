// The pipeline's arithmetic: an opportunity's weighted amount (amount × probability, rounded half
// up to the minor unit on its own, as a quote's lines are), sums per owner and stage in each
// currency, and each currency's sum in TRY at one rate, rounded once. Pure: the caller reads the
// opportunities and the rates and passes them in.
import { type Money, money, roundedDivide, sum } from '../../../shared/money.js';
import type { Stage } from './stages.js';

/** What the pipeline needs of an opportunity. */
export interface Forecastable {
  ownerId: string;
  status: Stage;
  amount: Money;
  /** Percent, 0–100. */
  probability: number;
}

export const weighted = (amount: Money, probability: number): Money =>
  money(Number(roundedDivide(BigInt(amount.amount) * BigInt(probability), 100n)), amount.currency);

export interface CurrencyFigures {
  currency: string;
  amount: number;
  weighted: number;
}

export interface Figures {
  count: number;
  byCurrency: CurrencyFigures[];
  /** Every currency in TRY; absent when a currency has no rate (it is named in `unconverted`). */
  amountTry?: number;
  weightedTry?: number;
}

/** Converts a sum into TRY, or undefined when there is no rate for its currency. */
export type ToTry = (m: Money) => Money | undefined;

const figuresOf = (group: readonly Forecastable[], toTry: ToTry): Figures => {
  const currencies = [...new Set(group.map((o) => o.amount.currency))].sort();
  const byCurrency = currencies.map((currency) => {
    const inCurrency = group.filter((o) => o.amount.currency === currency);
    return {
      currency,
      amount: sum(
        inCurrency.map((o) => o.amount),
        currency,
      ).amount,
      weighted: sum(
        inCurrency.map((o) => weighted(o.amount, o.probability)),
        currency,
      ).amount,
    };
  });
  const converted = byCurrency.map(
    (c) => [toTry(money(c.amount, c.currency)), toTry(money(c.weighted, c.currency))] as const,
  );
  const complete = converted.every(([a, w]) => a && w);
  return {
    count: group.length,
    byCurrency,
    ...(complete
      ? {
          amountTry: sum(
            converted.map(([a]) => a!),
            'TRY',
          ).amount,
          weightedTry: sum(
            converted.map(([, w]) => w!),
            'TRY',
          ).amount,
        }
      : {}),
  };
};

export interface Pipeline {
  /** One row per owner and stage that has opportunities. */
  rows: (Figures & { ownerId: string; stage: Stage })[];
  byStage: (Figures & { stage: Stage })[];
  total: Figures;
  /** Currencies without a TRY rate: their figures are left out of every TRY total. */
  unconverted: string[];
}

/** The pipeline by owner and stage, by stage, and overall, in `stageOrder`. */
export const pipelineOf = (
  opportunities: readonly Forecastable[],
  stageOrder: readonly Stage[],
  toTry: ToTry,
): Pipeline => {
  const present = stageOrder.filter((stage) => opportunities.some((o) => o.status === stage));
  const owners = [...new Set(opportunities.map((o) => o.ownerId))].sort();
  const unconverted = [...new Set(opportunities.map((o) => o.amount.currency))]
    .filter((c) => !toTry(money(0, c)))
    .sort();
  return {
    rows: owners.flatMap((ownerId) =>
      present
        .map((stage) => ({
          ownerId,
          stage,
          group: opportunities.filter((o) => o.ownerId === ownerId && o.status === stage),
        }))
        .filter(({ group }) => group.length > 0)
        .map(({ ownerId: owner, stage, group }) => ({ ownerId: owner, stage, ...figuresOf(group, toTry) })),
    ),
    byStage: present.map((stage) => ({
      stage,
      ...figuresOf(
        opportunities.filter((o) => o.status === stage),
        toTry,
      ),
    })),
    total: figuresOf(opportunities, toTry),
    unconverted,
  };
};
