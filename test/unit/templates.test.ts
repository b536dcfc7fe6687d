import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeHtml } from '../../shared/html.js';
import { defineTemplate, MissingTemplateVariableError, recordReference } from '../../shared/templates.js';

const greeting = defineTemplate<{ name: string; product?: string }>({
  name: 'greeting',
  optional: ['product'],
  tr: {
    subject: (v) => `Merhaba ${v.name}`,
    text: (v) => `Sayın ${v.name}${v.product ? `, ${v.product}` : ''}`,
    html: (v) => safeHtml`<p>Sayın ${v.name}${v.product ? safeHtml` <b>${v.product}</b>` : ''}</p>`,
  },
  en: {
    subject: (v) => `Hello ${v.name}`,
    text: (v) => `Dear ${v.name}`,
    html: (v) => safeHtml`<p>Dear ${v.name}</p>`,
  },
});

describe('mail templates', () => {
  it('renders each language with a subject, a text part and an HTML part in the shared layout', () => {
    const tr = greeting.render('tr', { name: 'Ece', product: 'Forklift' });
    expect(tr).toMatchObject({ subject: 'Merhaba Ece', text: 'Sayın Ece, Forklift' });
    expect(tr.html).toContain('<html lang="tr">');
    expect(tr.html).toContain('<p>Sayın Ece <b>Forklift</b></p>');
    expect(greeting.render('en', { name: 'Ece' })).toMatchObject({ subject: 'Hello Ece', text: 'Dear Ece' });
  });

  it('escapes variables in the HTML part', () => {
    const mail = greeting.render('tr', { name: '<script>alert(1)</script>', product: '"><img src=x>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });

  it('throws on a missing or blank required variable instead of rendering a blank', () => {
    for (const name of [undefined, null, '', '   ']) {
      expect(() => greeting.render('en', { name } as unknown as { name: string })).toThrow(
        MissingTemplateVariableError,
      );
    }
    expect(() => greeting.render('tr', {} as { name: string })).toThrow(/greeting needs the variable "name"/);
    // An optional variable may be absent.
    expect(greeting.render('tr', { name: 'Ece' }).text).toBe('Sayın Ece');
  });
});

describe('a record named in a staff mail', () => {
  it('links the staff console route that opens it when the console is known, and never an API URL', () => {
    const before = process.env.CONSOLE_URL;
    try {
      process.env.CONSOLE_URL = 'https://d1.cloudfront.net/console/';
      expect(recordReference('en', 'lead', '01LEAD')).toBe(
        'Lead no: L-01LEAD. Open it in the CRM console: https://d1.cloudfront.net/console/#/leads/01LEAD',
      );
      expect(recordReference('tr', 'customer', '01CUS')).toContain(
        'https://d1.cloudfront.net/console/#/customers/01CUS',
      );
      expect(recordReference('tr', 'quote', '01Q')).toBe(
        'Teklif no: Q-01Q. CRM konsolunda açın: https://d1.cloudfront.net/console/#/quotes/01Q',
      );
      delete process.env.CONSOLE_URL;
      expect(recordReference('en', 'lead', '01LEAD')).toBe(
        'Lead no: L-01LEAD. Open it in the CRM console: search for this number.',
      );
      expect(recordReference('en', 'lead', '01LEAD')).not.toMatch(/GET \/|https?:/);
    } finally {
      if (before === undefined) delete process.env.CONSOLE_URL;
      else process.env.CONSOLE_URL = before;
    }
  });
});

// order and case pages (console-rules)
describe('an order or a case named in a staff mail', () => {
  afterEach(() => vi.unstubAllEnvs());
  it('opens the order page or the case page of the console', () => {
    vi.stubEnv('CONSOLE_URL', 'https://d1.cloudfront.net/console/');
    expect(recordReference('en', 'order', '01ORD')).toBe(
      'Order no: SP-01ORD. Open it in the CRM console: https://d1.cloudfront.net/console/#/orders/01ORD',
    );
    expect(recordReference('tr', 'case', '01CASE')).toBe(
      'Vaka no: 01CASE. CRM konsolunda açın: https://d1.cloudfront.net/console/#/cases/01CASE',
    );
  });
});
