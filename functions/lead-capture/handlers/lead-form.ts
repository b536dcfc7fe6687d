// GET /forms/lead — a real HTML form that posts to /leads with no JavaScript; GET /forms/thanks after.
// It is the demo of what a company puts on its own site, and what the browser test fills in.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config.js';
import { dealerChoiceField } from '../../../shared/dealer-choice.js';
import { safeHtml } from '../../../shared/html.js';
import { route, routes } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { formField, page } from '../../../shared/pages.js';
import { leadRoutes } from '../manifest.js';
import { formText as text } from '../templates/lead-form-text.js';

export const CONSENT_TEXT_VERSION = 'kvkk-2026-01';

/** Any other `lang` falls back to Turkish, the firm's default. */
const languageOf = (query: { lang?: string }): Language => (query.lang === 'en' ? 'en' : 'tr');

const thanks = route(leadRoutes.thanksPage, async ({ query }) => {
  const language = languageOf(query);
  const t = text[language];
  return page(200, language, t.thanksTitle, safeHtml`<p id="thanks">${t.thanks}</p>`);
});

const form = route(leadRoutes.leadForm, async ({ query }) => {
  const language = languageOf(query);
  const t = text[language];
  const base = config.publicBaseUrl();
  const consent = (name: string, label: string) =>
    safeHtml`<label class="check"><input type="checkbox" name="${name}" value="on"><span>${label}</span></label>`;
  return page(
    200,
    language,
    t.title,
    safeHtml`<form method="post" action="${base}/leads" accept-charset="utf-8">
${formField('name', t.name, { required: true, maxlength: 200, autocomplete: 'name' })}
${formField('email', t.email, { type: 'email', maxlength: 254, autocomplete: 'email' })}
${formField('phone', t.phone, { type: 'tel', maxlength: 40, autocomplete: 'tel' })}
${formField('company', t.company, { maxlength: 200, autocomplete: 'organization' })}
${formField('city', t.city, { maxlength: 100, autocomplete: 'address-level2' })}
${formField('productInterest', t.interest, { maxlength: 200 })}
${await dealerChoiceField(language)}
<label for="message">${t.message}</label><textarea id="message" name="message" rows="4" maxlength="4000"></textarea>
${consent('consent_email', t.consentEmail)}${consent('consent_sms', t.consentSms)}${consent('consent_phone', t.consentPhone)}
<p><small>${t.kvkk}</small></p>
<div style="position:absolute;left:-10000px" aria-hidden="true"><input name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="source" value="demo-form">
<input type="hidden" name="consentTextVersion" value="${CONSENT_TEXT_VERSION}">
<input type="hidden" name="idempotencyKey" value="${randomUUID()}">
<input type="hidden" name="redirect" value="${base}/forms/thanks?lang=${language}">
<p><button type="submit">${t.send}</button></p>
</form>`,
  );
});

export const handler = routes([form, thanks]);
