// Recipe fixtures the recipe tests share: a component with the defaults a recipe form starts from.
import type { Component, Recipe } from '../../functions/recipes/domain/recipe.js';

export const component = (sku: string, quantity: number, extra: Partial<Component> = {}): Component => ({
  sku,
  kind: 'product',
  quantity,
  supplier: `${sku} supplier`,
  optional: false,
  alternatives: [],
  ...extra,
});

export const recipe = (sku: string, components: Component[]): Recipe => ({
  sku,
  components,
  seq: 1,
  updatedAt: '2026-08-01T09:00:00.000Z',
  updatedBy: 'u-admin',
});
