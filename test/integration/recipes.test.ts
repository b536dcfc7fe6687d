import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import type { PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import { getQuote } from '../../functions/quote-approval/quote-store.js';
import { createQuote } from '../../functions/quote-approval/quotes.js';
import type { Component } from '../../functions/recipes/domain/recipe.js';
import { saveRecipe } from '../../functions/recipes/recipe-store.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { putCustomer } from '../support/customer-item.js';

const tag = newId().slice(-6);
const sku = (name: string) => `IT-${name}-${tag}`;
const [TOUR, FLIGHT, HOTEL, TRANSFER] = [sku('TOUR'), sku('FLIGHT'), sku('HOTEL'), sku('TRANSFER')];
const product = (s: string, cost: number): Product => ({
  sku: s,
  name: { tr: s, en: s },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'tur',
  cost: money(cost, 'TRY'),
  taxRateBp: 2000,
  active: true,
});
const list: PriceList = {
  id: `it-tours-${tag}`,
  name: 'Tours',
  currency: 'TRY',
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  prices: [{ sku: TOUR, unitPrice: 4_000_000 }],
};
const component = (s: string, quantity: number, unitCost?: number): Component => ({
  sku: s,
  kind: 'service',
  quantity,
  ...(unitCost === undefined ? {} : { unitCost: money(unitCost, 'TRY') }),
  supplier: 'Deneme Tedarik A.Ş.',
  optional: false,
  alternatives: [],
});

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), [
    ...demoItems(),
    // Into the generations in use: another file on this worker's table may have switched them by an import.
    ...catalogueItems('products', await liveGeneration('products'), [
      product(TOUR, 1),
      product(FLIGHT, 1_200_000),
      product(HOTEL, 0),
      product(TRANSFER, 75_000),
    ]),
    ...catalogueItems('priceLists', await liveGeneration('priceLists'), [list]),
  ]);
});

const newCustomer = async () => {
  const customerId = await putCustomer('Reçete Müşteri', 'recipe');
  return customerId;
};

describe('a recipe', () => {
  it('costs the quote line from its components and stays frozen on the quote when the recipe changes', async () => {
    // Flight 12,000.00 (catalogue) + 4 nights × 4,500.00 (own) + 2 transfers × 750.00 = 31,500.00 TRY.
    const saved = await saveRecipe(
      TOUR,
      { components: [component(FLIGHT, 1), component(HOTEL, 4, 450_000), component(TRANSFER, 2)] },
      'u-admin',
    );
    expect(saved.seq).toBe(1);
    const quote = await createQuote(
      { customerId: await newCustomer(), priceListId: list.id, lines: [{ sku: TOUR, quantity: 1, discountBp: 0 }] },
      { userId: 'rep-ayse', teamId: 'team-istanbul' },
    );
    const line = quote.lines[0]!;
    // Price 40,000.00, cost 31,500.00: margin 8,500.00 TRY = 21.25% of net.
    expect([line.unitCost.amount, line.margin.amount, line.marginBp]).toEqual([3_150_000, 850_000, 2125]);
    expect(line.components?.map((c) => [c.sku, c.cost.amount])).toEqual([
      [FLIGHT, 1_200_000],
      [HOTEL, 1_800_000],
      [TRANSFER, 150_000],
    ]);

    // The hotel costs more from now on: the quote already made keeps its cost, a new one takes the new.
    await saveRecipe(
      TOUR,
      { components: [component(FLIGHT, 1), component(HOTEL, 4, 500_000), component(TRANSFER, 2)], seq: 1 },
      'u-admin',
    );
    const kept = await getQuote(quote.customerId, quote.quoteId);
    expect(kept?.lines[0]?.unitCost.amount).toBe(3_150_000);
    expect(kept?.lines[0]?.components?.[1]?.unitCost.amount).toBe(450_000);
    const later = await createQuote(
      { customerId: await newCustomer(), priceListId: list.id, lines: [{ sku: TOUR, quantity: 1, discountBp: 0 }] },
      { userId: 'rep-ayse', teamId: 'team-istanbul' },
    );
    expect(later.lines[0]?.unitCost.amount).toBe(3_350_000);
  });

  it('is refused when it contains itself, directly or through another recipe, naming the component', async () => {
    await expect(saveRecipe(FLIGHT, { components: [component(FLIGHT, 1, 1)] }, 'u-admin')).rejects.toMatchObject({
      status: 422,
      code: 'recipe-cycle',
      errors: [{ path: 'components.0.sku' }],
    });
    // TOUR holds TRANSFER: TRANSFER holding TOUR would close the loop.
    await expect(
      saveRecipe(TRANSFER, { components: [component(HOTEL, 1, 1), component(TOUR, 1)] }, 'u-admin'),
    ).rejects.toMatchObject({ status: 422, code: 'recipe-cycle', errors: [{ path: 'components.1.sku' }] });
    await expect(saveRecipe(HOTEL, { components: [component(`NOPE-${tag}`, 1, 1)] }, 'u-admin')).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'components.0.sku' }],
    });
  });

  it('is saved only at the seq the caller read', async () => {
    await expect(saveRecipe(TOUR, { components: [component(FLIGHT, 1)], seq: 0 }, 'u-admin')).rejects.toMatchObject({
      status: 409,
      code: 'recipe-changed',
    });
  });
});
