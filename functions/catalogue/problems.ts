// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const catalogueProblems = declareProblems({
  'catalogue-import-conflict': {
    status: 409,
    title: 'Another import finished first',
    tr: 'Başka bir içe aktarma önce bitti',
  },
  'import-failed': { status: 422, title: 'The import has invalid rows', tr: 'İçe aktarmada geçersiz satırlar var' },
  'price-not-found': { status: 422, title: 'No price for a product', tr: 'Bir ürünün fiyatı yok' },
  'fx-rate-not-found': { status: 422, title: 'No exchange rate', tr: 'Döviz kuru yok' },
  'price-list-not-found': { status: 422, title: 'No such price list', tr: 'Böyle bir fiyat listesi yok' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof catalogueProblems> {}
}
