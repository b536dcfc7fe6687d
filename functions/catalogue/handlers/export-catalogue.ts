// GET /catalogue/{kind}?format=csv|json  catalogue:read
// Exports products, price lists or FX rates as a file the import reads back. `format` wins over
// the Accept header; without either the answer is JSON.
import { type HttpEvent, header, httpHandler } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { catalogueRequest } from '../catalogue-http.js';
import { exportCatalogue } from '../catalogue-store.js';
import { type FileFormat, toCsv, toJson } from '../domain/catalogue-import.js';

const formatOf = (event: HttpEvent): FileFormat => {
  const asked = event.queryStringParameters?.format;
  if (asked === undefined) return /\btext\/csv\b/i.test(header(event, 'accept') ?? '') ? 'csv' : 'json';
  const format = asked.trim().toLowerCase();
  if (format !== 'csv' && format !== 'json') throw new ValidationError([{ path: 'format', message: 'Write csv or json.' }]);
  return format;
};

export const handler = httpHandler(async (event: HttpEvent) => {
  const { kind, slug } = catalogueRequest(event, 'catalogue:read');
  const format = formatOf(event);
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
