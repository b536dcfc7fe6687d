// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const analyticsProblems = declareProblems({
  'analytics-rules-changed': {
    status: 409,
    title: 'The analytics rules changed meanwhile',
    tr: 'Analiz kuralları bu arada değişti',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof analyticsProblems> {}
}
