// The console in Chromium against the local stack (cognito-local): the sign-in steps a real pool asks
// for — an invited person's own new password, setting up TOTP and answering its code, a forgotten
// password's code — and the API's problems shown in the console's language. What cognito-local does
// not do (refuse a password off the pool's policy, a reset code the test can read) is tested against
// moto in test/integration/console-cognito.test.ts.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { invitePerson } from '../../functions/people/people.js';
import { adminCall } from '../../functions/people/user-pool.js';
import { check, signedIn, useBrowser } from '../support/console.js';
import { api, captureLead, settle, uniquePerson } from '../support/e2e.js';
import { currentCode, wrongCode } from '../support/totp.js';

const browser = useBrowser();
/** People are invited as an operator would with `npm run users` (agents: no team's lead rotation to join). */
const operator = { actorId: 'operator', via: 'cli' } as const;
const temporary = 'Gecici-Parola-2026!';
const chosen = 'Kendi-Parolam-2026!';

const fieldProblem = (page: Page, name: string) => page.locator(`[data-field-problem="${name}"]`);

const signInAs = async (page: Page, email: string, password: string) => {
  await page.getByLabel('E-posta').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
};

/** A wrong code first (shown next to the code's field), then the authenticator's current one. */
const answerCode = async (page: Page, secret: string) => {
  for (const wrong of [true, false]) {
    await page.getByLabel('Kod').fill(wrong ? wrongCode(secret) : await currentCode(secret));
    await page.getByRole('button', { name: 'Doğrula' }).click();
    if (wrong)
      await expect.poll(() => fieldProblem(page, 'code').textContent()).toBe('Kod yanlış ya da süresi geçmiş.');
  }
};

describe('the sign-in steps of a real pool, in the console', () => {
  it('an invited person chooses a password, sets up TOTP, and from then on signs in with its code', async () => {
    const email = `davetli-${randomUUID().slice(0, 8)}@example.com`;
    await invitePerson(
      { userPoolId: inject('signIn').userPoolId, invitePassword: temporary },
      { email, name: 'Davetli Deneme', role: 'agent' },
      operator,
    );
    // As an invitation leaves them: the temporary password must be changed at the first sign-in.
    await adminCall('AdminSetUserPassword', {
      UserPoolId: inject('signIn').userPoolId,
      Username: email,
      Password: temporary,
      Permanent: false,
    });

    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${api()}/console/`);
    await signInAs(page, email, temporary);
    await page.getByRole('heading', { name: 'Yeni parolanızı belirleyin' }).waitFor();
    await expect.poll(() => page.locator('#password-policy').textContent()).toContain('En az 12 karakter');
    await check(page, 'sign-in-new-password');
    await page.getByLabel('Yeni parola').fill(chosen);
    await page.getByRole('button', { name: 'Parolayı kaydet' }).click();
    await page.getByRole('button', { name: 'Çıkış' }).waitFor();

    await page.getByRole('link', { name: 'Hesabım' }).click();
    await page.getByRole('button', { name: 'Doğrulayıcı uygulamayı bağla' }).click();
    const secret = (await page.locator('[data-secret]').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.locator('[data-otpauth]').textContent()).toBe(
      `otpauth://totp/Pusula:${encodeURIComponent(email)}?secret=${secret}&issuer=Pusula&algorithm=SHA1&digits=6&period=30`,
    );
    await check(page, 'account-mfa');
    await answerCode(page, secret);
    await expect.poll(() => page.locator('[data-mfa-status]').textContent()).toContain('İki adımlı doğrulama açık');

    await page.getByRole('button', { name: 'Çıkış' }).click();
    await signInAs(page, email, chosen);
    await page.getByRole('heading', { name: 'Doğrulama kodu' }).waitFor();
    await check(page, 'sign-in-totp');
    await answerCode(page, secret);
    await page.getByRole('button', { name: 'Çıkış' }).waitFor();
    await context.close();
  });

  it('a forgotten password: the code goes out, and a wrong one is shown next to its field', async () => {
    const email = `unutkan-${randomUUID().slice(0, 8)}@example.com`;
    await invitePerson(
      { userPoolId: inject('signIn').userPoolId, invitePassword: chosen },
      { email, name: 'Unutkan Deneme', role: 'agent' },
      operator,
    );
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${api()}/console/`);
    await page.getByLabel('E-posta').fill(email);
    await page.getByRole('button', { name: 'Parolamı unuttum' }).click();
    await expect.poll(() => page.getByLabel('E-posta').inputValue()).toBe(email);
    await page.getByRole('button', { name: 'Kodu gönder' }).click();
    await page.getByLabel('Sıfırlama kodu').waitFor();
    await check(page, 'sign-in-reset');
    await page.getByLabel('Sıfırlama kodu').fill('000000');
    await page.getByLabel('Yeni parola').fill('Baska-Parola-2026!');
    await page.getByRole('button', { name: 'Parolayı sıfırla' }).click();
    await expect.poll(() => fieldProblem(page, 'code').textContent()).toBe('Kod yanlış ya da süresi geçmiş.');
    await context.close();
    // The old password still works: a wrong code changes nothing.
    const still = await browser().newContext();
    const again = await still.newPage();
    await again.goto(`${api()}/console/`);
    await signInAs(again, email, chosen);
    await again.getByRole('button', { name: 'Çıkış' }).waitFor();
    await still.close();
  });
});

describe("the API's problems in the console's language", () => {
  it('an illegal move of a lead is explained in Turkish (Turkish statuses), in English after the toggle', async () => {
    const own = uniquePerson('console-language');
    const { leadId } = await captureLead({ name: own.name, email: own.email, city: 'Kocaeli' });
    await settle();
    const page = await signedIn('ayse.rep@example.com', `/leads/${leadId}`);
    const move = async () => {
      // The menu offers only legal moves; a stale or hand-made choice still meets the API's refusal.
      await page
        .locator('[data-move] select[name="to"]')
        .evaluate((select) => select.insertAdjacentHTML('beforeend', '<option value="converted">converted</option>'));
      await page.locator('[data-move] select[name="to"]').selectOption('converted');
      await page.locator('[data-move] button[type="submit"]').click();
    };
    await move();
    await expect
      .poll(() => page.locator('[data-move] [data-problem]').textContent())
      .toBe('"Yeni" durumundaki aday "Müşteriye dönüştü" olamaz; olabileceği durumlar: "Görüşüldü" veya "Elendi".');
    expect(await page.locator('[data-status]').textContent()).toBe('Yeni');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-move]').waitFor();
    // The status in the reader's language too, its machine value unchanged.
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('New');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('new');
    await move();
    await expect
      .poll(() => page.locator('[data-move] [data-problem]').textContent())
      .toBe('A new lead cannot become converted; it can become contacted or disqualified.');
    await page.context().close();
  });
});
