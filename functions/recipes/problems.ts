// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const recipesProblems = declareProblems({
  'recipe-cycle': { status: 422, title: 'The recipe contains itself', tr: 'Reçete kendini içeriyor' },
  'recipe-changed': { status: 409, title: 'The recipe changed meanwhile', tr: 'Reçete bu arada değişti' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof recipesProblems> {}
}
