// The mail templates of quotes: labels that say what a figure is, in the reader's language.
import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../functions/quote-approval/domain/quote-builder.js';
import type { Quote } from '../../functions/quote-approval/quote-store.js';
import { approvalRequest } from '../../functions/quote-approval/templates/approval-request.js';
import { rejectionNotice } from '../../functions/quote-approval/templates/owner-notices.js';
import { demoFxRates, demoPriceLists, demoProducts } from '../../infra/local/demo-data.js';
import { MissingTemplateVariableError } from '../../shared/templates.js';

/** A EUR quote, so its TRY net is a conversion the reader must be told about. */
const euroQuote = (): Quote => {
  const figures = buildQuote({
    lines: [{ sku: 'FL-25E', quantity: 1, discountBp: 1500 }],
    products: new Map(demoProducts.map((p) => [p.sku, p])),
    priceList: demoPriceLists(2026)[1]!,
    rates: demoFxRates(2026),
    quoteDate: '2026-11-23',
    paymentTerms: { type: 'shares', parts: [{ dueDate: '2026-12-15', shareBp: 10_000 }] },
  });
  const step = {
    role: 'manager',
    ruleIds: ['discount-over-10'],
    reasons: [{ tr: 'İndirim fazla.', en: 'Discount too high.' }],
  };
  return {
    ...figures,
    quoteId: '01KAQ0000000000000000ABCDE',
    customerId: 'c',
    ownerId: 'rep-ayse',
    status: 'pending_approval',
    version: 1,
    seq: 1,
    language: 'en',
    priceListId: 'eu',
    validUntil: '2026-12-23',
    expiresAt: '2026-12-23T21:00:00.000Z',
    approvals: [],
    approvalSteps: [step] as Quote['approvalSteps'],
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
};

const vars = {
  quote: euroQuote(),
  customer: { name: 'Deniz Deneme', company: 'Örnek A.Ş.' },
  ownerName: 'Ayşe',
  step: 0,
  approveUrl: 'https://crm.example.com/quote-links/approval?token=a',
  rejectUrl: 'https://crm.example.com/quote-links/approval?token=r',
  linkHours: 72,
};

describe('the approver summary', () => {
  it('labels the net total in TRY as such, in each language', () => {
    const tr = approvalRequest.render('tr', vars);
    const en = approvalRequest.render('en', vars);
    expect(tr.text).toMatch(/TL karşılığı net toplam ₺[\d.]+,\d\d\./);
    expect(en.text).toMatch(/net total in TRY ₺[\d,]+\.\d\d\./);
    expect(en.html).toContain('net total in TRY');
  });

  it('an English summary carries no Turkish labels of its own', () => {
    const { subject, text } = approvalRequest.render('en', vars);
    for (const word of ['toplam', 'indirim', 'Onayla', 'Reddet', 'marjı', 'karşılığı'])
      expect(`${subject}\n${text}`).not.toContain(word);
  });
});

describe('owner notices', () => {
  it('name the quote and how to open it, with no link to an API URL', () => {
    const mail = rejectionNotice.render('en', {
      quote: vars.quote,
      customer: vars.customer,
      approverName: 'Zeynep',
      reason: 'Too much.',
    });
    expect(mail.text).toContain('Quote no: Q-000ABCDE');
    // Its only link, when the console's address is set, is the console's; never an API URL.
    expect(`${mail.text} ${mail.html}`.replace(/https?:\/\/[^\s"<]*\/console\/#\/quotes/g, '')).not.toMatch(
      /https?:\/\//,
    );
  });

  it('refuse to render a rejection without its reason rather than mail a blank one', () => {
    expect(() =>
      rejectionNotice.render('tr', { quote: vars.quote, customer: vars.customer, approverName: 'Zeynep', reason: '' }),
    ).toThrow(MissingTemplateVariableError);
  });
});
