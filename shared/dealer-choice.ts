// The preferred dealer a public form lets a person choose: the directory's dealers by name as one
// <select>, and the check a posted choice gets (one of the dealers, else a 422 naming the field).
// Every form that offers the choice uses these two, so the list and the check cannot drift apart.

import { getUnit, unitsOfKind } from './directory.js';
import { type SafeHtml, safeHtml } from './html.js';
import type { Language } from './language.js';
import { type Texts, textOf } from './messages.js';
import { ValidationError } from './problems.js';

export const DEALER_FIELD = 'preferredDealerId';

const words: Texts<'label' | 'none'> = {
  label: { tr: 'Tercih ettiğiniz bayi', en: 'Your preferred dealer' },
  none: { tr: 'Fark etmez', en: 'No preference' },
};

/** The select of dealers, sorted by name in the page's language; nothing when the firm has no dealer. */
export const dealerChoiceField = async (language: Language): Promise<SafeHtml | ''> => {
  const dealers = (await unitsOfKind('dealer')).sort((a, b) => a.name.localeCompare(b.name, language));
  if (dealers.length === 0) return '';
  return safeHtml`<label for="${DEALER_FIELD}">${textOf(words, 'label', language)}</label><select id="${DEALER_FIELD}" name="${DEALER_FIELD}">
<option value="">${textOf(words, 'none', language)}</option>${dealers.map(
    (u) => safeHtml`<option value="${u.unitId}">${u.name}${u.cities[0] ? ` (${u.cities[0]})` : ''}</option>`,
  )}</select>`;
};

/** A chosen dealer must be one of the directory's dealers; anything else is refused, naming `path`. */
export const checkDealerChoice = async (dealerId: string | undefined, path: string = DEALER_FIELD) => {
  if (dealerId === undefined || (await getUnit(dealerId))?.kind === 'dealer') return;
  throw new ValidationError([{ path, message: { en: 'Not one of our dealers.', tr: 'Bayilerimizden biri değil.' } }]);
};
