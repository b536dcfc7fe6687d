// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const customersProblems = declareProblems({
  'contact-taken': {
    status: 409,
    title: 'Another customer or contact person has this e-mail or phone',
    tr: 'Bu e-posta veya telefon başka bir müşteride ya da kişide kayıtlı',
  },
  'customer-changed': { status: 409, title: 'The customer changed meanwhile', tr: 'Müşteri bu arada değişti' },
  'contact-changed': { status: 409, title: 'The contact person changed meanwhile', tr: 'İlgili kişi bu arada değişti' },
  'unknown-owner': {
    status: 422,
    title: 'No such user to own the customer',
    tr: 'Müşteriye sahip olacak böyle bir kullanıcı yok',
  },
  'merge-same-customer': {
    status: 422,
    title: 'A customer cannot be merged into itself',
    tr: 'Bir müşteri kendisiyle birleştirilemez',
  },
  'customer-merged': {
    status: 409,
    title: 'The customer was merged into another',
    tr: 'Müşteri başka bir müşteriyle birleştirildi',
  },
  'intake-contended': {
    status: 409,
    title: 'The customer is being changed by other requests',
    tr: 'Müşteri aynı anda başka isteklerle değiştiriliyor',
  },
  'merge-contended': {
    status: 409,
    title: 'The customers are being changed by other requests',
    tr: 'Müşteriler aynı anda başka isteklerle değiştiriliyor',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof customersProblems> {}
}
