// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const iysProblems = declareProblems({
  'iys-unreachable': {
    status: 503,
    title: 'İYS cannot be reached now; nothing was lost, the sync tries again',
    tr: 'İYS’ye şu an ulaşılamıyor; hiçbir şey kaybolmadı, eşitleme yeniden deneyecek',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof iysProblems> {}
}
