// The API describes itself on the running stack: /openapi.json is a valid 3.1 document with every
// manifest route, and /docs renders it in a real browser under its CSP, showing the operations.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { launchChromium } from '../support/browser.js';
import { api, get } from '../support/e2e.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document of every route, served by its manifest route', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]!.url).toBe(api());
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(useCases.flatMap((u) => u.routes.map((r) => `${r.method} ${r.path}`)).sort());
  });
});

describe('GET /docs', () => {
  it('serves the page with a CSP that allows only its own scripts, and the script under the 6 MB Lambda limit', async () => {
    const page = await get('/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await page.text()).not.toMatch(/<script>[^<]/);
    const script = await get('/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = await script.text();
    // What Lambda counts is the JSON response it returns: the body, JSON-escaped.
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(6 * 1024 * 1024 - 64 * 1024);
  });

  it('renders the reference in Chromium, with the operations and no CSP violation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(api()) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(`${api()}/docs`);
    await page.getByText('Capture a lead from a web form', { exact: false }).first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('Pusula CRM');
    expect(text).toContain('OpenAPI 3.1.0');
    // The first group is open; the others are listed by name.
    expect(text).toContain('List leads, newest first');
    expect(text).toContain('Add a note to a lead');
    expect(text).toContain('quote-approval');
    expect(text).toContain('api-docs');
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  });
});
