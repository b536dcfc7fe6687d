// Errors a caller can act on, rendered as RFC 9457 problem details with a machine code. Every code
// is registered below once, with its status and title: `code` is a union of these, so a new code is
// added here or it does not compile, and the OpenAPI document lists them all.

export const problemCodes = {
  'validation-failed': { status: 400, title: 'The request has invalid fields' },
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-body': { status: 400, title: 'The body cannot be read' },
  unauthorized: { status: 401, title: 'A valid bearer key is required' },
  forbidden: { status: 403, title: 'Not allowed for this caller' },
  'local-control-refused': { status: 403, title: 'Local control endpoints answer only local tools' },
  'not-found': { status: 404, title: 'Not found' },
  'no-such-route': { status: 404, title: 'No such route' },
  'unknown-caller': { status: 404, title: 'No customer has this phone or e-mail' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'lead-changed': { status: 409, title: 'The lead changed meanwhile' },
  'quote-changed': { status: 409, title: 'The quote changed meanwhile' },
  'policy-changed': { status: 409, title: 'The approval policy changed meanwhile' },
  'illegal-transition': { status: 409, title: 'Not a move this record can make now' },
  'step-already-decided': { status: 409, title: 'The approval step was decided already' },
  'already-sent': { status: 409, title: 'Sent already' },
  'quote-expired': { status: 409, title: 'The quote has expired' },
  'no-approval-policy': { status: 409, title: 'No approval policy is set' },
  'capture-contended': { status: 409, title: 'The contact is being changed by other requests' },
  'catalogue-import-conflict': { status: 409, title: 'Another import finished first' },
  'order-changed': { status: 409, title: 'The order changed meanwhile' },
  'rules-changed': { status: 409, title: 'The routing rules changed meanwhile' },
  'intake-contended': { status: 409, title: 'The customer is being changed by other requests' },
  'request-in-progress': { status: 409, title: 'A request with this Idempotency-Key is in progress' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used with another body' },
  'customer-not-found': { status: 422, title: 'No such customer' },
  'customer-has-no-email': { status: 422, title: 'The customer has no e-mail address' },
  'customer-address-not-mailable': { status: 422, title: "The customer's address is not mailed" },
  'price-list-not-found': { status: 422, title: 'No such price list' },
  'price-not-found': { status: 422, title: 'No price for a product' },
  'fx-rate-not-found': { status: 422, title: 'No exchange rate' },
  'product-unavailable': { status: 422, title: 'A product cannot be quoted' },
  'invalid-validity': { status: 422, title: 'The validity date is out of range' },
  'validity-passed': { status: 422, title: 'The quote is past its validity' },
  'unknown-currency': { status: 422, title: 'Unknown currency' },
  'invalid-amount': { status: 422, title: 'Invalid amount' },
  'currency-mismatch': { status: 422, title: 'Currencies do not match' },
  'unknown-approver-role': { status: 422, title: 'Nobody holds an approving role' },
  'unknown-unit': { status: 422, title: 'No such dealer or unit' },
  'import-failed': { status: 422, title: 'The import has invalid rows' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'quota-exceeded': { status: 429, title: 'The daily quota is used up' },
  'internal-error': { status: 500, title: 'Something went wrong on our side' },
  'bad-gateway': { status: 502, title: 'The function failed' },
  'gateway-timeout': { status: 504, title: 'The function did not answer in time' },
  'integration-failure': { status: 504, title: 'The function could not be reached' },
  // cases (complaint escalation)
  'case-changed': { status: 409, title: 'The case changed meanwhile' },
  'reopen-window-passed': { status: 409, title: 'Too long since resolution to reopen' },
  // the customer record (functions/customers)
  'contact-taken': { status: 409, title: 'Another customer or contact person has this e-mail or phone' },
  'customer-changed': { status: 409, title: 'The customer changed meanwhile' },
  'contact-changed': { status: 409, title: 'The contact person changed meanwhile' },
  'unknown-owner': { status: 422, title: 'No such user to own the customer' },
  // merge (functions/customers)
  'merge-same-customer': { status: 422, title: 'A customer cannot be merged into itself' },
  'customer-merged': { status: 409, title: 'The customer was merged into another' },
  'merge-contended': { status: 409, title: 'The customers are being changed by other requests' },
  // call-center requests
  'request-changed': { status: 409, title: 'The request changed meanwhile' },
  // opportunities
  'opportunity-changed': { status: 409, title: 'The opportunity changed meanwhile' },
  'quote-attached-elsewhere': { status: 409, title: 'The quote belongs to another opportunity' },
  'opportunity-not-found': { status: 422, title: 'No such opportunity' },
  'quote-not-found': { status: 422, title: 'No such quote for this customer' },
  // campaigns
  'campaign-changed': { status: 409, title: 'The campaign changed meanwhile' },
  'sending-paused-reputation': { status: 409, title: "Sending is paused: the account's bounce or complaint rate is at SES's review threshold" },
  'template-variable-missing': { status: 422, title: 'The data lacks a variable the template uses' },
  'unknown-template-variable': { status: 422, title: 'The template uses a variable campaigns do not provide' },
  'segment-not-found': { status: 422, title: 'No such segment' },
  'template-not-found': { status: 422, title: 'No such template' },
  'schedule-in-past': { status: 422, title: 'The schedule never fires in the future' },
  // activities
  'activity-changed': { status: 409, title: 'The activity changed meanwhile' },
  'activity-read-only': { status: 409, title: 'This activity is a record and cannot be edited' },
  'unknown-user': { status: 422, title: 'No such user' },
  // analytics
  'analytics-rules-changed': { status: 409, title: 'The analytics rules changed meanwhile' },
  // sign-in for people
  'not-signed-in': { status: 422, title: 'The caller is not a signed-in person' },
  // people and keys managed over the API (functions/people)
  'person-exists': { status: 409, title: 'A person with this user id or e-mail exists already' },
  'person-changed': { status: 409, title: 'The person changed meanwhile' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCodes;
/** The status a code is registered with: `new ProblemError(422, 'lead-changed', …)` does not compile. */
export type ProblemStatus<C extends ProblemCode> = (typeof problemCodes)[C]['status'];
export type ConflictCode = { [C in ProblemCode]: ProblemStatus<C> extends 409 ? C : never }[ProblemCode];

export interface FieldProblem {
  /** Dotted path of the offending field, `''` for the body as a whole. */
  path: string;
  message: string;
}

export class ProblemError<C extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly status: ProblemStatus<C>,
    readonly code: C,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends ProblemError {
  constructor(errors: FieldProblem[], message = 'The request has invalid fields.') {
    super(400, 'validation-failed', message, errors);
  }
}
export class MalformedBodyError extends ProblemError {
  constructor(message: string) {
    super(400, 'malformed-body', message);
  }
}
export class UnauthorizedError extends ProblemError {
  constructor(message = 'A valid bearer key is required.') {
    super(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer' });
  }
}
export class ForbiddenError extends ProblemError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}
export class NotFoundError extends ProblemError {
  constructor(what: string) {
    super(404, 'not-found', `${what} was not found.`);
  }
}
export class ConflictError extends ProblemError<ConflictCode> {
  constructor(code: ConflictCode, message: string) {
    super(409, code, message);
  }
}
export class PayloadTooLargeError extends ProblemError {
  constructor(limitBytes: number) {
    super(413, 'payload-too-large', `The body is larger than ${limitBytes} bytes.`);
  }
}
export class UnsupportedMediaTypeError extends ProblemError {
  constructor(accepted: string[]) {
    super(415, 'unsupported-media-type', `Send the body as ${accepted.join(' or ')}.`);
  }
}
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: FieldProblem[];
}

export const problemType = (code: ProblemCode) => `urn:pusula:problem:${code}`;

export const problemDocument = (status: number, code: ProblemCode, detail?: string, errors?: FieldProblem[]) =>
  ({
    type: problemType(code),
    title: problemCodes[code].title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  }) satisfies ProblemDocument;
