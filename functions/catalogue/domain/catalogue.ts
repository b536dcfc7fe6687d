// What quotes are built from: products, price lists valid for a period, and daily FX rates to TRY.
import type { Language } from '../../../shared/language.js';
import type { Text } from '../../../shared/messages.js';
import { convert, currencySchema, type Money, moneySchema, rateSchema } from '../../../shared/money.js';
import { ProblemError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';

/**
 * Every text field has a ceiling, so that no record can make a quote, a page or a PDF costly to
 * draw: see `textLimits` (the README lists them).
 */
export const textLimits = {
  sku: 64,
  name: 200,
  description: 2000,
  unit: 20,
  category: 100,
  priceListId: 100,
  priceListName: 200,
} as const;
const bilingual = (schema: z.ZodMiniString<string>) => z.object({ tr: schema, en: schema });
const basisPoints = z.int().check(z.gte(0), z.lte(10_000));

export const productSchema = z.object({
  sku: z.requiredLine(textLimits.sku),
  name: bilingual(z.requiredLine(textLimits.name)),
  description: bilingual(z.text(textLimits.description)),
  /** What one unit of quantity is, in Turkish: "adet", "kg", "saat", "ay" (see `unitIn`). */
  unit: z.requiredLine(textLimits.unit),
  category: z.requiredLine(textLimits.category),
  /** What a unit costs the firm, for margins; may be in another currency than the price lists. */
  cost: moneySchema.check(
    z.refine((m) => m.amount >= 0, z.said({ en: 'A cost cannot be negative.', tr: 'Maliyet negatif olamaz.' })),
  ),
  /** KDV on this product: 2000 = 20%. */
  taxRateBp: basisPoints,
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

export const priceListSchema = z
  .object({
    id: z.requiredLine(textLimits.priceListId),
    name: z.requiredLine(textLimits.priceListName),
    currency: currencySchema,
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    prices: z
      .array(z.object({ sku: z.requiredLine(textLimits.sku), unitPrice: z.int().check(z.gte(0)) }))
      .check(
        z.minLength(
          1,
          z.said({ en: 'A price list needs at least one price.', tr: 'Fiyat listesinde en az bir fiyat olmalı.' }),
        ),
      ),
  })
  .check(
    z.refine((list) => list.validTo >= list.validFrom, {
      ...z.said({ en: 'Ends before it starts.', tr: 'Başlamadan önce bitiyor.' }),
      path: ['validTo'],
    }),
    // An issue added without a message is worded by the parse's error map, which reads this check's `said`.
    z.superRefine(
      (list, ctx) => {
        const seen = new Set<string>();
        list.prices.forEach((price, i) => {
          if (seen.has(price.sku)) ctx.addIssue({ code: 'custom', path: ['prices', i, 'sku'], input: price.sku });
          seen.add(price.sku);
        });
      },
      z.said({ en: 'Priced twice.', tr: 'İki kez fiyatlanmış.' }) as z.core.$ZodSuperRefineParams,
    ),
  );
export type PriceList = z.infer<typeof priceListSchema>;

export const fxRateSchema = z.object({
  date: isoDateSchema,
  currency: currencySchema.check(
    z.refine((c) => c !== 'TRY', z.said({ en: 'TRY needs no rate.', tr: 'TRY için kur gerekmez.' })),
  ),
  /** TRY per one unit of `currency`, as an exact decimal string. */
  rateToTry: rateSchema,
});
export type FxRate = z.infer<typeof fxRateSchema>;

export class PriceNotFoundError extends ProblemError {
  constructor(message: Text) {
    super(422, 'price-not-found', message);
  }
}
export class FxRateNotFoundError extends ProblemError {
  constructor(currency: string, date: string) {
    super(422, 'fx-rate-not-found', {
      en: `No ${currency} rate on or before ${date}.`,
      tr: `${date} ya da öncesine ait ${currency} kuru yok.`,
    });
  }
}

/** The list's unit price for `sku` on `onDate` (an ISO date; the validity dates are inclusive). */
export const priceFor = (priceList: PriceList, sku: string, onDate: string): Money => {
  if (onDate < priceList.validFrom || onDate > priceList.validTo) {
    throw new PriceNotFoundError({
      en: `Price list ${priceList.id} is valid from ${priceList.validFrom} to ${priceList.validTo}, not on ${onDate}.`,
      tr: `${priceList.id} fiyat listesi ${priceList.validFrom} ile ${priceList.validTo} arasında geçerli, ${onDate} tarihinde değil.`,
    });
  }
  const price = priceList.prices.find((p) => p.sku === sku);
  if (!price) {
    throw new PriceNotFoundError({
      en: `Price list ${priceList.id} has no price for ${sku}.`,
      tr: `${priceList.id} fiyat listesinde ${sku} için fiyat yok.`,
    });
  }
  return { amount: price.unitPrice, currency: priceList.currency };
};

/** The latest rate on or before `date`: rates are not published on weekends and holidays. */
export const fxRateOn = (rates: readonly FxRate[], currency: string, date: string): FxRate => {
  let best: FxRate | undefined;
  for (const rate of rates) {
    if (rate.currency === currency && rate.date <= date && (!best || rate.date > best.date)) best = rate;
  }
  if (!best) throw new FxRateNotFoundError(currency, date);
  return best;
};

const rateToTry = (rates: readonly FxRate[], currency: string, date: string) =>
  currency === 'TRY' ? '1' : fxRateOn(rates, currency, date).rateToTry;

/** `m` in `toCurrency` at the rates of `date`, crossing through TRY when neither side is TRY. */
export const convertOn = (m: Money, toCurrency: string, rates: readonly FxRate[], date: string): Money =>
  m.currency === toCurrency
    ? m
    : convert(m, rateToTry(rates, m.currency, date), toCurrency, rateToTry(rates, toCurrency, date));

/**
 * Units are written in Turkish in the catalogue; these are shown in English on English quotes
 * (singular, plural). A unit not listed here, or a symbol such as kg or m², is shown as written.
 */
const englishUnits: Record<string, readonly [string, string]> = {
  adet: ['pc', 'pcs'],
  tane: ['pc', 'pcs'],
  saat: ['hour', 'hours'],
  gün: ['day', 'days'],
  hafta: ['week', 'weeks'],
  ay: ['month', 'months'],
  yıl: ['year', 'years'],
  kişi: ['person', 'people'],
  paket: ['pack', 'packs'],
  kutu: ['box', 'boxes'],
  koli: ['carton', 'cartons'],
  takım: ['set', 'sets'],
  set: ['set', 'sets'],
  çift: ['pair', 'pairs'],
  rulo: ['roll', 'rolls'],
  metre: ['metre', 'metres'],
  litre: ['litre', 'litres'],
  ton: ['tonne', 'tonnes'],
  sefer: ['trip', 'trips'],
  lisans: ['licence', 'licences'],
  proje: ['project', 'projects'],
};
const englishPlural = new Intl.PluralRules('en-GB');

/** `quantity` of `unit` as a reader of `language` says it: "3 adet" in Turkish, "3 pcs" in English. */
export const quantityIn = (quantity: number, unit: string, language: Language): string => {
  const english = language === 'en' ? englishUnits[unit.toLocaleLowerCase('tr')] : undefined;
  const shown = english ? english[englishPlural.select(quantity) === 'one' ? 0 : 1] : unit;
  return `${quantity} ${shown}`;
};
