// To each holder of the role a step awaits: what the quote is, why the policy asks them, and
// approve and reject links that work once and expire.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney, formatPercent } from '../../../shared/money.js';
import { defineTemplate, type TemplateVersion } from '../../../shared/templates.js';
import type { Quote } from '../quote-store.js';
import { button, type CustomerView, labels, quoteNumber, quoteTableHtml, quoteTableText } from './quote-view.js';

export interface ApprovalRequestVars {
  quote: Quote;
  customer: CustomerView;
  ownerName: string;
  step: number;
  approveUrl: string;
  rejectUrl: string;
  linkHours: number;
}

const text = {
  tr: {
    subject: (q: Quote) => `Onayınız bekleniyor: ${quoteNumber(q)} — ${formatMoney(q.totals.grandTotal, 'tr')}`,
    intro: (owner: string, customer: string, step: number, steps: number) =>
      `${owner} tarafından ${customer} için hazırlanan teklif onayınızı bekliyor (adım ${step} / ${steps}).`,
    why: 'Onay politikası şu nedenlerle onay istiyor:',
    facts: (q: Quote) =>
      `Genel indirim ${formatPercent(q.totals.discountBp, 'tr')}, kâr marjı ${formatPercent(q.totals.marginBp, 'tr')}, TL karşılığı net toplam ${formatMoney(q.netTotalTry, 'tr')}.`,
    approve: 'Onayla',
    reject: 'Reddet',
    links: (hours: number) =>
      `Bağlantılar ${hours} saat geçerlidir ve bir kez kullanılabilir. API ile de karar verebilirsiniz.`,
  },
  en: {
    subject: (q: Quote) => `Your approval is needed: ${quoteNumber(q)} — ${formatMoney(q.totals.grandTotal, 'en')}`,
    intro: (owner: string, customer: string, step: number, steps: number) =>
      `The quote ${owner} prepared for ${customer} is waiting for your approval (step ${step} of ${steps}).`,
    why: 'The approval policy asks for it because:',
    facts: (q: Quote) =>
      `Overall discount ${formatPercent(q.totals.discountBp, 'en')}, margin ${formatPercent(q.totals.marginBp, 'en')}, net total in TRY ${formatMoney(q.netTotalTry, 'en')}.`,
    approve: 'Approve',
    reject: 'Reject',
    links: (hours: number) => `The links work for ${hours} hours and once only. You can also decide through the API.`,
  },
};

const version = (language: Language): TemplateVersion<ApprovalRequestVars> => {
  const t = text[language];
  const reasonsOf = (v: ApprovalRequestVars) => v.quote.approvalSteps?.[v.step]?.reasons.map((r) => r[language]) ?? [];
  const introOf = (v: ApprovalRequestVars) => {
    const customer = v.customer.company ? `${v.customer.company} (${v.customer.name})` : v.customer.name;
    return t.intro(v.ownerName, customer, v.step + 1, v.quote.approvalSteps?.length ?? 0);
  };
  return {
    subject: (v) => t.subject(v.quote),
    text: (v) =>
      [
        introOf(v),
        '',
        t.why,
        ...reasonsOf(v).map((r) => `- ${r}`),
        t.facts(v.quote),
        '',
        quoteTableText(v.quote, language),
        '',
        `${t.approve}: ${v.approveUrl}`,
        `${t.reject}: ${v.rejectUrl}`,
        '',
        t.links(v.linkHours),
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>${introOf(v)}</p><p>${t.why}</p><ul>${reasonsOf(v).map((r) => safeHtml`<li>${r}</li>`)}</ul><p>${t.facts(v.quote)}</p><h3 style="font-size:15px">${labels[language].quote} ${quoteNumber(v.quote)}</h3>${quoteTableHtml(v.quote, language)}<p>${button(v.approveUrl, t.approve)}${button(v.rejectUrl, t.reject, '#9b2c2c')}</p><p style="color:#52606d;font-size:13px">${t.links(v.linkHours)}</p>`,
  };
};

export const approvalRequest = defineTemplate<ApprovalRequestVars>({
  name: 'approval-request',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
