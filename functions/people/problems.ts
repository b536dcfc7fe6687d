// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const peopleProblems = declareProblems({
  'person-exists': {
    status: 409,
    title: 'A person with this user id or e-mail exists already',
    tr: 'Bu kullanıcı kimliği veya e-postayla bir kişi zaten var',
  },
  'person-changed': { status: 409, title: 'The person changed meanwhile', tr: 'Kişi bu arada değişti' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof peopleProblems> {}
}
