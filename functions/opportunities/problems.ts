// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const opportunitiesProblems = declareProblems({
  'opportunity-changed': { status: 409, title: 'The opportunity changed meanwhile', tr: 'Fırsat bu arada değişti' },
  'quote-attached-elsewhere': {
    status: 409,
    title: 'The quote belongs to another opportunity',
    tr: 'Teklif başka bir fırsata bağlı',
  },
  'quote-not-found': { status: 422, title: 'No such quote for this customer', tr: 'Bu müşteride böyle bir teklif yok' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof opportunitiesProblems> {}
}
