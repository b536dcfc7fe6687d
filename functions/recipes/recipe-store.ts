import { GetCommand } from '@aws-sdk/lib-dynamodb';
// Recipes in the table: read by SKU (with every recipe their components reach) and saved at the seq
// the caller read, after checking the components exist and lead nowhere back to the product.
import { clockNow } from '../../shared/clock.js';
import { db, getMany, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { ConflictError, type FieldProblem, ValidationError } from '../../shared/problems.js';
import { fromItem } from '../../shared/table.js';
import { getProducts } from '../catalogue/public.js';
import { type Component, type Recipe, refuseCycle, skusOf } from './domain/recipe.js';
import { recipesKeys } from './keys.js';

export const getRecipe = async (sku: string): Promise<Recipe | undefined> => {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: recipesKeys.recipe(sku) }));
  return found.Item ? fromItem<Recipe>(found.Item) : undefined;
};

/** The recipes of `skus` and of every component they reach, by SKU; a SKU without a recipe is absent. */
export const getRecipes = async (skus: readonly string[]): Promise<Map<string, Recipe>> => {
  const recipes = new Map<string, Recipe>();
  const asked = new Set<string>();
  let wanted = [...new Set(skus)];
  // Each round reads one level deeper; a SKU already asked is not asked again, so a cycle ends.
  while (wanted.length > 0) {
    for (const sku of wanted) asked.add(sku);
    const found = (await getMany(wanted.map(recipesKeys.recipe), { consistent: true })).map((item) =>
      fromItem<Recipe>(item),
    );
    for (const recipe of found) recipes.set(recipe.sku, recipe);
    wanted = [...new Set(found.flatMap((recipe) => skusOf(recipe.components)))].filter((s) => !asked.has(s));
  }
  return recipes;
};

const changed = () =>
  new ConflictError('recipe-changed', {
    en: 'The recipe was changed by someone else; read it again.',
    tr: 'Reçete başka biri tarafından değiştirildi; yeniden okuyun.',
  });

/** Every component (and alternative) names a catalogue product; a recipe never reaches its own product. */
const checkComponents = async (sku: string, components: readonly Component[]) => {
  const [products, recipes] = await Promise.all([
    getProducts([sku, ...skusOf(components)]),
    getRecipes(skusOf(components)),
  ]);
  const problems: FieldProblem[] = [];
  if (!products.has(sku)) {
    problems.push({
      path: 'sku',
      message: { en: `No product ${sku} in the catalogue.`, tr: `Katalogda ${sku} diye bir ürün yok.` },
    });
  }
  components.forEach((component, i) => {
    const missing = (path: string, name: string) =>
      problems.push({
        path,
        message: { en: `No product ${name} in the catalogue.`, tr: `Katalogda ${name} diye bir ürün yok.` },
      });
    if (!products.has(component.sku)) missing(`components.${i}.sku`, component.sku);
    component.alternatives.forEach((alternative, j) => {
      if (!products.has(alternative.sku)) missing(`components.${i}.alternatives.${j}.sku`, alternative.sku);
    });
  });
  if (problems.length > 0) throw new ValidationError(problems);
  refuseCycle(sku, components, recipes);
};

export const saveRecipe = async (
  sku: string,
  body: { components: Component[]; seq?: number },
  actorId: string,
  now = clockNow(),
): Promise<Recipe> => {
  await checkComponents(sku, body.components);
  const before = await getRecipe(sku);
  const seq = body.seq ?? before?.seq ?? 0;
  if ((before?.seq ?? 0) !== seq) throw changed();
  const recipe: Recipe = {
    sku,
    components: body.components,
    seq: seq + 1,
    updatedAt: now.toISOString(),
    updatedBy: actorId,
  };
  const item = { ...recipesKeys.recipe(sku), type: 'recipe', ...recipe };
  const write: TransactItem =
    seq === 0
      ? putNew(item)
      : {
          Put: {
            TableName: tableName(),
            Item: item,
            ConditionExpression: '#seq = :seq',
            ExpressionAttributeNames: { '#seq': 'seq' },
            ExpressionAttributeValues: { ':seq': seq },
          },
        };
  if (!(await transact([write])).ok) throw changed();
  return recipe;
};
