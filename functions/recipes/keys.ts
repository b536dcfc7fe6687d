// The keys of product recipes in the one table (its shape and the platform's keys: shared/table.ts).
// Partition: RECIPES SKU#<sku> — one item per recipe product, versioned by seq. Recipes are few (one
// per product sold as a bundle), so one partition holds them all and a quote reads them by key.
import type { Key } from '../../shared/table.js';

export const recipesKeys = {
  recipe: (sku: string): Key => ({ pk: 'RECIPES', sk: `SKU#${sku}` }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    recipe: true;
  }
}
