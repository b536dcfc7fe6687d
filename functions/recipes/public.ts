// What other modules may use of recipes: the recipes a quote needs and the roll-up of their costs.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export {
  type CostedComponent,
  type Recipe,
  type RecipeChoices,
  RecipeCycleError,
  recipeChoicesSchema,
  rollUp,
  skusOf,
} from './domain/recipe.js';
export { getRecipes } from './recipe-store.js';
