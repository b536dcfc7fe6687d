// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const lettersProblems = declareProblems({
  'invalid-postal-address': {
    status: 422,
    title: 'The postal address cannot be printed',
    tr: 'Posta adresi basılamaz',
  },
  'unknown-merge-field': {
    status: 422,
    title: 'The template uses fields letters cannot fill',
    tr: 'Şablon mektupların dolduramayacağı alanlar kullanıyor',
  },
  'postal-address-changed': {
    status: 409,
    title: 'The postal address changed meanwhile',
    tr: 'Posta adresi bu arada değişti',
  },
  'no-postal-address': {
    status: 422,
    title: 'The customer has no postal address',
    tr: 'Müşterinin posta adresi yok',
  },
  'quote-not-postable': {
    status: 409,
    title: 'Only an approved or sent quote goes by post',
    tr: 'Yalnızca onaylanmış ya da gönderilmiş teklif postayla gider',
  },
  'letter-run-invalid': { status: 422, title: 'The letter run cannot be made', tr: 'Mektup baskısı oluşturulamaz' },
  'letter-run-finished': { status: 409, title: 'The run has printed everyone', tr: 'Baskı herkesi bastı' },
  'letter-run-counting': {
    status: 409,
    title: 'The run is still counting its recipients',
    tr: 'Baskı alıcılarını hâlâ sayıyor',
  },
  'letter-part-in-progress': {
    status: 409,
    title: 'A part of this run is being printed',
    tr: 'Bu baskının bir bölümü basılıyor',
  },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof lettersProblems> {}
}
