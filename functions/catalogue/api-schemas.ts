// The catalogue routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';

/** `products`, `price-lists` or `fx-rates`; any other is a 404 from the handler, as an unknown record is. */
export const catalogueParams = z.strictObject({ kind: z.string().check(z.maxLength(40)) });
/** `format` wins over `Accept: text/csv`; the handler reads it case-insensitively. */
export const catalogueExportQuery = z.strictObject({ format: z.optional(z.string().check(z.maxLength(10))) });
/** Rows as CSV or a JSON array; checked row by row, every error with its line. */
export const catalogueFile = z.unknown();
