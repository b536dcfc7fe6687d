// Errors a caller can act on, rendered as RFC 9457 problem details with a machine code. The platform's
// own codes are listed below; each module declares its codes beside its code (`problems.ts`, through
// declareProblems), which both registers them for rendering and adds them to the `ProblemCode` union,
// so a code nobody declared does not compile and one declared twice does not start. Each title has its
// Turkish twin (`tr`): problems answer in the caller's language (see problemDocument).
import type { Language } from './language.js';
import { inLanguage, type Text } from './messages.js';

export interface ProblemSpec {
  status: number;
  title: string;
  tr: string;
}

const platformProblems = {
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
  'method-not-allowed': { status: 405, title: 'Method not allowed', tr: 'Bu yöntem kullanılamaz' },
  'illegal-transition': {
    status: 409,
    title: 'Not a move this record can make now',
    tr: 'Kayıt şu an bu adımı atamaz',
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
  'unknown-currency': { status: 422, title: 'Unknown currency', tr: 'Bilinmeyen para birimi' },
  'invalid-amount': { status: 422, title: 'Invalid amount', tr: 'Geçersiz tutar' },
  'currency-mismatch': { status: 422, title: 'Currencies do not match', tr: 'Para birimleri uyuşmuyor' },
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
  'unknown-user': { status: 422, title: 'No such user', tr: 'Böyle bir kullanıcı yok' },
} as const satisfies Record<string, ProblemSpec>;

/**
 * The codes the modules declare, merged in from each module's problems.ts:
 * `declare module '…/shared/problems.js' { interface ModuleProblems extends ProblemsOf<typeof mine> {} }`.
 * Two modules declaring one code with different statuses do not compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface ModuleProblems {}
/** Lets a module's declaration merging name its declared object's type (an interface cannot extend `typeof`). */
export type ProblemsOf<T> = T;

type Problems = typeof platformProblems & ModuleProblems;
export type ProblemCode = keyof Problems & string;
/** The status a code is registered with: `new ProblemError(422, 'lead-changed', …)` does not compile. */
export type ProblemStatus<C extends ProblemCode> = Problems[C] extends { status: infer S extends number } ? S : never;
export type ConflictCode = { [C in ProblemCode]: ProblemStatus<C> extends 409 ? C : never }[ProblemCode];

/** Every code registered so far: the platform's, and those of every module loaded (the manifests load all). */
export const problemCodes: Record<string, ProblemSpec> = { ...platformProblems };

/** Registers a module's codes; a code registered already with another meaning is a programming error. */
export const declareProblems = <const T extends Record<string, ProblemSpec>>(specs: T): T => {
  for (const [code, spec] of Object.entries(specs)) {
    const known = problemCodes[code];
    if (known && known !== spec) throw new Error(`The problem code ${code} is declared twice.`);
    problemCodes[code] = spec;
  }
  return specs;
};

/** A code's title in a language; a code whose module was not loaded says its code rather than fail the answer. */
export const problemTitle = (code: ProblemCode, language: Language): string => {
  const entry = problemCodes[code];
  if (!entry) return code;
  return language === 'tr' ? entry.tr : entry.title;
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
    /** RFC 9457 extension members the caller can act on (where a record is now), beside the standard ones. */
    readonly extensions: Record<string, unknown> = {},
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
  /** `extensions`: e.g. `{ current: { status, seq, allowedMoves } }`, so the caller need not read the record again. */
  constructor(code: ConflictCode, message: Text, extensions: Record<string, unknown> = {}) {
    super(409, code, message, [], {}, extensions);
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
  extensions: Record<string, unknown> = {},
) =>
  ({
    // First, so an extension never overrides a standard member.
    ...extensions,
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
