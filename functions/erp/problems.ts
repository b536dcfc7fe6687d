// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const erpProblems = declareProblems({
  'unknown-order': { status: 422, title: 'No such order', tr: 'Böyle bir sipariş yok' },
  'purchase-request-changed': {
    status: 409,
    title: 'The purchase request was changed meanwhile',
    tr: 'Satın alma talebi bu arada değiştirildi',
  },
  'erp-number-reused': {
    status: 409,
    title: 'The number was posted before with other figures',
    tr: 'Bu numara daha önce başka bilgilerle gönderildi',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof erpProblems> {}
}
