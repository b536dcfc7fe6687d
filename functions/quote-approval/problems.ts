// The problem codes this module answers with; shared/problems.ts renders them in the caller's language.
import { declareProblems, type ProblemsOf } from '../../shared/problems.js';

export const quoteApprovalProblems = declareProblems({
  'quote-changed': { status: 409, title: 'The quote changed meanwhile', tr: 'Teklif bu arada değişti' },
  'policy-changed': {
    status: 409,
    title: 'The approval policy changed meanwhile',
    tr: 'Onay kuralları bu arada değişti',
  },
  'step-already-decided': {
    status: 409,
    title: 'The approval step was decided already',
    tr: 'Onay adımı zaten karara bağlandı',
  },
  'already-sent': { status: 409, title: 'Sent already', tr: 'Zaten gönderildi' },
  'quote-expired': { status: 409, title: 'The quote has expired', tr: 'Teklifin süresi doldu' },
  'no-approval-policy': { status: 409, title: 'No approval policy is set', tr: 'Onay kuralı tanımlı değil' },
  'customer-address-not-mailable': {
    status: 422,
    title: "The customer's address is not mailed",
    tr: 'Müşterinin adresine posta gönderilmiyor',
  },
  'product-unavailable': { status: 422, title: 'A product cannot be quoted', tr: 'Bir ürün teklife eklenemiyor' },
  'invalid-validity': {
    status: 422,
    title: 'The validity date is out of range',
    tr: 'Geçerlilik tarihi aralık dışında',
  },
  'validity-passed': { status: 422, title: 'The quote is past its validity', tr: 'Teklifin geçerlilik tarihi geçti' },
  'unknown-approver-role': { status: 422, title: 'Nobody holds an approving role', tr: 'Onaylayan rolde kimse yok' },
});

declare module '../../shared/problems.js' {
  interface ModuleProblems extends ProblemsOf<typeof quoteApprovalProblems> {}
}
