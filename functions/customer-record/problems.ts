// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const customerRecordProblems = declareProblems({
  'unknown-caller': {
    status: 404,
    title: 'No customer has this phone or e-mail',
    tr: 'Bu telefon veya e-postayla kayıtlı müşteri yok',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof customerRecordProblems> {}
}
