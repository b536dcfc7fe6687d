import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { recipesProblems } from './problems.js';

const dir = 'functions/recipes/handlers';

/** Each route once, by name: a handler binds to `recipesRoutes.x`. */
export const recipesRoutes = {
  getRecipe: {
    method: 'GET',
    path: '/recipes/{sku}',
    function: 'recipes',
    auth: { scopes: ['catalogue:read'] },
    summary: "A product's recipe: its components, each with quantity, own cost and supplier",
    request: { params: api.skuParams, query: null, body: null },
    responses: { 200: { description: 'The recipe', json: api.recipeResponse } },
  },
  saveRecipe: {
    method: 'PUT',
    path: '/recipes/{sku}',
    function: 'recipes',
    auth: { scopes: ['catalogue:write'] },
    summary:
      "Sets a product's recipe at the seq the caller read; a recipe that contains itself, directly or not, is a 422",
    request: { params: api.skuParams, query: null, body: { schema: api.recipeBody, maxBytes: 64 * 1024 } },
    responses: { 200: { description: 'The recipe saved', json: api.recipeResponse } },
  },
} as const satisfies Record<string, RouteDeclaration>;

/** Products made of components: their costs roll up into the quote lines that sell them. */
export const recipes: UseCaseManifest = {
  name: 'recipes',
  problems: recipesProblems,
  functions: {
    recipes: {
      entry: `${dir}/recipes.ts`,
      description: "Admin: read and set a product's recipe (components, quantities, costs, suppliers)",
      uses: { table: 'write' },
    },
  },
  routes: routeList(recipesRoutes),
  subscriptions: [],
  schedules: [],
};
