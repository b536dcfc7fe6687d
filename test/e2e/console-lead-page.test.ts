// A lead in the console, in Chromium against the local stack: a manager's and a team manager's list
// shows every status in their reach (filterable by one), the lead's page shows what the person
// wrote, the consent their form gave (with the address or number it is about), the owner and the
// rule that chose them, notes (added on the page) and history, and its status menu offers only the
// moves the API lists; a case's category in words. Every page visited passes axe.
import { describe, expect, inject, it } from 'vitest';
import { check, findRow, settled, signedIn, useBrowser, withApiKey } from '../support/console.js';
import { bearer, captureLead, getLead, keys, post, readProblem, settle, uniquePerson } from '../support/e2e.js';

useBrowser();

const move = async (leadId: string, to: string, seq: number, language = 'tr') =>
  post(`/leads/${leadId}/status`, { to, seq }, { ...bearer(keys().manager), 'accept-language': language });

/** The statuses of the rows a list shows now. */
const shownStatuses = (page: import('playwright-core').Page) =>
  page.locator('#list td[data-status]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));

describe('the leads list of a manager', () => {
  it('shows leads of every status, and one status when filtered', async () => {
    const fresh = await captureLead({
      name: uniquePerson('all-leads-new').name,
      email: uniquePerson('x').email,
      city: 'Kocaeli',
    });
    const worked = await captureLead({
      name: uniquePerson('all-leads-worked').name,
      email: uniquePerson('y').email,
      city: 'Kocaeli',
    });
    await settle();
    expect((await move(worked.leadId, 'contacted', 1)).status).toBe(200);

    const page = await signedIn('zeynep.manager@example.com', '/leads');
    await findRow(page, `a[href="#/leads/${worked.leadId}"]`);
    await findRow(page, `a[href="#/leads/${fresh.leadId}"]`);
    expect(
      await page.locator(`tr:has(a[href="#/leads/${worked.leadId}"]) td[data-status]`).getAttribute('data-status'),
    ).toBe('contacted');
    await check(page, 'leads-all');

    await page.getByLabel('Durum').selectOption('contacted');
    await page.getByRole('button', { name: 'Süz' }).click();
    await findRow(page, `a[href="#/leads/${worked.leadId}"]`);
    await settled(page);
    expect(new Set(await shownStatuses(page))).toEqual(new Set(['contacted']));
    expect(await page.locator(`a[href="#/leads/${fresh.leadId}"]`).count()).toBe(0);
    await page.context().close();
  });

  it("a team's manager sees her team's leads past new, and none of another team's", async () => {
    const export_ = await captureLead({
      name: uniquePerson('team-export').name,
      email: uniquePerson('z').email,
      productInterest: 'export',
    });
    const kocaeli = await captureLead({
      name: uniquePerson('team-istanbul').name,
      email: uniquePerson('w').email,
      city: 'Kocaeli',
    });
    await settle();
    expect((await move(export_.leadId, 'contacted', 1)).status).toBe(200);
    expect((await move(kocaeli.leadId, 'contacted', 1)).status).toBe(200);

    // Locally only the demo's sign-in people have a password: the team's manager comes with her key.
    const page = await withApiKey(inject('quoteKeys').managerSelin, '/leads?status=contacted');
    await findRow(page, `a[href="#/leads/${export_.leadId}"]`);
    expect(await page.locator(`a[href="#/leads/${kocaeli.leadId}"]`).count()).toBe(0);
    await page.context().close();
  });
});

describe("a lead's page", () => {
  it('shows what the lead wrote, consent, owner and why, notes and history; offers only legal moves', async () => {
    const p = uniquePerson('lead-page');
    const { leadId } = await captureLead({
      name: p.name,
      email: p.email,
      phone: p.localPhone,
      company: 'Deneme Lojistik Ltd.',
      city: 'Kocaeli',
      productInterest: 'elektrikli forklift',
      message: 'Depomuz için 3 adet forklift fiyatı istiyoruz.',
      source: 'web-form',
      utm_campaign: 'bahar',
      consent_email: true,
      consent_sms: true,
      consentTextVersion: 'kvkk-2026-01',
    });
    await settle();

    const page = await signedIn('zeynep.manager@example.com', `/leads/${leadId}`);
    const said = page.locator('[data-lead-message]');
    await said.waitFor();
    expect(await said.textContent()).toBe('Depomuz için 3 adet forklift fiyatı istiyoruz.');
    const facts = (await page.locator('[data-lead-facts]').textContent()) ?? '';
    for (const shown of [
      'elektrikli forklift',
      'Deneme Lojistik Ltd.',
      'Kocaeli',
      p.email,
      p.phone,
      'web-form',
      'campaign: bahar',
    ]) {
      expect(facts).toContain(shown);
    }
    // Consent is the form's, about the very address and number it was given for.
    const email = page.locator('tr[data-consent="email"]');
    expect(await email.textContent()).toContain('Onay bekliyor');
    expect(await email.textContent()).toContain(p.email);
    const sms = page.locator('tr[data-consent="sms"]');
    expect(await sms.textContent()).toContain('İzin verdi');
    expect(await sms.textContent()).toContain(p.phone);
    expect(await page.locator('tr[data-consent="phone"]').textContent()).toContain('İzin kaydı yok.');
    // The owner by name, and the rule that chose her in words.
    const owner = page.locator('[data-owner="rep-ayse"]');
    expect(await owner.textContent()).toContain('Ayşe Demo (Satış temsilcisi)');
    expect(await owner.textContent()).toContain('kural kocaeli-rep · Şehir: Kocaeli');

    // Only the moves the lifecycle allows from "new", in words.
    const options = () =>
      page
        .locator('[data-move] select[name="to"] option')
        .evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.textContent]));
    expect(await options()).toEqual([
      ['contacted', 'Görüşüldü'],
      ['disqualified', 'Elendi'],
    ]);
    await check(page, 'lead-page');

    await page.locator('[data-add-note] textarea[name="text"]').fill('Perşembe 14:00 için arandı, teklif bekliyor.');
    await page.getByRole('button', { name: 'Not ekle' }).click();
    await expect
      .poll(() => page.locator('[data-notes]').textContent())
      .toContain('Perşembe 14:00 için arandı, teklif bekliyor.');
    expect((await getLead(leadId)).notes?.map((n) => n.text)).toEqual(['Perşembe 14:00 için arandı, teklif bekliyor.']);

    await page.locator('[data-move] select[name="to"]').selectOption('contacted');
    await page.getByRole('button', { name: 'Taşı' }).click();
    await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('contacted');
    expect(await options()).toEqual([
      ['qualified', 'Nitelikli'],
      ['disqualified', 'Elendi'],
    ]);
    expect(await page.locator('[data-history]').textContent()).toContain('Yeni → Görüşüldü');

    // A closed lead offers no move at all.
    expect((await move(leadId, 'disqualified', 2)).status).toBe(200);
    await page.reload();
    await page.locator('[data-no-moves]').waitFor();
    expect(await page.locator('[data-move]').count()).toBe(0);
    await page.context().close();
  });
});

describe('the API behind the lead page', () => {
  it('lists the allowed moves, refuses another in the caller’s language with the console’s status names', async () => {
    const { leadId } = await captureLead({
      name: uniquePerson('allowed').name,
      email: uniquePerson('v').email,
      city: 'Kocaeli',
    });
    await settle();
    expect((await getLead(leadId)) as unknown).toMatchObject({
      allowedMoves: ['contacted', 'disqualified'],
      consents: [],
    });
    const turkish = await readProblem(await move(leadId, 'converted', 1, 'tr-TR,tr;q=0.9'));
    expect(turkish).toMatchObject({ status: 409, code: 'illegal-transition' });
    expect(turkish.detail).toBe(
      '"Yeni" durumundaki aday "Müşteriye dönüştü" olamaz; olabileceği durumlar: "Görüşüldü" veya "Elendi".',
    );
    const english = await readProblem(await move(leadId, 'converted', 1, 'en'));
    expect(english.detail).toBe('A new lead cannot become converted; it can become contacted or disqualified.');
    expect((await getLead(leadId)).status).toBe('new');
  });
});

describe("a case's page", () => {
  it('names its category in the reader’s language', async () => {
    const someone = uniquePerson('case-category');
    const opened = await post(
      '/cases',
      {
        type: 'complaint',
        channel: 'phone',
        subject: 'Kategori',
        category: 'billing',
        contact: { name: someone.name, email: someone.email, language: 'tr' },
      },
      { ...bearer(inject('caseKeys').agent), 'idempotency-key': `case-category-${someone.email}` },
    );
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };
    await settle();
    const page = await signedIn('kemal.director@example.com', `/cases/${caseId}`);
    const category = page.locator('[data-category]');
    await category.waitFor();
    expect(await category.textContent()).toBe('Fatura ve ödeme');
    expect(await category.getAttribute('data-category')).toBe('billing');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('[data-category]').textContent()).toBe('Billing and payment');
    await page.context().close();
  });
});
