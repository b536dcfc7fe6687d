// POST /catalogue/{kind}  (text/csv or application/json)  catalogue:write
// Imports products, price lists or FX rates, all or nothing: a bad row fails the whole file with
// every error and its line number, and nothing of it is imported.
import { clockNow } from '../../../shared/clock.js';
import { header, json, route } from '../../../shared/http.js';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../../shared/problems.js';
import { catalogueKind } from '../catalogue-http.js';
import { importCatalogue } from '../catalogue-store.js';
import { importCsv, importJson } from '../domain/catalogue-import.js';
import { emptyFile, ImportFailedError } from '../import-problems.js';
import { CATALOGUE_FILE_BYTES, catalogueRoutes } from '../manifest.js';

export const handler = route(catalogueRoutes.importCatalogue, async ({ actor, params }, event) => {
  const kind = catalogueKind(params.kind);
  const type = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/csv' && type !== 'application/json')
    throw new UnsupportedMediaTypeError(['text/csv', 'application/json']);
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > CATALOGUE_FILE_BYTES) throw new PayloadTooLargeError(CATALOGUE_FILE_BYTES);
  if (bytes.length === 0) throw new ValidationError([{ path: '', message: emptyFile }]);
  const file = bytes.toString('utf8');
  const parsed = type === 'text/csv' ? importCsv(kind, file) : importJson(kind, file);
  if (!parsed.ok) throw new ImportFailedError(parsed.errors);
  return json(200, await importCatalogue(kind, parsed.records, actor.userId, clockNow()));
});
