// Debian's Chromium for the browser tests (never a downloaded one), and a phone-sized page with
// scripts off: the pages these tests open must work as plain HTML on a phone.
import { type Browser, chromium } from 'playwright-core';

export const launchChromium = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const phonePage = async (browser: Browser, locale = 'tr-TR') => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
    locale,
  });
  return { context, page: await context.newPage() };
};
