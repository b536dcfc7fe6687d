// GET /openapi.json — the whole API as OpenAPI 3.1, generated once per cold start from the manifests.
import packageJson from '../../../package.json' with { type: 'json' };
import { config } from '../../../shared/config.js';
import { json, route } from '../../../shared/http.js';
import { openApiDocument } from '../../../shared/openapi.js';
import { useCases } from '../../manifests.js';
import { apiDocsRoutes } from '../manifest.js';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = route(apiDocsRoutes.openApiDocument, async () => {
  document ??= openApiDocument(useCases, {
    title: 'Pusula CRM',
    version: packageJson.version,
    serverUrl: config.publicBaseUrl(),
  });
  return json(200, document, { 'cache-control': 'public, max-age=300' });
});
