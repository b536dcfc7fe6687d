// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const loyaltyProblems = declareProblems({
  'loyalty-rules-changed': {
    status: 409,
    title: 'The loyalty rules changed meanwhile',
    tr: 'Sadakat kuralları bu arada değişti',
  },
  'coupon-already-redeemed': { status: 409, title: 'The coupon was already redeemed', tr: 'Kupon zaten kullanıldı' },
  'coupon-not-applicable': { status: 422, title: 'The coupon does not apply', tr: 'Kupon bu sepete uygulanamaz' },
  'not-enough-points': { status: 422, title: 'Not enough points', tr: 'Puan yetersiz' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof loyaltyProblems> {}
}
