// What the API says to a person, in the caller's language: problem titles, details and field
// messages carry Turkish and English side by side and are rendered at the edge, once the request's
// `Accept-Language` is known. Code never branches on the language; it only says both.
import type { Language } from './language.js';

/** Text in both languages; a plain string is one not translated yet, the same (English) in both. */
export type Text = string | { readonly tr: string; readonly en: string };

export const inLanguage = (text: Text, language: Language): string => (typeof text === 'string' ? text : text[language]);

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
    const language: Language | undefined = primary === 'tr' ? 'tr' : primary === 'en' || primary === '*' ? 'en' : undefined;
    if (!language) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
};
