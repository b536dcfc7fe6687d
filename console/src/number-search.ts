// The header's search box: a number people speak (Q-…, SP-…, TL-…, L-…, M-…, SZ-…) opens its record's page.
// The API says which record it is and whether the caller may see it; one they may not is "not found".
import { html } from 'lit';
import { api, asProblem } from './api.js';
import { t } from './strings.js';
import { clearProblem, showProblem } from './ui.js';

/** The console page of each numbered kind. */
const pageOf = {
  quote: (id: string) => `#/quotes/${id}`,
  order: (id: string) => `#/orders/${id}`,
  request: (id: string) => `#/requests/${id}`,
  lead: (id: string) => `#/leads/${id}`,
  customer: (id: string) => `#/customers/${id}`,
  agreement: (id: string) => `#/agreements/${id}`,
} as const;

const find = async (event: SubmitEvent) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const number = String(new FormData(form).get('number') ?? '').trim();
  clearProblem(form);
  if (!number) return;
  const { data, error, response } = await (await api()).GET('/numbers/{number}', { params: { path: { number } } });
  if (!data) return showProblem(form, asProblem(error, response.status));
  form.reset();
  location.hash = pageOf[data.kind](data.id);
};

export const numberSearch = () =>
  html`<form role="search" class="number-search" @submit=${find}>
    <input type="search" name="number" aria-label=${t('searchNumber')} placeholder=${t('findNumberHint')}
      autocomplete="off" spellcheck="false" />
  </form>`;
