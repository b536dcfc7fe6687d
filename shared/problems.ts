// Errors a caller can act on, rendered as RFC 9457 problem details with a machine code.

export interface FieldProblem {
  /** Dotted path of the offending field, `''` for the body as a whole. */
  path: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
export class ConflictError extends ProblemError {
  constructor(code: string, message: string) {
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
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const problemDocument = (status: number, code: string, detail?: string, errors?: FieldProblem[]) =>
  ({
    type: `urn:pusula:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  }) satisfies ProblemDocument;
