// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const activitiesProblems = declareProblems({
  'activity-changed': { status: 409, title: 'The activity changed meanwhile', tr: 'Etkinlik bu arada değişti' },
  'activity-read-only': {
    status: 409,
    title: 'This activity is a record and cannot be edited',
    tr: 'Bu etkinlik bir kayıttır ve düzenlenemez',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof activitiesProblems> {}
}
