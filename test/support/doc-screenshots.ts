// Screenshots for the README: written to docs/screenshots/ only when PUSULA_SCREENSHOTS=1, so an
// ordinary test run leaves the committed pictures alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../infra/local/functions.js';

const folder = join(repoRoot, 'docs/screenshots');

/** The page as it is, at desktop width, as docs/screenshots/<name>.png (when asked for). */
export const docScreenshot = async (page: Page, name: string) => {
  if (process.env.PUSULA_SCREENSHOTS !== '1') return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
};
