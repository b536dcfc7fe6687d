// The API's OpenAPI document as `npm run generate` writes it (functions/openapi.json), read on first use: built
// from the manifests instead, it made each function that serves it (its route, the MCP server's tools) parse
// every module's schemas at its cold start and spend about half a second building it on its first call.
import { readFile } from 'node:fs/promises';
import { assetPath } from '../shared/assets.js';
import { config } from '../shared/config.js';
import type { FunctionAsset } from '../shared/manifest.js';
import type { OpenApiDocument } from '../shared/openapi.js';

/** Declared as an asset by each function that reads it, so the CDK copies it beside the bundle. */
export const apiDocumentFile = { from: 'functions/openapi.json', to: 'openapi.json' } satisfies FunctionAsset;

let stored: Promise<OpenApiDocument> | undefined;

/** The document, its server the deployment's public address. */
export const apiDocument = async (): Promise<OpenApiDocument> => {
  stored ??= readFile(assetPath(apiDocumentFile), 'utf8').then((text) => JSON.parse(text) as OpenApiDocument);
  return { ...(await stored), servers: [{ url: config.publicBaseUrl() }] };
};
