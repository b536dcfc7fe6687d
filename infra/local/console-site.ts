// The staff console, locally: built with Vite's JS API on the first request for it (so stacks that
// never open it pay nothing), then served under /console/ by the API's own server, same origin as
// the API. `config.json` tells the app where the API and the pool's endpoint are, as the CDK's
// deployment writes it next to the files in S3.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from './functions.js';

export interface ConsoleConfig {
  apiBaseUrl: string;
  cognitoEndpoint: string;
  region: string;
  clientId: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Builds the console into `outDir` (a temporary folder without one) with console/vite.config.ts. */
export const buildConsole = async (outDir: string) => {
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'console/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
};

export const consoleSite = (options: { config: () => ConsoleConfig; outDir?: string }) => {
  const temporary = options.outDir ? undefined : mkdtempSync(join(tmpdir(), 'pusula-console-'));
  const outDir = options.outDir ?? temporary!;
  let built: Promise<string> | undefined;
  /** Answers requests under /console/; false for any other path. */
  const serve = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/console') {
      res.writeHead(308, { location: '/console/' }).end();
      return true;
    }
    if (!url.pathname.startsWith('/console/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const path = url.pathname.slice('/console/'.length) || 'index.html';
    if (path === 'config.json') {
      res
        .writeHead(200, { 'content-type': types['.json']!, 'cache-control': 'no-store' })
        .end(JSON.stringify(options.config()));
      return true;
    }
    built ??= buildConsole(outDir);
    const root = await built;
    const file = normalize(join(root, path));
    let body: Buffer;
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      body = readFileSync(file);
    } catch {
      // The app routes by hash: any other unknown path is the app's index, as CloudFront's fallback.
      body = readFileSync(join(root, 'index.html'));
      res.writeHead(200, { 'content-type': types['.html']! }).end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    res
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      .end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
  const close = () => {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
  return { serve, close };
};
