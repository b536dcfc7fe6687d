// Campaign mail edges mutation testing found unchecked: SES events that lack their optional parts, a
// complaint's stat; template refusals word for word in both languages, unescaped output allowed outside
// HTML, offer fields anchored at both ends; a text trimmed and a subject's runs of spaces made one.
import { describe, expect, it } from 'vitest';
import { parseSesEvent } from '../../functions/campaigns/domain/ses-events.js';
import {
  renderCampaignMail,
  renderCampaignText,
  templateProblems,
} from '../../functions/campaigns/domain/template-render.js';

const event = (detail: Record<string, unknown>) => ({
  id: 'ev-1',
  source: 'aws.ses',
  'detail-type': 'x',
  detail: { mail: { messageId: 'msg-1' }, ...detail },
});

describe('SES events without their optional parts', () => {
  it('a bounce without its bounce part is a soft one that suppresses nobody', () => {
    expect(parseSesEvent(event({ eventType: 'Bounce' }), 'campaign')).toEqual({
      eventId: 'ev-1',
      eventType: 'Bounce',
      messageId: 'msg-1',
      stat: 'soft-bounced',
      suppress: [],
    });
  });
  it('a complaint counts as complained, with or without its recipients', () => {
    expect(parseSesEvent(event({ eventType: 'Complaint' }), 'campaign')).toMatchObject({
      stat: 'complained',
      suppress: [],
    });
    const complaint = { complainedRecipients: [{ emailAddress: 'can.demir@example.com' }] };
    expect(parseSesEvent(event({ eventType: 'Complaint', complaint }), 'campaign')).toMatchObject({
      stat: 'complained',
      suppress: [{ address: 'can.demir@example.com', reason: 'complaint' }],
    });
  });
  it('a message without tags has no campaign', () => {
    expect(parseSesEvent(event({ eventType: 'Delivery' }), 'campaign')).not.toHaveProperty('campaignId');
  });
});

describe('template refusals in both languages', () => {
  const version = (over: Partial<Record<'subject' | 'html' | 'text', string>>) => ({
    tr: { subject: 's', html: 'h', text: 't', ...over },
  });
  it('a template that does not parse says why in both', () => {
    const [problem] = templateProblems(version({ subject: '{{#name}}' }));
    const why = (problem!.message as { en: string }).en.replace('Not a valid template: ', '');
    expect(why).not.toBe('');
    expect(problem).toEqual({
      path: 'tr.subject',
      message: { en: `Not a valid template: ${why}`, tr: `Geçerli bir şablon değil: ${why}` },
    });
  });
  it('a partial, and unescaped output in HTML, are refused word for word', () => {
    expect(templateProblems(version({ text: '{{> footer}}' }))).toEqual([
      {
        path: 'tr.text',
        message: { en: 'Partials are not supported.', tr: 'Kısmi şablonlar (partial) desteklenmiyor.' },
      },
    ]);
    expect(templateProblems(version({ html: '{{& name}}' }))).toEqual([
      {
        path: 'tr.html',
        message: {
          en: '{{{name}}} and {{& name}} would not escape HTML; use {{name}}.',
          tr: '{{{name}}} ve {{& name}} HTML’i kaçışlamaz; {{name}} kullanın.',
        },
      },
    ]);
  });
  it('unescaped output in the subject or the text is fine: they are no HTML', () => {
    expect(templateProblems(version({ subject: '{{{name}}}', text: '{{& company}}' }))).toEqual([]);
  });
  it('an offer field is offer.<name> and nothing before or after it', () => {
    expect(templateProblems(version({ text: '{{offer.discount}}' }))).toEqual([]);
    expect(templateProblems(version({ text: '{{xoffer.discount}}' })).map((p) => p.variable)).toEqual([
      'xoffer.discount',
    ]);
    expect(templateProblems(version({ text: '{{offer.discount.extra}}' })).map((p) => p.variable)).toEqual([
      'offer.discount.extra',
    ]);
  });
});

describe('rendering', () => {
  const version = { subject: 'Merhaba  {{name}}\n  bugün', html: '<p>x</p>', text: '\n  Merhaba {{name}}  \n' };
  it("a text is trimmed; a subject's runs of spaces and line breaks become one space", () => {
    expect(renderCampaignText(version, { name: 'Ayşe' })).toBe('Merhaba Ayşe');
    const mail = renderCampaignMail('tr', version, { name: 'Ayşe' }, 'https://example.com/u/1');
    expect(mail.subject).toBe('Merhaba Ayşe bugün');
  });
});
