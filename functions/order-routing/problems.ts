// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const orderRoutingProblems = declareProblems({
  'order-changed': { status: 409, title: 'The order changed meanwhile', tr: 'Sipariş bu arada değişti' },
  'rules-changed': {
    status: 409,
    title: 'The routing rules changed meanwhile',
    tr: 'Yönlendirme kuralları bu arada değişti',
  },
  'unknown-unit': { status: 422, title: 'No such dealer or unit', tr: 'Böyle bir bayi veya birim yok' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof orderRoutingProblems> {}
}
