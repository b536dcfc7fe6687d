// The catalogue's admin endpoints:
//   POST /catalogue/{kind}  (text/csv or application/json)  import, all or nothing   catalogue:write
//   GET  /catalogue/{kind}?format=csv|json                   export                   catalogue:read
//   GET  /approval-policy                                      the policy in force     catalogue:read
//   PUT  /approval-policy {rules, seq?}                        replace it              catalogue:write
// where kind is products, price-lists or fx-rates. A bad row fails the whole file with every
// error and its line number; nothing of it is imported.
import { type HttpEvent, header, httpHandler, json, validate } from '../../../shared/http.js';
import {
  NotFoundError,
  PayloadTooLargeError,
  ProblemError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { exportCatalogue, getApprovalPolicy, importCatalogue, replaceApprovalPolicy } from '../catalogue-store.js';
import { approvalPolicySchema } from '../domain/approval-policy.js';
import { type CatalogueKind, type ImportError, importCsv, importJson, toCsv, toJson } from '../domain/catalogue-import.js';
import { usersInRole } from '../quote-access.js';
import { staff } from '../staff.js';

/** About ten thousand rows: parsed, checked and written well within the function's timeout. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const kinds: Record<string, CatalogueKind> = { products: 'products', 'price-lists': 'priceLists', 'fx-rates': 'fxRates' };

export class ImportFailedError extends ProblemError {
  constructor(errors: ImportError[]) {
    super(
      422,
      'import-failed',
      `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported.`,
      errors.map(({ line, field, message }) => ({ path: field, line, message })),
    );
  }
}

const mediaType = (event: HttpEvent) => (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();

const fileOf = (event: HttpEvent) => {
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_FILE_BYTES) throw new PayloadTooLargeError(MAX_FILE_BYTES);
  if (bytes.length === 0) throw new ValidationError([{ path: '', message: 'The file is empty.' }]);
  return bytes.toString('utf8');
};

const importFile = async (event: HttpEvent, kind: CatalogueKind, actorId: string) => {
  const type = mediaType(event);
  if (type !== 'text/csv' && type !== 'application/json') throw new UnsupportedMediaTypeError(['text/csv', 'application/json']);
  const file = fileOf(event);
  const parsed = type === 'text/csv' ? importCsv(kind, file) : importJson(kind, file);
  if (!parsed.ok) throw new ImportFailedError(parsed.errors);
  return json(200, await importCatalogue(kind, parsed.records, actorId, new Date()));
};

const exportFile = async (event: HttpEvent, kind: CatalogueKind, slug: string) => {
  const format = event.queryStringParameters?.format ?? (header(event, 'accept')?.includes('text/csv') ? 'csv' : 'json');
  if (format !== 'csv' && format !== 'json') throw new ValidationError([{ path: 'format', message: 'csv or json.' }]);
  const records = await exportCatalogue(kind);
  const csv = format === 'csv';
  return {
    statusCode: 200,
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.${format}"`,
    },
    body: csv ? toCsv(kind, records) : toJson(records),
  };
};

const policyBody = z.strictObject({ rules: z.unknown(), seq: z.optional(z.int().check(z.gte(0))) });

const replacePolicy = async (event: HttpEvent, actorId: string) => {
  if (mediaType(event) !== 'application/json') throw new UnsupportedMediaTypeError(['application/json']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileOf(event));
  } catch {
    throw new ValidationError([{ path: '', message: 'The body is not valid JSON.' }]);
  }
  const { rules, seq } = validate(policyBody, parsed);
  const policy = validate(approvalPolicySchema, rules);
  const roles = [...new Set(policy.map((rule) => rule.approverRole))];
  const unstaffed = (await Promise.all(roles.map(async (role) => ((await usersInRole(role)).length ? [] : [role])))).flat();
  if (unstaffed.length) {
    throw new ProblemError(
      422,
      'unknown-approver-role',
      'Every approving role needs someone who holds it.',
      policy.flatMap((rule, i) =>
        unstaffed.includes(rule.approverRole) ? [{ path: `rules.${i}.approverRole`, message: `Nobody holds the role ${rule.approverRole}.` }] : [],
      ),
    );
  }
  return json(200, await replaceApprovalPolicy(policy, seq, actorId, new Date()));
};

export const handler = httpHandler(async (event: HttpEvent) => {
  const writing = event.httpMethod === 'POST' || event.httpMethod === 'PUT';
  const viewer = await staff(event, writing ? 'catalogue:write' : 'catalogue:read');
  if (event.resource === '/approval-policy') {
    if (writing) return replacePolicy(event, viewer.actor.userId);
    const policy = await getApprovalPolicy();
    if (!policy) throw new NotFoundError('An approval policy');
    return json(200, policy);
  }
  const slug = event.pathParameters?.kind ?? '';
  const kind = Object.hasOwn(kinds, slug) ? kinds[slug]! : undefined;
  if (!kind) throw new NotFoundError(`The catalogue "${slug.slice(0, 40)}"`);
  return writing ? importFile(event, kind, viewer.actor.userId) : exportFile(event, kind, slug);
});
