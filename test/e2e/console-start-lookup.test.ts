// A manager's day in Chromium against the local stack: signing in lands on the approvals waiting
// for them; the header's search box opens a lead and a customer by the numbers people speak (L-, M-)
// and says "not found" for a number nobody holds; the cases list sorts soonest SLA due first on
// the server, as the API answers it. axe + screenshots on each page.
import { describe, expect, inject, it } from 'vitest';
import { check, findRow, settled, signedIn, useBrowser } from '../support/console.js';
import { captureLead, getLead, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

useBrowser();

const openCase = async (priority: 'high' | 'low', tag: string) => {
  const person = uniquePerson(tag);
  const opened = await call<{ caseId: string }>('POST', '/cases', inject('caseKeys').agent, {
    type: 'complaint',
    channel: 'phone',
    category: 'website',
    priority,
    subject: `Sıralama ${priority}`,
    contact: { name: person.name, email: person.email, language: 'tr' },
  });
  expect(opened.status, opened.text).toBe(201);
  return opened.body.caseId;
};

describe("a manager's start page, the search by number and the sorted cases", () => {
  it('lands on the approvals, opens records by number, and lists cases soonest due first', {
    timeout: 120_000,
  }, async () => {
    const person = uniquePerson('start-lookup');
    const { leadId } = await captureLead({ name: person.name, email: person.email, city: 'Kocaeli' });
    // The urgent case first, the calm one after: newest first puts the calm one on top, due order the urgent.
    const urgent = await openCase('high', 'sort-urgent');
    const calm = await openCase('low', 'sort-calm');
    await settle();
    const lead = await getLead(leadId);
    const leadNumber = (lead as unknown as { number: string }).number;
    expect(leadNumber).toBe(`L-${leadId.slice(-8)}`);

    const byDue = await call<{ cases: { caseId: string }[]; nextCursor?: string }>(
      'GET',
      '/cases?sort=due&limit=100',
      inject('caseKeys').director,
    );
    expect(byDue.status, byDue.text).toBe(200);
    const ids = byDue.body.cases.map((c) => c.caseId);
    expect(ids.indexOf(urgent)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(calm));
    const refused = await call('GET', `/cases?sort=due&customer=${lead.customerId}`, inject('caseKeys').director);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('"path":"sort"');

    const page = await signedIn('zeynep.manager@example.com', '/');
    await page.waitForURL(/#\/quotes$/, { timeout: 10_000 });
    await check(page, 'start-manager');

    const search = page.getByRole('searchbox', { name: 'Kayıt numarasıyla ara' });
    await search.fill(leadNumber.toLowerCase());
    await search.press('Enter');
    await page.waitForURL(new RegExp(`#/leads/${leadId}$`));
    await page.locator('[data-number]').waitFor();
    expect(await page.locator('[data-number]').textContent()).toBe(leadNumber);

    const customerNumber = `M-${lead.customerId.slice(-8)}`;
    await search.fill(customerNumber);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`#/customers/${lead.customerId}$`));
    await page.locator(`h1[data-customer="${lead.customerId}"]`).waitFor();
    expect(await page.locator('[data-number]').textContent()).toBe(customerNumber);
    await check(page, 'number-search-customer');

    await search.fill('SP-00000000');
    await search.press('Enter');
    const note = page.locator('[data-field-problem="number"]');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toBeTruthy();
    expect(page.url()).toContain(`#/customers/${lead.customerId}`);

    await page.goto(`${page.url().split('#')[0]}#/cases?sort=due`);
    await page.locator('select[name="sort"]').waitFor({ timeout: 10_000 });
    await settled(page);
    const urgentRow = await findRow(page, `tr[data-case="${urgent}"]`);
    await findRow(page, `tr[data-case="${calm}"]`);
    const order = await page
      .locator('tr[data-case]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
    expect(order.indexOf(urgent)).toBeLessThan(order.indexOf(calm));
    expect(await urgentRow.count()).toBe(1);
    await check(page, 'cases-by-due');
    await page.context().close();
  });
});
