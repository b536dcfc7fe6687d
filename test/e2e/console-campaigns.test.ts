// The console's campaigns and agenda in Chromium against the local stack: a manager builds a campaign
// for a segment of a few consenting customers (the template's missing variable and a bad cron shown
// next to their fields), schedules it, the minute sweep is fired as of its time, and the page's
// progress bar reaches done with one mail per recipient in the SES store; a stale draft's cancel is a
// 409 on the page, then cancelled; a rep has no campaigns link and reads "not allowed" in words. The
// segment form counts before saving as its filters change, shows a bad list entry at its field and
// saves every filter it shows; the segment picker pages on to an older segment. A callback the call
// center logs shows in the rep's week with its subject (an overdue one said in words), is ticked off
// in the page, which the API then shows done, and shows done in the team's week; one overdue from
// an earlier week is listed above this week and ticked off there.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { istanbulWeekOf } from '../../functions/activities/domain/week.js';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { check, findRow, settled, signedIn, useBrowser } from '../support/console.js';
import { allMail } from '../support/e2e.js';
import { call, callbackCall, fireSchedule, newCustomer } from '../support/quotes.js';
import { consentItem } from '../support/subscriptions.js';
import { documents } from '../support/subscriptions-e2e.js';

useBrowser();
const marketer = () => inject('campaignKeys').marketer;
const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));

/** Invented customers sharing one tag, each consenting to every topic; `extra(i)` adds attributes. */
const consentingCustomers = async (
  tag: string,
  count: number,
  extra: (i: number) => Partial<Customer> = () => ({}),
) => {
  const now = new Date().toISOString();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const customerId = newId();
      const email = `${tag}-${i}-${customerId.toLowerCase()}@example.com`;
      const customer: Customer = {
        customerId,
        name: `Konsol Müşteri ${i}`,
        email,
        emailKey: email,
        language: 'tr',
        tags: [tag],
        createdAt: now,
        updatedAt: now,
        ...extra(i),
      };
      await put(customers.item(customer));
      await put(consentItem(customerId, email, 'granted'));
      return email;
    }),
  );
};

const part = (subject: string) => ({
  subject,
  html: '<p>Sayın {{name}}, {{offer.discount}} indirim.</p>',
  text: 'Sayın {{name}}, {{offer.discount}} indirim.',
});

describe('the console’s campaigns', () => {
  it('a manager creates and schedules a campaign, sees field problems, and watches its progress reach done; each recipient is mailed once', async () => {
    const tag = `kons${Math.random().toString(36).slice(2, 8)}`;
    const emails = await consentingCustomers(tag, 3);
    const segment = await call<{ segmentId: string }>('POST', '/segments', marketer(), {
      name: `Konsol ${tag}`,
      filter: { tags: [tag] },
      consent: { channel: 'email', topic: 'offers' },
    });
    const template = await call<{ templateId: string }>('POST', '/templates', marketer(), {
      name: `Konsol ${tag}`,
      parts: { tr: part(`Fırsat ${tag}`), en: part(`Offer ${tag}`) },
    });
    expect([segment.status, template.status]).toEqual([201, 201]);

    const page = await signedIn('zeynep.manager@example.com', '/campaigns');
    await page.getByRole('link', { name: 'Kampanyalar' }).waitFor();
    await check(page, 'campaigns');
    await page.getByRole('button', { name: 'Yeni kampanya' }).click();
    await settled(page);
    await page.getByLabel('Hedef kitle').selectOption(segment.body.segmentId);
    await expect.poll(() => page.locator('[data-segment-count]').textContent()).toBe('3');
    await page.getByLabel('Şablon').selectOption(template.body.templateId);
    // The template uses offer.discount, which the campaign has not given yet: the preview's 422 at the template.
    const templateProblem = page.locator('[data-field-problem="templateId"]');
    await expect.poll(() => templateProblem.textContent()).toContain('offer.discount');
    expect(await page.getByLabel('Şablon').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Teklif değişkenleri').fill('discount=%15');
    await page.getByLabel('Teklif değişkenleri').blur();
    await expect.poll(() => page.locator('[data-preview-subject]').textContent()).toBe(`Fırsat ${tag}`);
    expect(await templateProblem.count()).toBe(0);
    await page.getByLabel('Kampanya adı').fill(`Konsol ${tag}`);
    expect(await page.getByLabel('Konu (izin başlığı)').inputValue()).toBe('offers');

    // A cron the API cannot read: its 400 next to the cron field, and nothing created.
    await page.getByLabel('Tekrarlayan').check();
    await page.getByLabel(/^Cron ifadesi/).fill('every monday');
    await page.getByRole('button', { name: 'Oluştur ve zamanla' }).click();
    await page.locator('[data-field-problem="schedule.cron"]').waitFor();
    expect(await page.getByLabel(/^Cron ifadesi/).getAttribute('aria-invalid')).toBe('true');
    await check(page, 'campaign-new');

    // Once, at the soonest time the form offers.
    await page.getByLabel('Bir kez').check();
    await page.getByRole('button', { name: 'Oluştur ve zamanla' }).click();
    await page.locator('[data-status]').waitFor();
    const campaignId = page.url().split('/').at(-1)!;
    expect(await page.locator('[data-status]').textContent()).toBe('Zamanlandı');
    const stored = await call<{ status: string; schedule: { at: string } }>(
      'GET',
      `/campaigns/${campaignId}`,
      marketer(),
    );
    expect(stored.body.status).toBe('scheduled');

    // The minute sweep as of the campaign's time: the page, polling, shows the run to its end.
    await fireSchedule('campaigns.sweep-campaigns', new Date(Date.parse(stored.body.schedule.at) + 1000));
    await page.locator('[data-progress="done"]').waitFor();
    const bar = page.locator('progress');
    expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
    expect(await page.locator('[data-count="sent"]').textContent()).toBe('3');
    expect(await page.locator('[data-count="remaining"]').textContent()).toBe('0');
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('sent');
    expect(await page.locator('[data-status]').textContent()).toBe('Gönderildi');
    // The funnel counts SES's events, which follow the sends: the page reads it again until they are in.
    await expect.poll(() => page.locator('[data-stage="sent"]').textContent()).toBe('3');
    // The funnel and the history in words: steps named in Turkish, the next run in Istanbul time.
    expect(await page.locator('[data-funnel] th').allTextContents()).toContain('Teslim edildi');
    const history = (await page.locator('[data-history]').textContent()) ?? '';
    expect(history).toContain('Taslak → Zamanlandı · Sonraki gönderim');
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await check(page, 'campaign');

    const mails = (await allMail()).filter((m) => m.subject === `Fırsat ${tag}`);
    for (const email of emails) expect(mails.filter((m) => m.destination.to.includes(email))).toHaveLength(1);
    expect(mails).toHaveLength(emails.length);

    // A draft cancelled from its page with the seq the page read: stale after an edit elsewhere (409
    // shown at the button, nothing cancelled), then read again and cancelled.
    const draft = await call<{ campaignId: string; seq: number }>('POST', '/campaigns', marketer(), {
      name: `Taslak ${tag}`,
      segmentId: segment.body.segmentId,
      templateId: template.body.templateId,
      topic: 'offers',
      schedule: { cron: '0 9 * * 1' },
    });
    const draftPage = `${page.url().split('#')[0]}#/campaigns/${draft.body.campaignId}`;
    await page.goto(draftPage);
    // Only a hash changes, so the sent campaign's page stays until the draft's is drawn: wait for the draft's
    // name, or the page may read the draft after the edit below.
    await page.getByRole('heading', { level: 1, name: `Taslak ${tag}` }).waitFor();
    const edited = await call('PATCH', `/campaigns/${draft.body.campaignId}`, marketer(), {
      name: `Taslak ${tag} 2`,
      seq: draft.body.seq,
    });
    expect(edited.status).toBe(200);
    await page.getByRole('button', { name: 'Kampanyayı iptal et' }).click();
    await page.locator('form[data-action="cancel"] [data-problem]:not([hidden])').waitFor();
    expect((await call<{ status: string }>('GET', `/campaigns/${draft.body.campaignId}`, marketer())).body.status).toBe(
      'draft',
    );
    await page.reload();
    await page.getByRole('button', { name: 'Kampanyayı iptal et' }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('cancelled');
    expect((await call<{ status: string }>('GET', `/campaigns/${draft.body.campaignId}`, marketer())).body.status).toBe(
      'cancelled',
    );

    for (const small of ['segments', 'templates']) {
      await page.goto(`${page.url().split('#')[0]}#/${small}`);
      await page.locator('#list table, #list p').first().waitFor();
      await check(page, small);
    }
    await page.context().close();
  });

  it('the segment form counts as its filters change, before saving; a bad entry is shown at its field; every filter is saved', async () => {
    const tag = `filt${Math.random().toString(36).slice(2, 8)}`;
    // Three with the tag, all in tourism, one of them in İzmir.
    await consentingCustomers(tag, 3, (i) => ({ sector: 'Turizm', ...(i === 0 ? { city: 'İzmir' } : {}) }));
    const page = await signedIn('zeynep.manager@example.com', '/segments');
    await page.getByText('Yeni hedef kitle').click();
    const count = page.locator('[data-filter-count]');
    // By the start of its label: a field's problem note sits inside its label.
    const field = (label: string) => page.getByLabel(label);
    const type = async (label: string, value: string) => {
      await field(label).fill(value);
      await field(label).blur();
    };
    await page.getByLabel('Ad', { exact: true }).fill(`Filtre ${tag}`);
    await type('Etiketler (virgülle)', tag);
    await expect.poll(() => count.textContent()).toBe('3');
    await type('Sektörler (virgülle)', 'turizm');
    await type('Şehirler (virgülle)', 'IZMIR');
    await page.getByRole('group', { name: 'Müşterinin dili' }).getByLabel('Türkçe').check();
    await expect.poll(() => count.textContent()).toBe('1');

    // A group name longer than the API takes: its 400 at the groups field, the count withheld.
    await type('Gruplar (virgülle)', 'x'.repeat(101));
    await page.locator('[data-field-problem="filter.groups"]').waitFor();
    expect(await field('Gruplar (virgülle)').getAttribute('aria-invalid')).toBe('true');
    expect(await count.count()).toBe(0);
    await type('Gruplar (virgülle)', '');
    await expect.poll(() => count.textContent()).toBe('1');
    expect(await page.locator('[data-field-problem]').count()).toBe(0);
    // Nobody of them has ordered: a last-order bound leaves none.
    await type('Son siparişi bu günden sonra', '2020-01-01');
    await expect.poll(() => count.textContent()).toBe('0');
    await check(page, 'segment-form');

    await page.getByRole('button', { name: 'Oluştur' }).click();
    const created = page.locator('[data-segment-created]');
    await created.waitFor();
    const segmentId = await created.getAttribute('data-segment-created');
    const stored = await call<{ filter: Record<string, unknown> }>('GET', `/segments/${segmentId}`, marketer());
    expect(stored.body.filter).toEqual({
      tags: [tag],
      sectors: ['turizm'],
      cities: ['IZMIR'],
      languages: ['tr'],
      lastOrderAfter: '2019-12-31T21:00:00.000Z',
    });
    await page.context().close();
  });

  it('the segment picker pages on with the cursor to an older segment than its first page holds', async () => {
    const tag = `page${Math.random().toString(36).slice(2, 8)}`;
    const segment = (name: string) =>
      call<{ segmentId: string }>('POST', '/segments', marketer(), {
        name,
        filter: { tags: [tag] },
        consent: { channel: 'email', topic: 'offers' },
      });
    const older = await segment(`Eski ${tag}`);
    // Newest first, 50 a page: fifty newer ones push it off the first page.
    for (let batch = 0; batch < 5; batch++)
      await Promise.all(Array.from({ length: 10 }, (_, i) => segment(`Yeni ${tag} ${batch}-${i}`)));
    const page = await signedIn('zeynep.manager@example.com', '/campaigns/new');
    const option = page.locator(`option[value="${older.body.segmentId}"]`);
    await page.getByLabel('Hedef kitle').waitFor();
    expect(await option.count()).toBe(0);
    for (let i = 0; i < 20 && (await option.count()) === 0; i++) {
      await page.getByRole('button', { name: 'Daha fazla hedef kitle yükle' }).click();
      await settled(page);
    }
    await page.getByLabel('Hedef kitle').selectOption(older.body.segmentId);
    await expect.poll(() => page.locator('[data-segment-count]').textContent()).toBe('0');
    expect(await page.getByLabel('Hedef kitle').inputValue()).toBe(older.body.segmentId);
    await page.context().close();
  });

  it('shows the reputation gate’s state and reason in the reader’s language; only an admin may lift it, and only a paused one', async () => {
    const gate = await call<{
      reputation: { gate: { state: string; reason: { tr: string; en: string } }; minimumSends: number };
    }>('GET', '/campaigns/reputation', marketer());
    expect(gate.status).toBe(200);
    expect(gate.body.reputation.minimumSends).toBe(1000);
    const { state, reason } = gate.body.reputation.gate;
    // A marketer may not lift it (403); an admin may not lift a gate that is not paused (409, nothing written).
    const byMarketer = await call<{ code: string }>('POST', '/campaigns/reputation/lift', marketer(), {
      reason: 'deneme',
    });
    expect(byMarketer.status).toBe(403);
    const admin = inject('peopleKeys').admin;
    if (state !== 'paused') {
      const notPaused = await call<{ code: string }>('POST', '/campaigns/reputation/lift', admin, { reason: 'deneme' });
      expect([notPaused.status, notPaused.body.code]).toEqual([409, 'reputation-gate-not-paused']);
    }
    const noReason = await call<{ code: string; errors: { path: string }[] }>(
      'POST',
      '/campaigns/reputation/lift',
      admin,
      { reason: '' },
    );
    expect([noReason.status, noReason.body.code, noReason.body.errors[0]?.path]).toEqual([
      400,
      'validation-failed',
      'reason',
    ]);

    const page = await signedIn('zeynep.manager@example.com', '/campaigns');
    await page.locator('[data-reputation-gate]').waitFor();
    expect(await page.locator('[data-reputation-gate]').getAttribute('data-reputation-gate')).toBe(state);
    expect(await page.locator('[data-gate-reason]').textContent()).toBe(reason.tr);
    expect(await page.locator('[data-reputation-gate] h2').textContent()).toMatch(
      /^Gönderim itibarı: (ölçülüyor|açık|durduruldu|yönetici kaldırdı)$/,
    );
    // A manager sees no lift form, whatever the state.
    expect(await page.locator('[data-gate-lift-form]').count()).toBe(0);
    await page.context().close();
  });

  it('a rep has no campaigns link and is told in words the campaigns are not hers to see', async () => {
    const page = await signedIn('ayse.rep@example.com');
    await page.getByRole('link', { name: 'Ajandam' }).waitFor();
    await settled(page);
    expect(await page.getByRole('link', { name: 'Kampanyalar' }).count()).toBe(0);
    await page.goto(`${page.url().split('#')[0]}#/campaigns`);
    await expect.poll(() => page.locator('[data-page-problem]').textContent()).toBe('Bu sayfayı görme yetkiniz yok.');
    await page.context().close();
  });
});

describe('the console’s agenda', () => {
  it('shows a callback the call center logged in the rep’s week, says an overdue one in words, and ticks one off', async () => {
    const customer = await newCustomer('console-agenda');
    const callback = async (callbackAt: Date) => {
      const started = new Date(Math.min(Date.now(), callbackAt.getTime()) - 10 * 60_000);
      const logged = await call<{ callbackTodo: { activityId: string; assigneeId: string } }>(
        'POST',
        `/customers/${customer.customerId}/activities`,
        inject('activityKeys').agent,
        {
          ...callbackCall(started, callbackAt),
          subject: 'Geri arama',
        },
      );
      expect(logged.status).toBe(201);
      expect(logged.body.callbackTodo.assigneeId).toBe('rep-ayse');
      return { activityId: logged.body.callbackTodo.activityId, week: istanbulWeekOf(callbackAt) };
    };
    const later = await callback(new Date(Date.now() + 60 * 60_000));
    const late = await callback(new Date(Date.now() - 2 * 60_000));
    const lastWeek = await callback(new Date(Date.now() - 8 * 24 * 3600_000));
    const thisWeek = 'section[aria-labelledby="todos"]';

    const page = await signedIn('ayse.rep@example.com', `/agenda?week=${late.week}`);
    const lateRow = page.locator(`${thisWeek} tr[data-activity="${late.activityId}"]`);
    await lateRow.waitFor();
    expect(await lateRow.locator('[data-overdue]').textContent()).toBe('Gecikmiş');
    // The call's subject came with its callback's to-do.
    expect(await lateRow.textContent()).toContain('Geri arama');
    await check(page, 'agenda');

    // Overdue from an earlier week: not in this week, but listed above it (paged), and ticked off there.
    await page.goto(`${page.url().split('#')[0]}#/agenda`);
    const overdueRow = await findRow(page, `#overdue-list tr[data-activity="${lastWeek.activityId}"]`);
    expect(await page.locator(`${thisWeek} tr[data-activity="${lastWeek.activityId}"]`).count()).toBe(0);
    expect(await overdueRow.locator('[data-overdue]').textContent()).toBe('Gecikmiş');
    expect(await overdueRow.textContent()).toContain('Geri arama');
    await overdueRow.getByRole('button', { name: 'Yapıldı olarak işaretle' }).click();
    await expect.poll(() => overdueRow.locator('[data-activity-status]').textContent()).toBe('Yapıldı');
    const overdueLeft = await call<{ entries: { activityId: string }[]; nextCursor?: string }>(
      'GET',
      '/agenda/overdue?limit=100',
      inject('activityKeys').repAyse,
    );
    expect(overdueLeft.status).toBe(200);
    expect(overdueLeft.body.entries.map((e) => e.activityId)).not.toContain(lastWeek.activityId);
    // The home page's count is the API's list (a first page with more behind it shows as "20+").
    await page.goto(`${page.url().split('#')[0]}#/`);
    await expect.poll(() => page.locator('[data-count="overdue"] strong').textContent()).toMatch(/^\d+\+?$/);
    expect(await page.locator('[data-count="overdue"] a').textContent()).toContain('Geciken yapılacaklar');

    await page.goto(`${page.url().split('#')[0]}#/agenda?week=${later.week}`);
    const row = page.locator(`${thisWeek} tr[data-activity="${later.activityId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-overdue]').count()).toBe(0);
    await row.getByRole('button', { name: 'Yapıldı olarak işaretle' }).click();
    await expect.poll(() => row.locator('[data-activity-status]').textContent()).toBe('Yapıldı');
    const todos = await call<{ activities: { activityId: string; status: string }[] }>(
      'GET',
      `/customers/${customer.customerId}/activities?kind=todo`,
      inject('activityKeys').repAyse,
    );
    expect(todos.body.activities.find((a) => a.activityId === later.activityId)?.status).toBe('done');
    expect(todos.body.activities.find((a) => a.activityId === late.activityId)?.status).toBe('open');
    expect(todos.body.activities.find((a) => a.activityId === lastWeek.activityId)?.status).toBe('done');
    // The agenda's entry carries the seq the page sent, rewritten with the change.
    const week = await call<{ entries: { activityId: string; status: string; seq?: number }[] }>(
      'GET',
      `/agenda?week=${later.week}`,
      inject('activityKeys').repAyse,
    );
    expect(week.body.entries.find((e) => e.activityId === later.activityId)).toMatchObject({ status: 'done', seq: 2 });
    await page.context().close();

    // Zeynep reaches everyone: she names the team, and sees Ayşe's to-do done in its week.
    const manager = await signedIn('zeynep.manager@example.com', `/agenda/team?team=team-istanbul&week=${later.week}`);
    const teamRow = manager.locator(`tr[data-activity="${later.activityId}"]`);
    await teamRow.waitFor();
    expect(await teamRow.locator('[data-activity-status]').textContent()).toBe('Yapıldı');
    expect(await teamRow.textContent()).toContain('rep-ayse');
    await check(manager, 'agenda-team');
    await manager.context().close();
  });
});
