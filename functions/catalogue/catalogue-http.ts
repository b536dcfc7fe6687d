// What both catalogue endpoints do first: the caller's scope and the kind the path names.
import { actorOf, type HttpEvent, requireScope } from '../../shared/http.js';
import type { Scope } from '../../shared/manifest.js';
import { NotFoundError } from '../../shared/problems.js';
import { type CatalogueKind, kindOfSlug } from './domain/catalogue-import.js';

export const catalogueRequest = (event: HttpEvent, scope: Scope): { actorId: string; kind: CatalogueKind; slug: string } => {
  const actor = actorOf(event);
  requireScope(actor, scope);
  const slug = event.pathParameters?.kind ?? '';
  const kind = kindOfSlug(slug);
  if (!kind) throw new NotFoundError(`The catalogue "${slug.slice(0, 40)}"`);
  return { actorId: actor.userId, kind, slug };
};
