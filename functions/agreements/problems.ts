// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const agreementsProblems = declareProblems({
  'agreement-changed': { status: 409, title: 'The agreement changed meanwhile', tr: 'Sözleşme bu arada değişti' },
  'standing-order-changed': {
    status: 409,
    title: 'The standing order changed meanwhile',
    tr: 'Sürekli sipariş bu arada değişti',
  },
  'agreement-ends-before-start': {
    status: 422,
    title: 'The agreement ends before it starts',
    tr: 'Sözleşme başlamadan bitiyor',
  },
  'agreement-price-refused': {
    status: 422,
    title: 'A line cannot be priced under the agreement',
    tr: 'Bir satır sözleşmeyle fiyatlanamıyor',
  },
  'agreement-not-in-force': {
    status: 409,
    title: 'The agreement is not in force',
    tr: 'Sözleşme yürürlükte değil',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof agreementsProblems> {}
}
