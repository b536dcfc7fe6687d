// GET /openapi.json — the whole API as OpenAPI 3.1, as generated from the manifests (functions/api-document.ts).
import { json, route } from '../../../shared/http.js';
import { apiDocument } from '../../api-document.js';
import { apiDocsRoutes } from '../manifest.js';

export const handler = route(apiDocsRoutes.openApiDocument, async () =>
  json(200, await apiDocument(), { 'cache-control': 'public, max-age=300' }),
);
