// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const callListsProblems = declareProblems({
  'call-list-invalid': { status: 422, title: 'The call list cannot be made', tr: 'Arama listesi oluşturulamaz' },
  'call-entry-taken': {
    status: 409,
    title: 'Another agent took the call meanwhile',
    tr: 'Başka bir temsilci aramayı bu arada aldı',
  },
  'call-list-quiet-hours': {
    status: 409,
    title: 'Commercial calls wait for the end of the quiet hours',
    tr: 'Ticari aramalar sessiz saatlerin bitmesini bekler',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof callListsProblems> {}
}
