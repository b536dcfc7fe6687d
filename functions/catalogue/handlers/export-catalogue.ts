// GET /catalogue/{kind}?format=csv|json  catalogue:read
// Exports products, price lists or FX rates as a file the import reads back. `format` wins over
// the Accept header; without either the answer is JSON.
import { type HttpEvent, header, route } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { catalogueKind } from '../catalogue-http.js';
import { exportCatalogue } from '../catalogue-store.js';
import { type FileFormat, toCsv, toJson } from '../domain/catalogue-import.js';
import { catalogueRoutes } from '../manifest.js';

const formatOf = (asked: string | undefined, event: HttpEvent): FileFormat => {
  if (asked === undefined) return /\btext\/csv\b/i.test(header(event, 'accept') ?? '') ? 'csv' : 'json';
  const format = asked.trim().toLowerCase();
  if (format !== 'csv' && format !== 'json')
    throw new ValidationError([{ path: 'format', message: { en: 'Write csv or json.', tr: 'csv veya json yazın.' } }]);
  return format;
};

export const handler = route(catalogueRoutes.exportCatalogue, async ({ params: { kind: slug }, query }, event) => {
  const kind = catalogueKind(slug);
  const format = formatOf(query.format, event);
  const records = await exportCatalogue(kind);
  return {
    statusCode: 200,
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.${format}"`,
    },
    body: format === 'csv' ? toCsv(kind, records) : toJson(records),
  };
});
