// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const privacyProblems = declareProblems({
  'privacy-subject-not-found': {
    status: 404,
    title: 'Nobody in the CRM has this e-mail, phone or customer number',
    tr: 'CRM’de bu e-posta, telefon veya müşteri numarasıyla kimse yok',
  },
  'privacy-subject-ambiguous': {
    status: 409,
    title: 'More than one record matches: choose the person by customer number',
    tr: 'Birden çok kayıt eşleşiyor: kişiyi müşteri numarasıyla seçin',
  },
  'retention-rules-changed': {
    status: 409,
    title: 'The retention rules were changed meanwhile',
    tr: 'Saklama kuralları bu arada değiştirildi',
  },
  'retention-run-not-listed': {
    status: 409,
    title: 'The retention run is not waiting for erasure',
    tr: 'Saklama çalıştırması silinmeyi beklemiyor',
  },
  'subject-request-changed': {
    status: 409,
    title: 'The subject request was changed meanwhile',
    tr: 'Başvuru bu arada değiştirildi',
  },
  'erasure-refused': {
    status: 409,
    title: 'The person cannot be erased yet',
    tr: 'Kişi henüz silinemez',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof privacyProblems> {}
}
