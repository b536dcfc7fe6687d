// The kind the path names: `products`, `price-lists` or `fx-rates`; anything else is not found.
import { NotFoundError } from '../../shared/problems.js';
import { type CatalogueKind, kindOfSlug } from './domain/catalogue-import.js';

export const catalogueKind = (slug: string): CatalogueKind => {
  const kind = kindOfSlug(slug);
  if (!kind)
    throw new NotFoundError({ en: `The catalogue "${slug.slice(0, 40)}"`, tr: `"${slug.slice(0, 40)}" kataloğu` });
  return kind;
};
