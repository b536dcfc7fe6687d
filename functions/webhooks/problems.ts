// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const webhooksProblems = declareProblems({
  'webhook-changed': {
    status: 409,
    title: 'The webhook subscription changed meanwhile',
    tr: 'Webhook aboneliği bu arada değişti',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof webhooksProblems> {}
}
