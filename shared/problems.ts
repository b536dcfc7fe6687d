// Errors a caller can act on, rendered as RFC 9457 problem details with a machine code. Every code
// is registered below once, with its status and title: `code` is a union of these, so a new code is
// added here or it does not compile, and the OpenAPI document lists them all. Each title has its
// Turkish twin (`tr`): problems answer in the caller's language (see problemDocument).
import type { Language } from './language.js';
import { inLanguage, type Text } from './messages.js';

export const problemCodes = {
  'validation-failed': { status: 400, title: 'The request has invalid fields', tr: 'İstekte geçersiz alanlar var' },
  'bad-request': { status: 400, title: 'Bad request', tr: 'Hatalı istek' },
  'malformed-body': { status: 400, title: 'The body cannot be read', tr: 'İstek gövdesi okunamıyor' },
  unauthorized: { status: 401, title: 'A valid bearer key is required', tr: 'Geçerli bir erişim anahtarı gerekli' },
  forbidden: { status: 403, title: 'Not allowed for this caller', tr: 'Bu arayana izin verilmiyor' },
  'local-control-refused': {
    status: 403,
    title: 'Local control endpoints answer only local tools',
    tr: 'Yerel denetim uç noktaları yalnızca yerel araçlara yanıt verir',
  },
  'not-found': { status: 404, title: 'Not found', tr: 'Bulunamadı' },
  'no-such-route': { status: 404, title: 'No such route', tr: 'Böyle bir yol yok' },
  'unknown-caller': {
    status: 404,
    title: 'No customer has this phone or e-mail',
    tr: 'Bu telefon veya e-postayla kayıtlı müşteri yok',
  },
  'method-not-allowed': { status: 405, title: 'Method not allowed', tr: 'Bu yöntem kullanılamaz' },
  'lead-changed': { status: 409, title: 'The lead changed meanwhile', tr: 'Aday bu arada değişti' },
  'quote-changed': { status: 409, title: 'The quote changed meanwhile', tr: 'Teklif bu arada değişti' },
  'policy-changed': {
    status: 409,
    title: 'The approval policy changed meanwhile',
    tr: 'Onay kuralları bu arada değişti',
  },
  'illegal-transition': {
    status: 409,
    title: 'Not a move this record can make now',
    tr: 'Kayıt şu an bu adımı atamaz',
  },
  'step-already-decided': {
    status: 409,
    title: 'The approval step was decided already',
    tr: 'Onay adımı zaten karara bağlandı',
  },
  'already-sent': { status: 409, title: 'Sent already', tr: 'Zaten gönderildi' },
  'quote-expired': { status: 409, title: 'The quote has expired', tr: 'Teklifin süresi doldu' },
  'no-approval-policy': { status: 409, title: 'No approval policy is set', tr: 'Onay kuralı tanımlı değil' },
  'capture-contended': {
    status: 409,
    title: 'The contact is being changed by other requests',
    tr: 'Kişi aynı anda başka isteklerle değiştiriliyor',
  },
  'catalogue-import-conflict': {
    status: 409,
    title: 'Another import finished first',
    tr: 'Başka bir içe aktarma önce bitti',
  },
  'order-changed': { status: 409, title: 'The order changed meanwhile', tr: 'Sipariş bu arada değişti' },
  'rules-changed': {
    status: 409,
    title: 'The routing rules changed meanwhile',
    tr: 'Yönlendirme kuralları bu arada değişti',
  },
  'intake-contended': {
    status: 409,
    title: 'The customer is being changed by other requests',
    tr: 'Müşteri aynı anda başka isteklerle değiştiriliyor',
  },
  'request-in-progress': {
    status: 409,
    title: 'A request with this Idempotency-Key is in progress',
    tr: 'Bu Idempotency-Key ile bir istek sürüyor',
  },
  'payload-too-large': { status: 413, title: 'The body is too large', tr: 'İstek gövdesi çok büyük' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', tr: 'Desteklenmeyen içerik türü' },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was used with another body',
    tr: 'Idempotency-Key başka bir gövdeyle kullanıldı',
  },
  'customer-not-found': { status: 422, title: 'No such customer', tr: 'Böyle bir müşteri yok' },
  'customer-has-no-email': {
    status: 422,
    title: 'The customer has no e-mail address',
    tr: 'Müşterinin e-posta adresi yok',
  },
  'customer-address-not-mailable': {
    status: 422,
    title: "The customer's address is not mailed",
    tr: 'Müşterinin adresine posta gönderilmiyor',
  },
  'price-list-not-found': { status: 422, title: 'No such price list', tr: 'Böyle bir fiyat listesi yok' },
  'price-not-found': { status: 422, title: 'No price for a product', tr: 'Bir ürünün fiyatı yok' },
  'fx-rate-not-found': { status: 422, title: 'No exchange rate', tr: 'Döviz kuru yok' },
  'product-unavailable': { status: 422, title: 'A product cannot be quoted', tr: 'Bir ürün teklife eklenemiyor' },
  'invalid-validity': {
    status: 422,
    title: 'The validity date is out of range',
    tr: 'Geçerlilik tarihi aralık dışında',
  },
  'validity-passed': { status: 422, title: 'The quote is past its validity', tr: 'Teklifin geçerlilik tarihi geçti' },
  'unknown-currency': { status: 422, title: 'Unknown currency', tr: 'Bilinmeyen para birimi' },
  'invalid-amount': { status: 422, title: 'Invalid amount', tr: 'Geçersiz tutar' },
  'currency-mismatch': { status: 422, title: 'Currencies do not match', tr: 'Para birimleri uyuşmuyor' },
  'unknown-approver-role': { status: 422, title: 'Nobody holds an approving role', tr: 'Onaylayan rolde kimse yok' },
  'unknown-unit': { status: 422, title: 'No such dealer or unit', tr: 'Böyle bir bayi veya birim yok' },
  'import-failed': { status: 422, title: 'The import has invalid rows', tr: 'İçe aktarmada geçersiz satırlar var' },
  'too-many-requests': { status: 429, title: 'Too many requests', tr: 'Çok fazla istek' },
  'quota-exceeded': { status: 429, title: 'The daily quota is used up', tr: 'Günlük kota doldu' },
  'internal-error': {
    status: 500,
    title: 'Something went wrong on our side',
    tr: 'Bizim tarafımızda bir sorun oluştu',
  },
  'bad-gateway': { status: 502, title: 'The function failed', tr: 'İşlev başarısız oldu' },
  'gateway-timeout': { status: 504, title: 'The function did not answer in time', tr: 'İşlev zamanında yanıt vermedi' },
  'integration-failure': { status: 504, title: 'The function could not be reached', tr: 'İşleve ulaşılamadı' },
  // cases (complaint escalation)
  'case-changed': { status: 409, title: 'The case changed meanwhile', tr: 'Vaka bu arada değişti' },
  'reopen-window-passed': {
    status: 409,
    title: 'Too long since resolution to reopen',
    tr: 'Çözümün üzerinden yeniden açmak için çok zaman geçti',
  },
  // the customer record (functions/customers)
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
  // merge (functions/customers)
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
  'merge-contended': {
    status: 409,
    title: 'The customers are being changed by other requests',
    tr: 'Müşteriler aynı anda başka isteklerle değiştiriliyor',
  },
  // call-center requests
  'request-changed': { status: 409, title: 'The request changed meanwhile', tr: 'Talep bu arada değişti' },
  // opportunities
  'opportunity-changed': { status: 409, title: 'The opportunity changed meanwhile', tr: 'Fırsat bu arada değişti' },
  'quote-attached-elsewhere': {
    status: 409,
    title: 'The quote belongs to another opportunity',
    tr: 'Teklif başka bir fırsata bağlı',
  },
  'quote-not-found': { status: 422, title: 'No such quote for this customer', tr: 'Bu müşteride böyle bir teklif yok' },
  // campaigns
  'campaign-changed': { status: 409, title: 'The campaign changed meanwhile', tr: 'Kampanya bu arada değişti' },
  'sending-paused-reputation': {
    status: 409,
    title: "Sending is paused: the account's bounce or complaint rate is at SES's review threshold",
    tr: 'Gönderim durduruldu: hesabın geri dönme veya şikâyet oranı SES inceleme eşiğinde',
  },
  'reputation-gate-not-paused': {
    status: 409,
    title: 'The reputation gate is not paused: there is nothing to lift',
    tr: 'İtibar kapısı durdurulmuş değil: kaldırılacak bir şey yok',
  },
  'reputation-gate-changed': {
    status: 409,
    title: 'The reputation gate changed meanwhile',
    tr: 'İtibar kapısı bu arada değişti',
  },
  'template-variable-missing': {
    status: 422,
    title: 'The data lacks a variable the template uses',
    tr: 'Veride şablonun kullandığı bir değişken yok',
  },
  'unknown-template-variable': {
    status: 422,
    title: 'The template uses a variable campaigns do not provide',
    tr: 'Şablon, kampanyaların sağlamadığı bir değişken kullanıyor',
  },
  'segment-not-found': { status: 422, title: 'No such segment', tr: 'Böyle bir segment yok' },
  'template-not-found': { status: 422, title: 'No such template', tr: 'Böyle bir şablon yok' },
  'schedule-in-past': {
    status: 422,
    title: 'The schedule never fires in the future',
    tr: 'Zamanlama gelecekte hiç çalışmıyor',
  },
  // activities
  'activity-changed': { status: 409, title: 'The activity changed meanwhile', tr: 'Etkinlik bu arada değişti' },
  'activity-read-only': {
    status: 409,
    title: 'This activity is a record and cannot be edited',
    tr: 'Bu etkinlik bir kayıttır ve düzenlenemez',
  },
  'unknown-user': { status: 422, title: 'No such user', tr: 'Böyle bir kullanıcı yok' },
  // analytics
  'analytics-rules-changed': {
    status: 409,
    title: 'The analytics rules changed meanwhile',
    tr: 'Analiz kuralları bu arada değişti',
  },
  // sign-in for people
  'not-signed-in': {
    status: 422,
    title: 'The caller is not a signed-in person',
    tr: 'Arayan oturum açmış bir kişi değil',
  },
  // people and keys managed over the API (functions/people)
  'person-exists': {
    status: 409,
    title: 'A person with this user id or e-mail exists already',
    tr: 'Bu kullanıcı kimliği veya e-postayla bir kişi zaten var',
  },
  'person-changed': { status: 409, title: 'The person changed meanwhile', tr: 'Kişi bu arada değişti' },
} as const satisfies Record<string, { status: number; title: string; tr?: string }>;

export type ProblemCode = keyof typeof problemCodes;
/** The status a code is registered with: `new ProblemError(422, 'lead-changed', …)` does not compile. */
export type ProblemStatus<C extends ProblemCode> = (typeof problemCodes)[C]['status'];
export type ConflictCode = { [C in ProblemCode]: ProblemStatus<C> extends 409 ? C : never }[ProblemCode];

/** A code's title in a language; `tr` is optional in the type so a merge compiles, a unit test requires it. */
export const problemTitle = (code: ProblemCode, language: Language): string => {
  const entry: { title: string; tr?: string } = problemCodes[code];
  return language === 'tr' ? (entry.tr ?? entry.title) : entry.title;
};

export interface FieldProblem {
  /** Dotted path of the offending field, `''` for the body as a whole. */
  path: string;
  message: Text;
}

/** `message` (for logs and `Error`) is the English detail; `detail` keeps both for the caller. */
export class ProblemError<C extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly status: ProblemStatus<C>,
    readonly code: C,
    readonly detail: Text,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(inLanguage(detail, 'en'));
    this.name = new.target.name;
  }
}

export class ValidationError extends ProblemError {
  constructor(
    errors: FieldProblem[],
    message: Text = { en: 'The request has invalid fields.', tr: 'İstekte geçersiz alanlar var.' },
  ) {
    super(400, 'validation-failed', message, errors);
  }
}
export class MalformedBodyError extends ProblemError {
  constructor(message: Text) {
    super(400, 'malformed-body', message);
  }
}
export class UnauthorizedError extends ProblemError {
  constructor(message: Text = { en: 'A valid bearer key is required.', tr: 'Geçerli bir erişim anahtarı gerekli.' }) {
    super(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer' });
  }
}
export class ForbiddenError extends ProblemError {
  constructor(message: Text) {
    super(403, 'forbidden', message);
  }
}
export class NotFoundError extends ProblemError {
  /** `what` names the thing: `{ en: 'The quote', tr: 'Teklif' }` says "The quote was not found." / "Teklif bulunamadı." */
  constructor(what: Text) {
    super(404, 'not-found', {
      en: `${inLanguage(what, 'en')} was not found.`,
      tr: typeof what === 'string' ? `${what} was not found.` : `${what.tr} bulunamadı.`,
    });
  }
}
export class ConflictError extends ProblemError<ConflictCode> {
  constructor(code: ConflictCode, message: Text) {
    super(409, code, message);
  }
}
export class PayloadTooLargeError extends ProblemError {
  constructor(limitBytes: number) {
    super(413, 'payload-too-large', {
      en: `The body is larger than ${limitBytes} bytes.`,
      tr: `Gövde ${limitBytes} bayttan büyük.`,
    });
  }
}
export class UnsupportedMediaTypeError extends ProblemError {
  constructor(accepted: string[]) {
    super(415, 'unsupported-media-type', {
      en: `Send the body as ${accepted.join(' or ')}.`,
      tr: `Gövdeyi ${accepted.join(' veya ')} olarak gönderin.`,
    });
  }
}
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: (Omit<FieldProblem, 'message'> & { message: string })[];
}

export const problemType = (code: ProblemCode) => `urn:pusula:problem:${code}`;

/** The problem as the caller reads it: title, detail and field messages in `language`, the rest unchanged. */
export const problemDocument = (
  status: number,
  code: ProblemCode,
  detail?: Text,
  errors?: FieldProblem[],
  language: Language = 'en',
) =>
  ({
    type: problemType(code),
    title: problemTitle(code, language),
    status,
    code,
    ...(detail ? { detail: inLanguage(detail, language) } : {}),
    // A field problem may carry more than path and message (an import's line and column): kept as is.
    ...(errors?.length
      ? { errors: errors.map((error) => ({ ...error, message: inLanguage(error.message, language) })) }
      : {}),
  }) satisfies ProblemDocument;
