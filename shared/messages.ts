// What the API says to a person, in the caller's language: problem titles, details and field
// messages carry Turkish and English side by side and are rendered at the edge, once the request's
// `Accept-Language` is known. Code never branches on the language; it only says both.
import type { Language } from './language.js';

/** Text in both languages; a plain string is one not translated yet, the same (English) in both. */
export type Text = string | { readonly tr: string; readonly en: string };

export const inLanguage = (text: Text, language: Language): string =>
  typeof text === 'string' ? text : text[language];

/**
 * The language of an `Accept-Language` header (RFC 9110 §12.5.4): the highest-weighted of `tr` and
 * `en` (by primary subtag, so `tr-TR` is Turkish), the earlier on a tie; `*` counts as English.
 * Integrations send none, and get English.
 */
export const chooseLanguage = (acceptLanguage: string | undefined): Language => {
  let best: { language: Language; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = range.trim().split('-')[0];
    const language: Language | undefined =
      primary === 'tr' ? 'tr' : primary === 'en' || primary === '*' ? 'en' : undefined;
    if (!language) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
};

/** The records a person meets, named in both languages for `NotFoundError` ("… was not found." / "… bulunamadı."). */
export const records = {
  lead: { en: 'The lead', tr: 'Aday' },
  quote: { en: 'The quote', tr: 'Teklif' },
  order: { en: 'The order', tr: 'Sipariş' },
  case: { en: 'The case', tr: 'Vaka' },
  customer: { en: 'The customer', tr: 'Müşteri' },
  contact: { en: 'The contact person', tr: 'İlgili kişi' },
  opportunity: { en: 'The opportunity', tr: 'Fırsat' },
  request: { en: 'The request', tr: 'Talep' },
  activity: { en: 'The activity', tr: 'Etkinlik' },
  // the remaining use cases' records (language-rest)
  campaign: { en: 'The campaign', tr: 'Kampanya' },
  template: { en: 'The template', tr: 'Şablon' },
  segment: { en: 'The segment', tr: 'Segment' },
  routingRules: { en: 'The routing rules', tr: 'Yönlendirme kuralları' },
  approvalPolicy: { en: 'An approval policy', tr: 'Onay kuralı' },
} as const;

/** A text that is always in both languages (a `Text` may be a plain string not translated yet). */
export type Named = { readonly en: string; readonly tr: string };

/**
 * A table of user-facing texts (enum labels, a page's or a mail's words), each key in both languages:
 * the one shape every module declares its texts in, next to its code, read with `textOf`.
 */
export type Texts<K extends string> = { readonly [key in K]: Named };

/** The text of `key` in `language`. */
export const textOf = <K extends string>(table: Texts<K>, key: K, language: Language): string => table[key][language];

/** A stale write's 409: the caller read the record at another seq. */
export const staleAt = (record: Named, seq: number): Text => ({
  en: `${record.en} is at seq ${seq} now; reload it.`,
  tr: `${record.tr} şu an ${seq}. sürümde; yeniden yükleyin.`,
});

/** A guarded write that lost to another one: the record moved on between the read and the write. */
export const changedMeanwhile = (record: Named): Text => ({
  en: `${record.en} was changed by someone else meanwhile; reload it.`,
  tr: `${record.tr} bu arada başka biri tarafından değiştirildi; yeniden yükleyin.`,
});

export const foreignCursorMessage: Text = {
  en: 'This cursor belongs to another query.',
  tr: 'Bu imleç başka bir sorguya ait.',
};
export const notACursor: Text = { en: 'Not a cursor this API returned.', tr: 'Bu API’nin verdiği bir imleç değil.' };

// ---- wordings several use cases share (language-rest) --------------------------------------------

/** A write whose stored answer lost to a duplicate request's with the same Idempotency-Key. */
export const justProcessed: Text = {
  en: 'A request with this Idempotency-Key was just processed.',
  tr: 'Bu Idempotency-Key ile bir istek az önce işlendi.',
};

/** A record's stale write where the record is named with "changed meanwhile; reload it". */
export const changedReload = (record: Named): Text => ({
  en: `${record.en} changed meanwhile; reload it.`,
  tr: `${record.tr} bu arada değişti; yeniden yükleyin.`,
});

/** A report's range longer than it allows. */
export const monthsAtATime = (max: number): Named => ({
  en: `At most ${max} months at a time.`,
  tr: `Bir seferde en çok ${max} ay.`,
});

/** A range whose `from` is after its `to`. */
export const afterTo: Named = { en: 'After `to`.', tr: '`to` tarihinden sonra.' };

/** Field messages of contact details, for schemas (`said(notAnEmail)`) and refusals alike. */
export const notAnEmail: Named = { en: 'Not an e-mail address.', tr: 'Geçerli bir e-posta adresi değil.' };
export const notAPhone: Named = { en: 'Not a valid phone number.', tr: 'Geçerli bir telefon numarası değil.' };
export const notAUrl: Named = { en: 'Not a URL.', tr: 'Geçerli bir adres (URL) değil.' };
export const emailOrPhone: Named = {
  en: 'Give an e-mail address or a phone number.',
  tr: 'Bir e-posta adresi ya da telefon numarası yazın.',
};
export const noSuchUser: Named = { en: 'No such user.', tr: 'Böyle bir kullanıcı yok.' };
export const uniqueRuleIdsMessage: Named = { en: 'Rule ids must be unique.', tr: 'Kural kimlikleri benzersiz olmalı.' };

/** A 403 for someone who may follow an item (the customer's relationship owners) but not move it. */
export const onlyItsHandlers: Text = {
  en: 'You may follow this, but only whoever it is given to (its unit, its owner) may change it.',
  tr: 'Bunu izleyebilirsiniz, ancak yalnızca verildiği kişi veya birim (birimi, sahibi) değiştirebilir.',
};
