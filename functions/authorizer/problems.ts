// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const authorizerProblems = declareProblems({
  'not-signed-in': {
    status: 422,
    title: 'The caller is not a signed-in person',
    tr: 'Arayan oturum açmış bir kişi değil',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof authorizerProblems> {}
}
