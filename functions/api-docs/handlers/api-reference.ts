// GET /docs — the reference page; GET /docs/scalar.js — the script that renders it from
// /openapi.json. The page runs no inline script (the configuration is a data attribute), so its CSP
// allows scripts from this origin only; Scalar's default web fonts are turned off, so nothing else loads.
import { readFile } from 'node:fs/promises';
import { assetPath } from '../../../shared/assets.js';
import { config } from '../../../shared/config.js';
import { escapeHtml } from '../../../shared/html.js';
import { route, routes } from '../../../shared/http.js';
import { apiDocsRoutes, referenceScript } from '../manifest.js';

const csp = [
  "default-src 'none'",
  "script-src 'self'",
  // Scalar sets its theme as inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = route(apiDocsRoutes.referencePage, async () => {
  const base = config.publicBaseUrl();
  const settings = JSON.stringify({ url: `${base}/openapi.json`, withDefaultFonts: false, hideClientButton: true });
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Pusula CRM API</title></head><body><script id="api-reference" data-url="${escapeHtml(`${base}/openapi.json`)}" data-configuration="${escapeHtml(settings)}"></script><script src="${escapeHtml(`${base}/docs/scalar.js`)}"></script></body></html>`,
  };
});

/**
 * About 4.3 MB of text: under Lambda's 6 MB response limit as it is, so it goes as text (no binary
 * media type to configure on the API); read once per container.
 */
let script: Promise<string> | undefined;

const scriptRoute = route(apiDocsRoutes.referenceScript, async () => {
  script ??= readFile(assetPath(referenceScript), 'utf8');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=86400',
    },
    body: await script,
  };
});

export const handler = routes([page, scriptRoute]);
