// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const callCenterProblems = declareProblems({
  'request-changed': { status: 409, title: 'The request changed meanwhile', tr: 'Talep bu arada değişti' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof callCenterProblems> {}
}
