// A dealer's day in Chromium against the local stack. The call center sends a test drive request to
// the customer's preferred dealer; the dealer opens it on a phone from the link in its mail, signs in,
// lands on the request, accepts it, finds it in the inbox and reports the outcome. The test asserts
// what the API then holds. README screenshots with PUSULA_SCREENSHOTS=1. (The manager's lists:
// console-manager-lists.test.ts.)
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { keys } from '../../shared/table.js';
import { check, docsScreenshot, useBrowser } from '../support/console.js';
import { mailTo, settle, uniquePerson } from '../support/e2e.js';
import { call, newCustomer, table } from '../support/quotes.js';

const browser = useBrowser();

interface RequestView {
  status: string;
  seq: number;
  outcome?: string;
  unitId: string;
  history: { action: string; from: string; to: string; actorId: string }[];
}

/** Sets the customer's preferred dealer and phone, as the customer record's PATCH would. */
const prefers = async (customerId: string, dealerId: string, phone: string) =>
  table().send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: keys.customer(customerId),
      UpdateExpression: 'SET preferredDealerId = :dealer, phone = :phone',
      ExpressionAttributeValues: { ':dealer': dealerId, ':phone': phone },
    }),
  );

describe("a dealer's day", () => {
  it('the dealer answers a test drive request from its mail link on a phone', async () => {
    // ---- the call center books a test drive at the customer's preferred dealer ----------------------
    const customer = await newCustomer('dealer-day');
    const phone = uniquePerson('dealer-day').phone;
    await prefers(customer.customerId, 'dealer-ankara', phone);
    const recorded = await call<{ requestId: string; unitId: string }>(
      'POST',
      `/customers/${customer.customerId}/requests`,
      inject('requestKeys').agent,
      {
        kind: 'test-drive',
        channel: 'phone',
        details: { model: 'FL-35D', preferredTimes: ['2030-01-05T10:00:00+03:00'] },
      },
      { 'idempotency-key': `dealer-day-${customer.customerId}` },
    );
    expect(recorded.status).toBe(201);
    const { requestId } = recorded.body;
    expect(recorded.body.unitId).toBe('dealer-ankara');
    await settle();
    const number = `TL-${requestId.slice(-8)}`;
    const mails = (await mailTo('ali.ankara@example.com')).filter((m) => m.subject.includes(number));
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+#\/requests\/[0-9A-Z]{26}/.exec(mails[0]!.body.text ?? '')?.[0];
    expect(link).toMatch(new RegExp(`/console/#/requests/${requestId}$`));
    expect(mails[0]!.body.html).toContain(`href="${link}"`);

    // ---- on a phone: the link asks for sign-in, then opens the request itself ------------------------
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'tr-TR' });
    const phonePage = await context.newPage();
    await phonePage.goto(link!);
    await phonePage.getByLabel('E-posta').fill('ali.ankara@example.com');
    await phonePage.getByLabel('Parola').fill(inject('signIn').password);
    await docsScreenshot(phonePage, 'dealer-mail-link-sign-in-phone');
    await phonePage.getByRole('button', { name: 'Giriş yap' }).click();
    await phonePage.locator('[data-number]').waitFor();
    expect(phonePage.url()).toMatch(new RegExp(`#/requests/${requestId}$`));
    expect(await phonePage.locator('[data-number]').textContent()).toBe(number);
    expect(await phonePage.locator('[data-request]').textContent()).toContain(customer.name);
    expect(await phonePage.locator('[data-phone]').textContent()).toBe(phone);
    expect(await phonePage.locator('[data-request]').textContent()).toContain('FL-35D');
    expect(await phonePage.locator('[data-status]').getAttribute('data-status')).toBe('open');
    await docsScreenshot(phonePage, 'dealer-request-phone');

    const accepting = phonePage.waitForResponse((r) => r.url().endsWith(`/requests/${requestId}/accept`));
    await phonePage.locator('form[data-move="accept"] button').click();
    const acceptAnswer = await accepting;
    expect([acceptAnswer.status(), await acceptAnswer.text()]).toEqual([200, expect.stringContaining('"accepted"')]);
    await expect
      .poll(() => phonePage.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');
    const accepted = await call<RequestView>('GET', `/requests/${requestId}`, inject('requestKeys').dealerAnkara);
    expect(accepted.body).toMatchObject({ status: 'accepted', seq: 2, unitId: 'dealer-ankara' });

    // ---- the inbox (the dealer's start page) holds it, found by its number ---------------------------
    await phonePage.setViewportSize({ width: 1280, height: 900 });
    await phonePage.evaluate("location.hash = '#/'");
    const row = phonePage.locator(`tr[data-item="${requestId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-kind')).toBe('request');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    await phonePage.getByLabel('Numarayla bul').fill(number.toLowerCase());
    await phonePage.getByRole('button', { name: 'Bul' }).click();
    await expect.poll(() => phonePage.locator('tr[data-item]').count(), { timeout: 15_000 }).toBe(1);
    await check(phonePage, 'dealer-inbox');
    await docsScreenshot(phonePage, 'dealer-inbox-desktop');

    // ---- the outcome ---------------------------------------------------------------------------------
    await row.getByRole('link', { name: number }).click();
    const done = phonePage.locator('form[data-move="done"]');
    await done.waitFor();
    await done.getByLabel('Sonuç').selectOption('sold');
    await done.getByLabel('Not').fill('Test sürüşünden sonra sözleşme imzalandı.');
    const reporting = phonePage.waitForResponse((r) => r.url().endsWith(`/requests/${requestId}/done`));
    await done.getByRole('button', { name: 'Sonucu bildir' }).click();
    expect((await reporting).status()).toBe(200);
    await expect
      .poll(() => phonePage.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');
    await check(phonePage, 'dealer-request');
    const held = await call<RequestView>('GET', `/requests/${requestId}`, inject('requestKeys').agent);
    expect(held.body).toMatchObject({ status: 'done', seq: 3, outcome: 'sold', unitId: 'dealer-ankara' });
    expect(held.body.history.map((m) => [m.action, m.from, m.to, m.actorId])).toEqual([
      ['accept', 'open', 'accepted', 'dealer-ankara-ali'],
      ['done', 'accepted', 'done', 'dealer-ankara-ali'],
    ]);
    await context.close();
  });
});
