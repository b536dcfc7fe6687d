// The satisfaction survey in a real browser (Debian's Chromium) at a phone's size, scripts off: the
// customer opens the link mailed on resolution, scores 2 with a comment, and the department's manager
// is alerted; a reused, forged or expired link changes nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyLink } from '../../functions/complaint-escalation/survey.js';
import { launchChromium, phonePage } from '../support/browser.js';
import { bearer, get, mailTo, person, post, postForm, settle } from '../support/e2e.js';
import { linksIn } from '../support/quotes.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const caseKeys = () => inject('caseKeys');

const readCase = async (caseId: string) =>
  (await (await get(`/cases/${caseId}`, caseKeys().director)).json()) as {
    seq: number;
    survey?: { score: number; comment?: string };
  };

describe('the satisfaction survey on a phone', () => {
  it('records a low score once, alerts the manager, and refuses the link after', async () => {
    const someone = person('survey');
    const opened = (await (
      await post(
        '/cases',
        {
          type: 'complaint',
          category: 'website',
          channel: 'web',
          subject: 'Ödeme sayfası açılmıyor',
          contact: { ...someone, language: 'tr' },
        },
        bearer(caseKeys().department),
      )
    ).json()) as { caseId: string; caseNumber: string };
    for (const to of ['acknowledged', 'resolved']) {
      expect((await post(`/cases/${opened.caseId}/status`, { to }, bearer(caseKeys().department))).status).toBe(200);
    }
    await settle();
    const [mail] = (await mailTo(someone.email)).filter((m) => m.subject === `Kaydınız çözüldü: ${opened.caseNumber}`);
    const [url] = linksIn(mail, '/case-links/survey');
    expect(url).toBeDefined();

    const { context, page } = await phonePage(browser);
    try {
      expect((await page.goto(url!))?.status()).toBe(200);
      expect(await page.title()).toBe('Memnuniyet anketi');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      // A post without a score (the browser asks for one first) gets the form again and stores nothing.
      const noScore = await postForm('/case-links/survey', {
        token: new URL(url!).searchParams.get('token')!,
        comment: 'x',
      });
      expect(noScore.status).toBe(400);
      expect(await noScore.text()).toContain('1 ile 5');
      expect((await readCase(opened.caseId)).survey).toBeUndefined();

      await page.getByLabel('2').check();
      await page.locator('#comment').fill('Çok bekledim.');
      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.getByRole('button', { name: 'Gönder' }).click(),
      ]);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('thanks');
      await page.screenshot({ path: '/tmp/case-survey-done.png' });

      // The same link again: a page saying it is used, and a post with it changes nothing.
      expect((await page.goto(url!))?.status()).toBe(410);
      expect(await page.locator('#outcome').getAttribute('data-outcome')).toBe('used');
    } finally {
      await context.close();
    }
    const answered = await readCase(opened.caseId);
    expect(answered.survey).toMatchObject({ score: 2, comment: 'Çok bekledim.' });
    const token = new URL(url!).searchParams.get('token')!;
    const reused = await postForm('/case-links/survey', { token, score: '5', comment: 'again' });
    expect(reused.status).toBe(410);
    expect(await readCase(opened.caseId)).toEqual(answered);

    await settle();
    const alerts = (await mailTo('hakan.manager@example.com')).filter((m) => m.subject.includes(opened.caseNumber));
    expect(alerts.map((m) => m.subject)).toEqual([`Düşük memnuniyet puanı (2/5): ${opened.caseNumber}`]);
  });

  it('answers a forged or an expired link with a page and stores nothing', async () => {
    const someone = person('survey-bad');
    const opened = (await (
      await post(
        '/cases',
        {
          type: 'request',
          category: 'website',
          channel: 'phone',
          subject: 'Fatura kopyası',
          contact: { ...someone, language: 'en' },
        },
        bearer(caseKeys().department),
      )
    ).json()) as { caseId: string };
    const stored = (await (await get(`/cases/${opened.caseId}`, caseKeys().director)).json()) as { customerId: string };
    const claims = { customerId: stored.customerId, caseId: opened.caseId };
    const expired = await surveyLink.token(claims, { now: new Date(Date.now() - 31 * 24 * 3600 * 1000) });
    const valid = await surveyLink.token(claims);
    const forged = `${valid.split('.')[0]}.${'A'.repeat(43)}`;
    for (const [token, outcome] of [
      [expired, 'expired'],
      [forged, 'invalid'],
    ] as const) {
      const response = await postForm('/case-links/survey', { token, score: '1' });
      expect(response.status).toBe(410);
      expect(await response.text()).toContain(`data-outcome="${outcome}"`);
    }
    expect((await readCase(opened.caseId)).survey).toBeUndefined();
  });
});
