// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const leadCaptureProblems = declareProblems({
  'lead-changed': { status: 409, title: 'The lead changed meanwhile', tr: 'Aday bu arada değişti' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof leadCaptureProblems> {}
}
