// The console's admin rules, catalogue import and the units' order and case pages, in Chromium
// against the local stack: a routing rule changed in the page routes the test's own order (then
// the rule is taken out again), a stale save is a 409 in words, a bad catalogue row is listed and
// imports nothing while a good file imports, a dealer acknowledges on the order page, and a
// department person reads a case's SLA clock and moves the case on the page; the approval policy
// refuses a role nobody holds next to its field, and a rep's commission rate is set in percent.
// Every page passes axe and is screenshot.
import { describe, expect, inject, it } from 'vitest';
import { check, findRow, settled, signedIn, useBrowser, withApiKey } from '../support/console.js';
import { api, bearer, post, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

useBrowser();
const admin = () => inject('consoleRulesKeys').admin;
const suffix = () =>
  Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);

interface Rules {
  rules: { id: string; kind: string; cities?: string[]; unitIds?: string[] }[];
  fallbackUnitId: string;
  customerNotices: string[];
  seq: number;
}
const rules = async () => (await call<Rules>('GET', '/routing-rules', admin())).body;

const postOrder = async (city: string, tag: string) => {
  const buyer = uniquePerson(tag);
  const answer = await post(
    '/orders',
    {
      customer: { name: buyer.name, email: buyer.email, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Sokak 7', city },
      channel: 'web-shop',
    },
    { ...bearer(inject('orderKeys').shop), 'idempotency-key': `console-rules-${buyer.email}` },
  );
  expect(answer.status).toBe(201);
  const { orderId } = (await answer.json()) as { orderId: string };
  await settle();
  return orderId;
};

const getOrder = async (orderId: string) =>
  (
    await call<{ status: string; unitId?: string; routing?: { ruleId: string } }>(
      'GET',
      `/orders/${orderId}`,
      inject('orderKeys').manager,
    )
  ).body;

describe('the console for admins and units', () => {
  it('an admin adds a routing rule in the page (an order is routed by it, a stale save is a 409, it is taken out again), is refused a role nobody holds, and sets a rep’s commission rate', async () => {
    const ruleId = `console-e2e-${suffix()}`;
    const city = `Denekoy${suffix()}`;
    const n = (await rules()).rules.length;
    const page = await withApiKey(admin(), '/admin/routing');
    await page.locator('[data-routing-rules]').waitFor();
    await page.getByRole('button', { name: 'Kural ekle' }).click();
    await page.locator(`input[name="rules.${n}.id"]`).fill(ruleId);
    await page.locator(`input[name="rules.${n}.cities"]`).fill(city);
    await page.locator(`input[name="rules.${n}.unitIds"]`).fill('no-such-unit-e2e');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    // The unknown unit (422, path rules.n.unitIds.0) is shown next to that row's units.
    const unitProblem = page.locator(`[data-field-problem="rules.${n}.unitIds"]`);
    await unitProblem.waitFor();
    expect(await unitProblem.textContent()).toContain('no-such-unit-e2e');
    expect((await rules()).rules.map((r) => r.id)).not.toContain(ruleId);

    await page.locator(`input[name="rules.${n}.unitIds"]`).fill('dealer-izmir');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.locator('[data-saved]').waitFor();
    expect((await rules()).rules.find((r) => r.id === ruleId)).toMatchObject({
      kind: 'region',
      cities: [city],
      unitIds: ['dealer-izmir'],
    });
    await check(page, 'admin-routing');

    const orderId = await postOrder(city, 'console-rules-routed');
    expect(await getOrder(orderId)).toMatchObject({ status: 'routed', unitId: 'dealer-izmir', routing: { ruleId } });

    // Someone else saves meanwhile: this page's seq is stale, and its save is refused in words.
    const now = await rules();
    const other = await call('PUT', '/routing-rules', admin(), {
      rules: now.rules,
      fallbackUnitId: now.fallbackUnitId,
      customerNotices: now.customerNotices,
      seq: now.seq,
    });
    expect(other.status).toBe(200);
    await page
      .locator(`tr[data-rule="${ruleId}"]`)
      .getByRole('button', { name: `Kaldır ${n + 1}` })
      .click();
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await expect
      .poll(() => page.locator('[data-problem]').textContent())
      .toContain('Bu kayıt siz okuduktan sonra başkası tarafından değiştirildi');
    expect((await rules()).rules.map((r) => r.id)).toContain(ruleId);

    await page.reload();
    await page
      .locator(`tr[data-rule="${ruleId}"]`)
      .getByRole('button', { name: `Kaldır ${n + 1}` })
      .click();
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.locator('[data-saved]').waitFor();
    expect((await rules()).rules.map((r) => r.id)).not.toContain(ruleId);

    // The approval policy: a role nobody holds is shown next to that rule's role, and nothing is saved.
    const policy = (await call<{ rules: unknown[]; seq: number }>('GET', '/approval-policy', admin())).body;
    expect(policy.rules.length).toBeGreaterThan(0);
    await page.goto(`${api()}/console/#/admin/approval`);
    await page.locator('input[name="rules.0.approverRole"]').fill('no-such-role');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.locator('[data-field-problem="rules.0.approverRole"]').waitFor();
    expect((await call<{ seq: number }>('GET', '/approval-policy', admin())).body.seq).toBe(policy.seq);
    await check(page, 'admin-approval');

    // Analytics: a rep's own commission rate added in percent is stored in basis points, then taken out.
    type AnalyticsRules = { commission: { repRatesBp: Record<string, number>; seq: number } };
    const repRates = async () => (await call<AnalyticsRules>('GET', '/analytics/rules', admin())).body.commission;
    const before = await repRates();
    const reps = Object.keys(before.repRatesBp).length;
    const rep = `rep-e2e-${suffix()}`;
    await page.goto(`${api()}/console/#/admin/analytics`);
    const commission = page.locator('[data-commission-rules]');
    await commission.getByRole('button', { name: 'Oran ekle' }).click();
    await page.locator(`input[name="reps.${reps}.id"]`).fill(rep);
    await page.locator(`input[name="reps.${reps}.rate"]`).fill('3.5');
    await commission.getByRole('button', { name: 'Kaydet' }).click();
    await commission.locator('[data-saved]').waitFor();
    expect(await repRates()).toMatchObject({ repRatesBp: { [rep]: 350 }, seq: before.seq + 1 });
    await check(page, 'admin-analytics');
    await commission.getByRole('button', { name: `Kaldır ${reps + 1}` }).click();
    await commission.getByRole('button', { name: 'Kaydet' }).click();
    await expect.poll(async () => (await repRates()).seq).toBe(before.seq + 2);
    expect((await repRates()).repRatesBp).not.toHaveProperty(rep);
    await page.context().close();
  });

  it('a catalogue file with a bad row lists that row and imports nothing; a good one imports', async () => {
    const exported = (await call('GET', '/catalogue/products?format=csv', admin())).text.trimEnd();
    const lines = exported.split('\n').length;
    const bad = `E2E-BAD-${suffix()}`;
    const good = `E2E-OK-${suffix()}`;
    const file = (row: string) => ({
      name: 'products.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${exported}\n${row}\n`),
    });
    const skus = async () =>
      (await call<{ sku: string }[]>('GET', '/catalogue/products', admin())).body.map((p) => p.sku);

    const page = await withApiKey(admin(), '/admin/catalogue');
    await page.locator('input[name="file"]').setInputFiles(file(`${bad},Deneme,Trial,,,adet,aksesuar,abc,TRY,20,true`));
    await page.getByRole('button', { name: 'İçe aktar' }).click();
    const row = page.locator(`[data-import-errors] tr[data-line="${lines + 1}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('cost');
    expect(await skus()).not.toContain(bad);
    await check(page, 'admin-catalogue-refused');

    await page
      .locator('input[name="file"]')
      .setInputFiles(file(`${good},Deneme,Trial,,,adet,aksesuar,10.00,TRY,20,true`));
    await page.getByRole('button', { name: 'İçe aktar' }).click();
    // Accepted, then imported in the background: the newest job's bar runs to done.
    await page.locator('[data-import-accepted]').waitFor();
    const job = page.locator('[data-import-job]').first();
    await job.locator('[data-status="done"]').waitFor();
    expect(await page.locator('[data-import-errors]').count()).toBe(0);
    expect(await job.locator('[data-rows]').getAttribute('data-rows')).toBe(String(lines));
    expect(await job.locator('[data-status]').textContent()).toBe('Tamamlandı');
    expect(await skus()).toContain(good);
    await check(page, 'admin-catalogue-imported');
    await page.context().close();
  });

  it('a dealer opens an order from its queue and acknowledges it on the order page', async () => {
    const orderId = await postOrder('Ankara', 'console-rules-ack');
    const page = await signedIn('ali.ankara@example.com', '/orders');
    // The queue names the order by the number people speak, not its id.
    await (await findRow(page, `tr[data-order="${orderId}"]`))
      .getByRole('link', { name: `SP-${orderId.slice(-8)}` })
      .click();
    await page.locator('[data-ack-due]').waitFor();
    expect(await page.locator('[data-unit]').textContent()).toBe('dealer-ankara');
    await check(page, 'order');
    // A dealer may not cancel: the page offers no such button (the API would refuse it too).
    expect(await page.locator('[data-moves]').getByRole('button', { name: 'İptal et' }).count()).toBe(0);
    await page.locator('[data-moves]').getByRole('button', { name: 'Teslim al' }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('acknowledged');
    expect(await page.locator('[data-status]').textContent()).toBe('Teslim alındı');
    expect((await getOrder(orderId)).status).toBe('acknowledged');
    // Acknowledged, the order's next steps are work, and the history shows the move.
    expect(await page.locator('[data-moves]').getByRole('button', { name: 'Teslim al' }).count()).toBe(0);
    expect(await page.locator('[data-history]').textContent()).toContain('Yönlendirildi → Teslim alındı (teslim alma)');
    // The routing note in words too: the rule that routed it.
    expect(await page.locator('[data-history]').textContent()).toMatch(/kural \S+ → dealer-ankara/);
    // And when the acknowledgement is due, in Istanbul time in the reader's words (no raw ISO instant).
    const routedRow = await page.locator('[data-history]').textContent();
    expect(routedRow).toMatch(/dealer-ankara; teslim alma son anı \d{1,2} \S+ \d{4} \d{2}:\d{2}/);
    expect(routedRow).not.toContain('+03:00');
    await page.context().close();
  });

  it('a department person opens a case from the queue, sees its SLA clock, acknowledges it and stops the clock by asking the customer', async () => {
    const someone = uniquePerson('console-rules-case');
    const opened = await post(
      '/cases',
      {
        type: 'complaint',
        channel: 'phone',
        subject: 'SLA saati',
        category: 'website',
        contact: { name: someone.name, email: someone.email, language: 'tr' },
      },
      { ...bearer(inject('caseKeys').agent), 'idempotency-key': `console-rules-${someone.email}` },
    );
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };
    await settle();
    const stored = (
      await call<{
        caseNumber: string;
        clock: { target: string; targetMinutes: number; elapsedMinutes: number; dueAt: string };
      }>('GET', `/cases/${caseId}`, inject('caseKeys').director)
    ).body;
    expect(stored.clock).toMatchObject({ target: 'firstResponse', running: true });

    const page = await signedIn('hakan.manager@example.com', '/cases');
    await (await findRow(page, `tr[data-case="${caseId}"]`)).getByRole('link', { name: stored.caseNumber }).click();
    const clock = page.locator('[data-sla-clock]');
    await clock.waitFor();
    await settled(page);
    expect(await clock.locator('time').getAttribute('datetime')).toBe(stored.clock.dueAt);
    expect(Number(await clock.locator('[data-left]').textContent())).toBeLessThanOrEqual(stored.clock.targetMinutes);
    await check(page, 'case');

    // Acknowledged on the page, the clock runs for resolution; waiting for the customer, it stops.
    const moves = page.locator('[data-moves]');
    await moves.getByRole('button', { name: 'Teslim al' }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('acknowledged');
    expect(await clock.locator('h2').textContent()).toContain('Çözüm');
    await moves.getByRole('button', { name: 'Müşteriye sor' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Müşterinin yanıtı bekleniyor');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('waiting_customer');
    expect(await clock.textContent()).toContain('Müşteri bekleniyor: saat durdu.');
    const paused = (
      await call<{ status: string; clock: Record<string, unknown> }>(
        'GET',
        `/cases/${caseId}`,
        inject('caseKeys').director,
      )
    ).body;
    expect(paused).toMatchObject({ status: 'waiting_customer', clock: { target: 'resolution', running: false } });
    expect(paused.clock).not.toHaveProperty('dueAt');
    await page.context().close();
  });
});
