// Numbers people speak: a record's letters and the last eight characters of its ULID (the random
// part, so two records made in the same millisecond differ), e.g. `Q-FT7H82FA` for a quote. Mails,
// PDFs, lists and pages show this number, never the 26-character id; a number typed back (any case,
// with or without its letters) finds the record through `numberSuffix`.

/** The letters before each kind's number: Turkish initials, as the firm's papers print them. */
export const numberPrefixes = {
  quote: 'Q',
  order: 'SP',
  request: 'TL',
  // Sözleşme
  agreement: 'SZ',
} as const;
export type NumberedKind = keyof typeof numberPrefixes;

const SUFFIX = 8;

export const recordNumber = (kind: NumberedKind, id: string) => `${numberPrefixes[kind]}-${id.slice(-SUFFIX)}`;

/**
 * The id suffix a typed number stands for (`sp-01abcdef`, `01ABCDEF`), upper-cased; undefined when
 * the text cannot be one (another kind's letters, a wrong length, a letter a ULID never holds).
 */
export const numberSuffix = (kind: NumberedKind, typed: string): string | undefined => {
  const text = typed.trim().toUpperCase();
  const dash = text.lastIndexOf('-');
  const letters = dash === -1 ? undefined : text.slice(0, dash);
  if (letters !== undefined && letters !== numberPrefixes[kind]) return undefined;
  const suffix = dash === -1 ? text : text.slice(dash + 1);
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(suffix) ? suffix : undefined;
};

/** Does the record's id carry this number's suffix? */
export const hasNumber = (id: string, suffix: string) => id.endsWith(suffix);
