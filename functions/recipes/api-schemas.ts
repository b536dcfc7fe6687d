// The recipe routes' request and response schemas: the manifest declares them on the routes, the
// handler gets its requests parsed with them, the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { componentSchema, recipeBodySchema } from './domain/recipe.js';

export const skuParams = z.strictObject({ sku: z.string().check(z.maxLength(64)) });
export const recipeBody = recipeBodySchema;
export const recipeResponse = z.strictObject({
  sku: z.string(),
  components: z.array(componentSchema),
  seq: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
