// The demo web form for cases (what a company puts on its own site: plain HTML, no JavaScript) and
// the page a refused form post gets instead of problem JSON.

import { type SafeHtml, safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { inLanguage, type Text } from '../../../shared/messages.js';
import { formField, page } from '../../../shared/pages.js';
import type { FieldProblem } from '../../../shared/problems.js';
import { type CaseCategory, caseCategories } from '../domain/case-input.js';

const text = {
  tr: {
    title: 'Şikâyet ve talep formu',
    type: 'Başvuru türü',
    types: { complaint: 'Şikâyet', request: 'Talep', information: 'Bilgi' },
    category: 'Konu',
    categories: {
      product: 'Ürün',
      billing: 'Fatura ve ödeme',
      delivery: 'Teslimat',
      service: 'Servis',
      'test-drive': 'Test sürüşü',
      website: 'Web sitesi',
      other: 'Diğer',
    },
    subject: 'Başlık',
    description: 'Açıklama',
    name: 'Ad soyad',
    email: 'E-posta',
    phone: 'Telefon',
    order: 'Sipariş no (varsa)',
    send: 'Gönder',
    problems: 'Form gönderilemedi',
    back: 'Forma dön',
  },
  en: {
    title: 'Complaints and requests',
    type: 'Type',
    types: { complaint: 'Complaint', request: 'Request', information: 'Information' },
    category: 'Category',
    categories: {
      product: 'Product',
      billing: 'Billing and payment',
      delivery: 'Delivery',
      service: 'Service',
      'test-drive': 'Test drive',
      website: 'Website',
      other: 'Other',
    },
    subject: 'Subject',
    description: 'Description',
    name: 'Full name',
    email: 'E-mail',
    phone: 'Phone',
    order: 'Order no (if any)',
    send: 'Send',
    problems: 'The form could not be sent',
    back: 'Back to the form',
  },
} as const satisfies Record<Language, Record<string, unknown> & { categories: Record<CaseCategory, string> }>;

export const caseFormPage = (
  language: Language,
  v: { action: string; thanks: string; idempotencyKey: string; dealerChoice: SafeHtml | '' },
): HttpResult => {
  const t = text[language];
  const types = Object.entries(t.types).map(([value, label]) => safeHtml`<option value="${value}">${label}</option>`);
  const categories = caseCategories.map((c) => safeHtml`<option value="${c}">${t.categories[c]}</option>`);
  return page(
    200,
    language,
    t.title,
    safeHtml`<form method="post" action="${v.action}">
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="redirect" value="${v.thanks}">
<input type="hidden" name="idempotencyKey" value="${v.idempotencyKey}">
<label for="type">${t.type}</label><select id="type" name="type">${types}</select>
<label for="category">${t.category}</label><select id="category" name="category">${categories}</select>
${formField('subject', t.subject, { required: true, maxlength: 200 })}
<label for="description">${t.description}</label>
<textarea id="description" name="description" rows="5" maxlength="4000"></textarea>
${formField('name', t.name, { required: true, maxlength: 200, autocomplete: 'name' })}
${formField('email', t.email, { type: 'email', maxlength: 254, autocomplete: 'email' })}
${formField('phone', t.phone, { type: 'tel', maxlength: 40, autocomplete: 'tel' })}
${formField('relatedOrderId', t.order, { maxlength: 40 })}
${v.dealerChoice}
<div style="position:absolute;left:-10000px" aria-hidden="true"><label for="website">Website</label>
<input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">${t.send}</button></p>
</form>`,
  );
};

export const caseFormProblemsPage = (
  language: Language,
  v: { status: number; detail: Text; errors: FieldProblem[]; back: string },
): HttpResult => {
  const t = text[language];
  return page(
    v.status,
    language,
    t.problems,
    safeHtml`<p>${inLanguage(v.detail, language)}</p><ul id="problems">${v.errors.map((e) => safeHtml`<li data-path="${e.path}">${e.path}: ${inLanguage(e.message, language)}</li>`)}</ul><p><a href="${v.back}">${t.back}</a></p>`,
  );
};
