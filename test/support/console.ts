// The staff console in Chromium, shared by the console's e2e suites: one browser per suite, a
// signed-in person's page, and the check every page visited passes (screenshots at phone and desktop
// widths in .data/screenshots, not committed; no serious or critical axe violation).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { repoRoot } from '../../infra/local/functions.js';
import { launchChromium } from './browser.js';
import { api } from './e2e.js';

const shots = join(repoRoot, '.data/screenshots');
let browser: Browser;

/** Starts Chromium before the suite and closes it after; call once at the top of a suite file. */
export const useBrowser = () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
};

/** A page at desktop width, the console in Turkish, before anyone signs in. */
export const browserPage = async (start = '/') => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
  const page = await context.newPage();
  await page.goto(`${api()}/console/#${start}`);
  return page;
};

/** A signed-in person's page at desktop width, the console in Turkish. */
export const signedIn = async (email: string, start = '/') => {
  const page = await browserPage(start);
  await page.getByLabel('E-posta').fill(email);
  await page.getByLabel('Parola').fill(inject('signIn').password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('button', { name: 'Çıkış' }).waitFor();
  return page;
};

/** A page signed in with an integration's API key. */
export const withApiKey = async (key: string, start = '/') => {
  const page = await browserPage(start);
  await page.locator('details summary').click();
  await page.getByLabel('API anahtarı').fill(key);
  await page.getByRole('button', { name: 'Anahtarı kullan' }).click();
  await page.getByRole('button', { name: 'Çıkış' }).waitFor();
  return page;
};

/** Waits until no page or list is loading. */
export const settled = (page: Page) => page.waitForFunction('!document.querySelector(\'[aria-busy="true"]\')');

/** Screenshots at 1280 and 390 px, and no serious or critical axe violation on the page as it is. */
export const check = async (page: Page, name: string) => {
  await settled(page);
  await page.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  // A document shown in a script-less sandboxed frame (a person's data export) is content, not the console's
  // own page, and axe cannot run inside it: Playwright waits out its 30 s for the frame's scripts.
  const { violations } = await new AxeBuilder({ page }).exclude('iframe[sandbox=""]').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
};

/**
 * A screenshot for the README: written to docs/screenshots only when PUSULA_SCREENSHOTS=1 (an
 * ordinary run leaves the committed images alone), at the page's current viewport, not full page,
 * so the PNG stays small.
 */
export const docsScreenshot = async (page: Page, name: string) => {
  if (process.env.PUSULA_SCREENSHOTS !== '1') return;
  await settled(page);
  const dir = join(repoRoot, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
};

/**
 * Clicks "More" until the row shows: queues shared with other suites may hold many rows. Waits for
 * the row or the button itself, not for a settled page — right after a click on a link the page that
 * was there is still settled, and its missing row must not count as "not on this page".
 */
export const findRow = async (page: Page, selector: string) => {
  const row = page.locator(selector);
  const more = page.getByRole('button', { name: 'Daha fazla' });
  for (let i = 0; i < 50; i++) {
    await row.or(more).first().waitFor();
    if ((await row.count()) > 0) break;
    await more.click();
    await settled(page);
  }
  return row;
};
