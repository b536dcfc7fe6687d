// Campaign domain logic without a table: the segment predicate, the Istanbul cron, template
// variables and rendering, pacing arithmetic, and the funnel and reputation figures.
import { describe, expect, it } from 'vitest';
import { cronProblem, nextRunAfter } from '../../functions/campaigns/domain/campaign-schedule.js';
import { achievedRate, backoffMs, pacer, sendIntervalMs, sendSlotMs } from '../../functions/campaigns/domain/pacing.js';
import { campaignFunnel, reputation } from '../../functions/campaigns/domain/report.js';
import { matchesSegment } from '../../functions/campaigns/domain/segment-filter.js';
import {
  missingVariables,
  renderCampaignMail,
  templateProblems,
} from '../../functions/campaigns/domain/template-render.js';
import { checkTemplateParts } from '../../functions/campaigns/templates.js';
import { inLanguage } from '../../shared/messages.js';
import { ProblemError } from '../../shared/problems.js';

const customer = {
  email: 'ayse.yilmaz@example.com',
  sector: 'Turizm',
  region: 'Ege',
  city: 'İzmir',
  language: 'tr',
  group: 'Kurumsal',
  tags: new Set(['vip', 'fuar-2026']),
  segment: 'A',
  lastOrderDate: '2026-03-10',
  ownerIds: new Set(['rep-ayse']),
};

describe('segment predicate', () => {
  it('matches on every attribute, folding case and Turkish letters', () => {
    expect(
      matchesSegment(
        {
          sectors: ['TURİZM'],
          regions: ['ege'],
          cities: ['IZMIR', 'Ankara'],
          languages: ['tr'],
          groups: ['kurumsal'],
          tags: ['VIP'],
          valueSegments: ['A', 'B'],
          lastOrderAfter: '2026-01-01T00:00:00Z',
          lastOrderBefore: '2026-04-01T00:00:00Z',
          ownerIds: ['rep-ayse'],
        },
        customer,
      ),
    ).toBe(true);
  });

  it('refuses on each attribute that differs, and a customer without an e-mail address', () => {
    expect(matchesSegment({ cities: ['Ankara'] }, customer)).toBe(false);
    expect(matchesSegment({ valueSegments: ['C'] }, customer)).toBe(false);
    expect(matchesSegment({ tags: ['yeni'] }, customer)).toBe(false);
    expect(matchesSegment({ ownerIds: ['rep-mehmet'] }, customer)).toBe(false);
    // An order on 10 March (Istanbul) is not before that day, and is on or after it from its first instant on.
    expect(matchesSegment({ lastOrderBefore: '2026-03-10T00:00:00+03:00' }, customer)).toBe(false);
    expect(matchesSegment({ lastOrderBefore: '2026-03-10T21:00:00.000Z' }, customer)).toBe(true);
    expect(matchesSegment({ lastOrderAfter: '2026-03-09T21:00:00.000Z' }, customer)).toBe(true);
    expect(matchesSegment({ lastOrderAfter: '2026-03-10T21:00:00.000Z' }, customer)).toBe(false);
    expect(matchesSegment({ lastOrderAfter: '2020-01-01T00:00:00Z' }, { ...customer, lastOrderDate: undefined })).toBe(
      false,
    );
    expect(matchesSegment({}, { ...customer, email: undefined })).toBe(false);
    expect(matchesSegment({}, customer)).toBe(true);
  });
});

describe('campaign schedule', () => {
  it('runs a cron at Istanbul wall-clock time, +03:00 all year (no DST since 2016)', () => {
    // 09:00 Istanbul on weekdays is 06:00 UTC in winter and in summer alike.
    expect(nextRunAfter({ cron: '0 9 * * 1-5' }, new Date('2026-01-09T07:00:00Z'))?.toISOString()).toBe(
      '2026-01-12T06:00:00.000Z',
    );
    expect(nextRunAfter({ cron: '0 9 * * 1-5' }, new Date('2026-07-01T05:59:00Z'))?.toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    // Across the last Sunday of March, when Europe moves its clocks: Istanbul does not.
    expect(nextRunAfter({ cron: '30 2 * * *' }, new Date('2026-03-28T23:31:00Z'))?.toISOString()).toBe(
      '2026-03-29T23:30:00.000Z',
    );
  });

  it('runs a one-off once, and never after its time', () => {
    const at = '2026-12-01T07:00:00.000Z';
    expect(nextRunAfter({ at }, new Date('2026-11-30T00:00:00Z'))?.toISOString()).toBe(at);
    expect(nextRunAfter({ at }, new Date(at))).toBeUndefined();
  });

  it('refuses what is not a five-field cron', () => {
    expect(cronProblem('0 9 * * 1-5')).toBeUndefined();
    expect(cronProblem('0 9 * * ? *')).toMatch(/Five fields/);
    expect(cronProblem('61 9 * * *')).toBeDefined();
  });
});

describe('template variables', () => {
  const version = {
    subject: 'Merhaba {{name}}',
    html: '<p>{{company}} için {{offer.discount}} indirim</p>',
    text: '{{name}}, {{offer.discount}}',
  };

  it('names each variable the data lacks, with the part that uses it', () => {
    expect(missingVariables(version, { name: 'Ayşe', offer: {} })).toEqual([
      { path: 'html', variable: 'company' },
      { path: 'html', variable: 'offer.discount' },
      { path: 'text', variable: 'offer.discount' },
    ]);
    expect(missingVariables(version, { name: 'Ayşe', company: 'Ege Tur', offer: { discount: '%20' } })).toEqual([]);
  });

  it('refuses unknown variables, partials and unescaped HTML, and accepts the known ones', () => {
    expect(templateProblems({ tr: version, en: version })).toEqual([]);
    const problems = templateProblems({ tr: { subject: '{{password}}', html: '{{{name}}}', text: '{{> footer}}' } });
    expect(problems.map((p) => p.path)).toEqual(['tr.subject', 'tr.html', 'tr.text']);
    expect(problems[0]).toMatchObject({ variable: 'password' });
    expect(templateProblems({ tr: { subject: '{{#name}', html: 'x', text: 'x' } })[0]?.message).toMatchObject({
      en: expect.stringMatching(/Not a valid template/),
    });
  });

  const inherited = [
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'toLocaleString',
    '__proto__',
  ];

  it.each(inherited)('refuses {{offer.%s}}: a member every object inherits is no offer field', (member) => {
    const problems = templateProblems({ tr: { subject: 'x', html: `<p>{{offer.${member}}}</p>`, text: 'x' } });
    expect(problems).toEqual([
      {
        path: 'tr.html',
        variable: `offer.${member}`,
        message: { en: expect.stringContaining(`"offer.${member}"`), tr: expect.stringContaining(`"offer.${member}"`) },
      },
    ]);
    expect(inLanguage(problems[0]!.message, 'tr')).not.toBe(inLanguage(problems[0]!.message, 'en'));
    // Through the API: 422 with the part's field path and the variable named in both languages.
    let refused: unknown;
    try {
      checkTemplateParts({ en: { subject: `{{offer.${member}}}`, html: 'x', text: 'x' } });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({
      status: 422,
      code: 'unknown-template-variable',
      errors: [
        {
          path: 'parts.en.subject',
          message: { tr: expect.stringContaining(`offer.${member}`), en: expect.stringContaining(`offer.${member}`) },
        },
      ],
    });
  });

  it('still takes an offer field of any other name, and a section over a customer field', () => {
    expect(
      templateProblems({
        tr: { subject: '{{offer.code}}', html: '{{#name}}<b>{{.}}</b>{{/name}}', text: '{{offer.valid-until}}' },
      }),
    ).toEqual([]);
  });

  it("renders only the data's own fields: inherited members print nothing and count as missing", () => {
    const sneaky = {
      subject: '{{offer.constructor}}|{{offer.toString}}',
      html: '<p>{{#offer}}{{constructor}}{{hasOwnProperty}}{{/offer}}</p>',
      text: '{{offer.valueOf}}',
    };
    const mail = renderCampaignMail(
      'tr',
      sneaky,
      { name: 'Ayşe', offer: { discount: '%20' } },
      'https://crm.example.com/unsubscribe?token=t',
    );
    expect(mail.subject).toBe('|');
    expect(`${mail.subject}${mail.html}${mail.text}`).not.toMatch(/function|native code|\[object/);
    expect(missingVariables(sneaky, { name: 'Ayşe', offer: { discount: '%20' } })).toEqual([
      { path: 'subject', variable: 'offer.constructor' },
      { path: 'subject', variable: 'offer.toString' },
      { path: 'html', variable: 'constructor' },
      { path: 'html', variable: 'hasOwnProperty' },
      { path: 'text', variable: 'offer.valueOf' },
    ]);
    // Own fields still print, in sections too; a string's members (`name.length`) do not.
    const own = renderCampaignMail(
      'tr',
      {
        subject: '{{offer.discount}} {{name.length}}',
        html: '{{#offer}}{{discount}}{{/offer}} {{#name}}{{.}}{{/name}}',
        text: 'x',
      },
      { name: 'Ayşe', offer: { discount: '%20' } },
      'https://crm.example.com/unsubscribe?token=t',
    );
    expect(own.subject).toBe('%20');
    expect(own.html).toContain('%20 Ayşe');
  });

  it('escapes HTML in the HTML part only, frames it for a phone, and puts the unsubscribe link in both parts', () => {
    const mail = renderCampaignMail(
      'tr',
      version,
      { name: 'Ayşe <b>', company: 'A&B "Tur"', offer: { discount: '%20' } },
      'https://crm.example.com/unsubscribe?token=t',
    );
    expect(mail.subject).toBe('Merhaba Ayşe <b>');
    expect(mail.html).toContain('A&amp;B &quot;Tur&quot; için %20 indirim');
    expect(mail.html).toContain('max-width:600px');
    expect(mail.html).toContain('name="viewport"');
    expect(mail.html).toContain('href="https://crm.example.com/unsubscribe?token=t"');
    expect(mail.text).toContain('Ayşe <b>, %20');
    expect(mail.text).toContain('https://crm.example.com/unsubscribe?token=t');
  });
});

describe('pacing', () => {
  it('gives each of the shards its share of the account rate', () => {
    expect(sendIntervalMs(14, 4)).toBeCloseTo(285.714, 2);
    expect(sendIntervalMs(100, 1)).toBe(10);
    expect(sendSlotMs(1000, 0, 250)).toBe(1000);
    expect(sendSlotMs(1000, 4, 250)).toBe(2000);
    // Four workers each at their slot interval send exactly the configured rate.
    expect(4 * (1000 / sendIntervalMs(14, 4))).toBeCloseTo(14, 6);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, 0.999)).toBe(199);
    expect(backoffMs(3, 0.5)).toBe(800);
    expect(backoffMs(20, 0.999)).toBe(19_980);
    expect(backoffMs(5, 0)).toBe(0);
  });

  it('measures the achieved rate', () => {
    expect(achievedRate(140, 10_000)).toBe(14);
    expect(achievedRate(5, 0)).toBe(0);
  });
});

describe('funnel and reputation', () => {
  it('sums the counters, computes rates, and groups by hour', () => {
    const report = campaignFunnel([
      { stat: 'recipients', count: 100 },
      { stat: 'sent', count: 90 },
      { stat: 'delivered', count: 80 },
      { stat: 'opened', count: 40 },
      { stat: 'sent', hour: '2026-11-30T09', count: 60 },
      { stat: 'sent', hour: '2026-11-30T10', count: 30 },
    ]);
    expect(report.funnel).toMatchObject({ recipients: 100, sent: 90, delivered: 80, opened: 40, bounced: 0 });
    expect(report.rates).toMatchObject({ delivery: 0.8889, open: 0.5 });
    expect(report.byHour.map((h) => [h.hour, h.sent])).toEqual([
      ['2026-11-30T09', 60],
      ['2026-11-30T10', 30],
    ]);
  });

  it('counts only known stages, every rate over its own base, hours apart from the totals and in order', () => {
    const report = campaignFunnel([
      { stat: 'sent', count: 90 },
      { stat: 'delivered', count: 80 },
      { stat: 'bounced', count: 9 },
      { stat: 'complained', count: 1 },
      { stat: 'clicked', count: 8 },
      { stat: 'unsubscribed', count: 2 },
      { stat: 'skipped', count: 3 },
      { stat: 'failed', count: 1 },
      { stat: 'undelivered', count: 4 },
      { stat: 'retried', count: 5 },
      { stat: 'clicked', hour: '2026-11-30T10', count: 2 },
      { stat: 'delivered', hour: '2026-11-30T09', count: 3 },
    ]);
    expect(report.funnel).toEqual({
      recipients: 0,
      sent: 90,
      delivered: 80,
      bounced: 9,
      complained: 1,
      opened: 0,
      clicked: 8,
      unsubscribed: 2,
      skipped: 3,
      failed: 1,
      undelivered: 4,
    });
    expect(report.rates).toEqual({
      delivery: 0.8889,
      bounce: 0.1,
      complaint: 0.0111,
      open: 0,
      click: 0.1,
      unsubscribe: 0.025,
    });
    expect(report.byHour).toEqual([
      { hour: '2026-11-30T09', ...campaignFunnel([{ stat: 'delivered', count: 3 }]).funnel },
      { hour: '2026-11-30T10', ...campaignFunnel([{ stat: 'clicked', count: 2 }]).funnel },
    ]);
    expect(campaignFunnel([]).rates).toEqual({
      delivery: 0,
      bounce: 0,
      complaint: 0,
      open: 0,
      click: 0,
      unsubscribe: 0,
    });
  });

  it('says why the gate is open or paused, in both languages, and judges the totals when nothing was lifted', () => {
    const open = reputation({ sent: 2000, bounced: 30, complained: 1 }, 1000);
    expect(open).toMatchObject({
      sent: 2000,
      bounceRate: 0.015,
      complaintRate: 0.0005,
      limits: { bounce: 0.05, complaint: 0.001 },
      minimumSends: 1000,
      gate: { state: 'open', judged: { sent: 2000, bounced: 30, complained: 1 } },
    });
    expect(open.gate).not.toHaveProperty('lift');
    expect(open.gate.reason).toEqual({
      en: "Bounce 1.50% and complaint 0.05% rates are under SES's thresholds.",
      tr: 'Geri dönme (1.50%) ve şikâyet (0.05%) oranları SES eşiklerinin altında.',
    });
    const complaints = reputation({ sent: 2000, bounced: 0, complained: 3 }, 1000);
    expect(complaints.reasons).toEqual(['complaint rate 0.15% ≥ 0.1%']);
    expect(complaints.gate.reason).toEqual({
      en: 'Sending is paused: complaint rate 0.15% ≥ 0.1% over 2000 sends in 30 days.',
      tr: 'Gönderim durduruldu: 30 günde 2000 gönderimde şikâyet oranı 0.15% ≥ %0,1.',
    });
  });

  it("pauses at SES's thresholds: 5% bounces or 0.1% complaints, not below", () => {
    expect(reputation({ sent: 1000, bounced: 49, complained: 0 }, 1000).paused).toBe(false);
    expect(reputation({ sent: 1000, bounced: 50, complained: 0 }, 1000)).toMatchObject({
      paused: true,
      bounceRate: 0.05,
    });
    expect(reputation({ sent: 10_000, bounced: 0, complained: 9 }, 1000).paused).toBe(false);
    expect(reputation({ sent: 10_000, bounced: 0, complained: 10 }, 1000).paused).toBe(true);
    expect(reputation({ sent: 0, bounced: 0, complained: 0 }, 1000).paused).toBe(false);
  });

  it('judges the exact rate against the thresholds, not the rate rounded for display', () => {
    // 19 complaints in 20,000 sends is 0.095 %: under SES's 0.1 %, though it shows as 0.0010 rounded.
    const under = reputation({ sent: 20_000, bounced: 999, complained: 19 }, 1000);
    expect(under).toMatchObject({ paused: false, reasons: [], complaintRate: 0.001, gate: { state: 'open' } });
    // 999 bounces in 20,000 is 4.995 %: under 5 %.
    expect(under.bounceRate).toBe(0.05);
    expect(reputation({ sent: 20_000, bounced: 1000, complained: 20 }, 1000)).toMatchObject({
      paused: true,
      reasons: ['bounce rate 5.00% ≥ 5%', 'complaint rate 0.10% ≥ 0.1%'],
      gate: {
        state: 'paused',
        reason: {
          en: 'Sending is paused: bounce rate 5.00% ≥ 5%; complaint rate 0.10% ≥ 0.1% over 20000 sends in 30 days.',
          tr: 'Gönderim durduruldu: 30 günde 20000 gönderimde geri dönme oranı 5.00% ≥ %5; şikâyet oranı 0.10% ≥ %0,1.',
        },
      },
    });
  });

  it('judges rates only from the minimum number of sends: one bounce in ten mails pauses nothing', () => {
    const few = reputation({ sent: 10, bounced: 1, complained: 0 }, 1000);
    expect(few).toMatchObject({ paused: false, reasons: [], bounceRate: 0.1, gate: { state: 'learning' } });
    expect(few.gate.reason).toEqual({
      en: 'Rates are judged from 1000 sends in 30 days (10 so far).',
      tr: 'Oranlar 30 günde 1000 gönderimden itibaren değerlendirilir (şimdiye dek 10).',
    });
    // Both sides of the minimum with the same 10 % bounce rate.
    expect(reputation({ sent: 999, bounced: 100, complained: 0 }, 1000)).toMatchObject({
      paused: false,
      gate: { state: 'learning' },
    });
    const closed = reputation({ sent: 1000, bounced: 100, complained: 0 }, 1000);
    expect(closed).toMatchObject({ paused: true, reasons: ['bounce rate 10.00% ≥ 5%'], gate: { state: 'paused' } });
    expect(closed.gate.reason).toEqual({
      en: 'Sending is paused: bounce rate 10.00% ≥ 5% over 1000 sends in 30 days.',
      tr: 'Gönderim durduruldu: 30 günde 1000 gönderimde geri dönme oranı 10.00% ≥ %5.',
    });
    expect(reputation({ sent: 1000, bounced: 10, complained: 0 }, 1000)).toMatchObject({
      paused: false,
      gate: { state: 'open' },
    });
  });

  it('after a lift judges only the sends since, and pauses again once they reach the minimum at a threshold', () => {
    const lift = {
      at: '2026-12-01T10:00:00.000Z',
      by: 'admin-ayse',
      reason: 'Listeden geçersiz adresler çıkarıldı',
      baseline: { sent: 1000, bounced: 100, complained: 0 },
    };
    const lifted = reputation({ sent: 1000, bounced: 100, complained: 0 }, 1000, lift);
    expect(lifted).toMatchObject({
      paused: false,
      bounceRate: 0.1,
      gate: {
        state: 'lifted',
        judged: { sent: 0, bounced: 0, complained: 0 },
        lift: { by: 'admin-ayse', reason: lift.reason },
      },
    });
    expect(lifted.gate.reason).toEqual({
      en: 'Lifted by admin-ayse (Listeden geçersiz adresler çıkarıldı); rates are judged again after 1000 sends since the lift (0 so far).',
      tr: 'admin-ayse kaldırdı (Listeden geçersiz adresler çıkarıldı); oranlar kaldırmadan beri 1000 gönderimden sonra yeniden değerlendirilir (şimdiye dek 0).',
    });
    expect(lifted.gate.lift).toEqual({ at: lift.at, by: 'admin-ayse', reason: lift.reason });
    expect(reputation({ sent: 2000, bounced: 150, complained: 0 }, 1000, lift).gate.reason).toEqual({
      en: 'Sending is paused: bounce rate 5.00% ≥ 5% over 1000 sends since the lift.',
      tr: 'Gönderim durduruldu: kaldırmadan beri 1000 gönderimde geri dönme oranı 5.00% ≥ %5.',
    });
    // 999 more sends with every one bounced: still below the minimum since the lift.
    expect(reputation({ sent: 1999, bounced: 1099, complained: 0 }, 1000, lift).gate.state).toBe('lifted');
    // 1000 more at 5 % bounces: paused again; at 4.9 % not.
    expect(reputation({ sent: 2000, bounced: 150, complained: 0 }, 1000, lift)).toMatchObject({
      paused: true,
      gate: { state: 'paused' },
    });
    expect(reputation({ sent: 2000, bounced: 149, complained: 0 }, 1000, lift)).toMatchObject({
      paused: false,
      gate: { state: 'lifted' },
    });
    // Complaints since the lift count on their own: 3 more over 1000 more sends pauses again.
    const withComplaints = { ...lift, baseline: { sent: 1000, bounced: 10, complained: 2 } };
    expect(reputation({ sent: 2000, bounced: 10, complained: 5 }, 1000, withComplaints).gate).toMatchObject({
      state: 'paused',
      judged: { sent: 1000, bounced: 0, complained: 3 },
    });
    expect(reputation({ sent: 2000, bounced: 10, complained: 2 }, 1000, withComplaints).gate.state).toBe('lifted');
    expect(reputation({ sent: 400, bounced: 4, complained: 1 }, 1000, withComplaints).gate.judged).toEqual({
      sent: 0,
      bounced: 0,
      complained: 0,
    });
    // Campaigns that left the window shrink the totals below the baseline: nothing counts as sent since.
    expect(reputation({ sent: 400, bounced: 40, complained: 0 }, 1000, lift).gate.judged).toEqual({
      sent: 0,
      bounced: 0,
      complained: 0,
    });
  });
});

describe('the SMS pacer counts message parts', () => {
  // 10 parts a second for one worker: 100 ms a part.
  const interval = sendIntervalMs(10, 1);

  it('spaces a 3-segment text by 3 of the rate, a 1-segment text by 1', () => {
    const slot = pacer(0, interval);
    expect([slot(3), slot(1), slot(2), slot(1)]).toEqual([0, 300, 400, 600]);
  });

  it('starts ten 1-segment texts in a second, but 3-segment texts only every 300 ms', () => {
    const single = pacer(0, interval);
    const singles = Array.from({ length: 11 }, () => single(1));
    expect(singles.filter((at) => at < 1000)).toHaveLength(10);
    const triple = pacer(0, interval);
    expect(Array.from({ length: 5 }, () => triple(3))).toEqual([0, 300, 600, 900, 1200]);
  });

  it('a send that takes nothing (a skipped text) moves no later send', () => {
    const slot = pacer(1000, interval);
    expect([slot(2), slot(0), slot(1)]).toEqual([1000, 1200, 1200]);
  });
});
