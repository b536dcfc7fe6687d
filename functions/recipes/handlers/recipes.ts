// GET /recipes/{sku} (catalogue:read); PUT /recipes/{sku} (catalogue:write), guarded by seq.
import { json, route, routes } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { recipesRoutes } from '../manifest.js';
import { getRecipe, saveRecipe } from '../recipe-store.js';

export const handler = routes([
  route(recipesRoutes.getRecipe, async ({ params }) => {
    const recipe = await getRecipe(params.sku);
    if (!recipe) throw new NotFoundError({ en: `The recipe of ${params.sku}`, tr: `${params.sku} reçetesi` });
    return json(200, recipe);
  }),
  route(recipesRoutes.saveRecipe, async ({ actor, params, body }) =>
    json(200, await saveRecipe(params.sku, body, actor.userId)),
  ),
]);
