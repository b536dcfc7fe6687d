// An agent creates a customer from a call at the desk, in Chromium against the local stack, with the
// consent the caller gave aloud: it is recorded per channel for the number the call came from, with
// the call and the agent as its evidence, and never for the e-mail address the caller spelled out.
// The API refuses a spoken consent for another number or for e-mail, changing nothing.
import { describe, expect, inject, it } from 'vitest';
import { check, signedIn, useBrowser } from '../support/console.js';
import { uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

useBrowser();

interface Consent {
  channel: string;
  address: string;
  state: string;
  via: string;
  callId?: string;
  agentId?: string;
}

describe('spoken consent at the call desk', () => {
  it('records the caller’s spoken SMS consent for the calling number only, with the call and the agent', async () => {
    const caller = uniquePerson('spoken');
    const page = await signedIn('deniz.agent@example.com', '/');
    await page.locator('[data-find]').waitFor();
    await page.keyboard.type(caller.localPhone);
    await page.keyboard.press('Enter');
    await page.locator('[data-unknown-caller]').waitFor();
    await page.getByLabel('Ad', { exact: true }).fill(caller.name);
    await page.getByLabel('E-posta', { exact: true }).fill(caller.email);
    await page.locator('[data-spoken-consent]').getByLabel('Pazarlama SMS').check();
    await check(page, 'desk-spoken-consent');
    await page.getByRole('button', { name: 'Oluştur' }).click();
    const match = page.locator('[data-match]');
    await match.waitFor();
    const customerId = (await match.getAttribute('data-match'))!;

    const agentKey = inject('requestKeys').agent;
    const record = await call<{ consents: Consent[] }>('GET', `/customers/${customerId}`, agentKey);
    expect(record.status, record.text).toBe(200);
    expect(record.body.consents).toEqual([
      expect.objectContaining({
        channel: 'sms',
        address: caller.phone,
        state: 'granted',
        via: 'call',
        callId: expect.stringMatching(/^desk-/),
        agentId: 'agent-deniz',
      }),
    ]);

    await page.goto(`${page.url().split('#')[0]}#/customers/${customerId}`);
    const sms = page.locator('[data-consent="sms"] [data-call]');
    await sms.waitFor();
    expect(await sms.textContent()).toContain('agent-deniz');
    expect(await page.locator('[data-consent="email"]').textContent()).toContain('İzin kaydı yok.');
    await page.context().close();

    // Another number than the customer's, or e-mail: refused with the field, and nobody created.
    const repKey = inject('customerRecordKeys').repAyse;
    const other = uniquePerson('spoken-other');
    const wrongNumber = await call('POST', '/customers', repKey, {
      name: other.name,
      phone: other.localPhone,
      spokenConsent: { from: caller.localPhone, channels: ['sms'], callId: 'call-1' },
    });
    expect(wrongNumber.status).toBe(400);
    expect(JSON.stringify(wrongNumber.body)).toContain('"path":"spokenConsent.from"');
    const byMail = await call('POST', '/customers', repKey, {
      name: other.name,
      phone: other.localPhone,
      email: other.email,
      spokenConsent: { from: other.localPhone, channels: ['email'], callId: 'call-2' },
    });
    expect(byMail.status).toBe(400);
    expect(JSON.stringify(byMail.body)).toContain('"path":"spokenConsent.channels');
    const nobody = await call('GET', `/customers/lookup?phone=${encodeURIComponent(other.phone)}`, repKey);
    expect(nobody.status).toBe(404);
  });
});
