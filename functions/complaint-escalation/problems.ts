// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const complaintEscalationProblems = declareProblems({
  'case-changed': { status: 409, title: 'The case changed meanwhile', tr: 'Vaka bu arada değişti' },
  'reopen-window-passed': {
    status: 409,
    title: 'Too long since resolution to reopen',
    tr: 'Çözümün üzerinden yeniden açmak için çok zaman geçti',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof complaintEscalationProblems> {}
}
