// Every schema in product code comes from here: zod/mini, with English issue messages by default.
// Classic `zod` would put ~440 KB in every Lambda bundle; zod/mini is ~15 KB, but it sets no locale,
// so without this its issues would all read "Invalid input" in our problem responses.
// Import it as a namespace (`import * as z from '…/shared/schema.js'`) so the bundler keeps only the
// functions used; `z.locales.en()` would pull in every locale (~250 KB), hence `zod/locales` here.
import { en, tr } from 'zod/locales';
import {
  config,
  type core,
  maxLength,
  minLength,
  normalize,
  overwrite,
  refine,
  safeParse,
  string,
  trim,
} from 'zod/mini';
import type { Language } from './language.js';
import type { Text } from './messages.js';

type Said = (() => undefined) & { said: { tr: string; en: string } };

/**
 * A schema's own message in both languages: `maxLength(80, said({ en: …, tr: … }))`. It answers
 * nothing itself, so zod asks the parse's error map, which reads the language it parses for.
 */
export const said = (text: { tr: string; en: string }): { error: Said } => ({
  error: Object.assign(() => undefined, { said: text }),
});

/**
 * An issue a cross-field check adds, with its message in both languages:
 * `ctx.addIssue(saidIssue('email', { en: …, tr: … }))`.
 */
export const saidIssue = (path: string, text: { tr: string; en: string }) => ({
  code: 'custom' as const,
  path: [path],
  params: { said: text },
});

const saidIn = (issue: core.$ZodRawIssue, language: Language) =>
  (issue.inst?._zod.def as { error?: Partial<Said> } | undefined)?.error?.said?.[language] ??
  (issue as { params?: { said?: { tr: string; en: string } } }).params?.said?.[language];

/** zod's Turkish locale names JavaScript's types in English ("beklenen number"): said in Turkish here. */
const turkishTypes: Record<string, string> = {
  number: 'sayı',
  int: 'tam sayı',
  string: 'metin',
  boolean: 'doğru/yanlış',
  array: 'liste',
  object: 'nesne',
  record: 'eşleme',
  undefined: 'boş',
  null: 'null',
  bigint: 'büyük tam sayı',
  date: 'tarih',
  nan: 'sayı olmayan',
  set: 'küme',
  map: 'eşleme',
  file: 'dosya',
  symbol: 'sembol',
  function: 'işlev',
};
const typeWord = new RegExp(`(beklenen |alınan |^)(${Object.keys(turkishTypes).join('|')})\\b`, 'g');
const inTurkishTypes = (message: string) =>
  message.replace(typeWord, (_, before: string, type: string) => `${before}${turkishTypes[type]}`);

const locales = {
  tr: (issue: core.$ZodRawIssue) => {
    const said = tr().localeError(issue);
    return typeof said === 'string' ? inTurkishTypes(said) : said && { ...said, message: inTurkishTypes(said.message) };
  },
  en: en().localeError,
};

/** The per-parse error map of one language (`safeParse(schema, value, { error: fieldMessages('tr') })`): no global switch. */
export const fieldMessages =
  (language: Language): core.$ZodErrorMap =>
  (issue) =>
    saidIn(issue, language) ?? locales[language](issue);

/**
 * A parse whose refusal has each issue's message in both languages (`text`): zod's `tr` and `en`
 * locales or the schema's own `said` text; a schema's plain-string message reads the same in both
 * parses and stays a string (not translated). The Turkish parse runs only on the refusal path.
 */
export const parseInBoth = <S extends core.$ZodType>(schema: S, value: unknown) => {
  const result = safeParse(schema, value, { error: fieldMessages('en') });
  if (result.success) return { success: true as const, data: result.data as core.output<S> };
  const turkish = safeParse(schema, value, { error: fieldMessages('tr') }).error?.issues ?? [];
  const issues = result.error.issues.map((issue, index) => {
    const tr = turkish[index]?.message ?? issue.message;
    const text: Text = tr === issue.message ? tr : { en: issue.message, tr };
    return { ...issue, text };
  });
  return { success: false as const, issues };
};

// A parse without a map (a schema read outside a request) speaks English.
config({ ...en(), customError: (issue) => saidIn(issue, 'en') });

export * from 'zod/mini';

/** The message of a field that may not be empty. */
export const required = said({ en: 'Required.', tr: 'Zorunlu.' });

/** For fields that end up in mail and staff screens: a `<` that opens a tag is refused; `<3` and `3 < 4` are not tags. */
export const noMarkup = refine<string>(
  (s) => !/<\s*[a-z!/?]/i.test(s),
  said({ en: 'Markup is not allowed.', tr: 'HTML işaretleri kullanılamaz.' }),
);

// ---- free text ----------------------------------------------------------------------------------
// Every free-text field goes through `line` or `text`: what people type ends up in mail, PDFs, CSV
// and staff screens, where a line break forges a line, a bidi override reverses what a reader sees,
// and an invisible character makes two equal-looking names differ.

/** C0 and C1 controls and DEL, and the Unicode line and paragraph separators U+2028/U+2029. */
const lineBreaking = /[\p{Cc}\p{Zl}\p{Zp}]/u;
/** The same, but for the line feed and tab a multi-line text may hold. */
const lineBreakingButNewlineAndTab = /(?![\n\t])[\p{Cc}\p{Zl}\p{Zp}]/u;
/**
 * Format characters: zero-width space and joiners (U+200B–200D), LRM/RLM, bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069), word joiner (U+2060), BOM (U+FEFF), tags.
 */
const invisible = /\p{Cf}/u;
/** A surrogate code unit without its pair: not a character at all, and not encodable as UTF-8. */
const loneSurrogate = /\p{Cs}/u;

const freeText = (max: number, controls: RegExp, controlsMessage: { tr: string; en: string }) =>
  string().check(
    // Browser forms send a textarea's line breaks as CRLF: one kind of line break, \n, from here on.
    overwrite((s) => s.replace(/\r\n?/g, '\n')),
    normalize('NFC'),
    trim(),
    maxLength(max, said({ en: `At most ${max} characters.`, tr: `En çok ${max} karakter.` })),
    refine((s) => !controls.test(s), said(controlsMessage)),
    refine(
      (s) => !invisible.test(s),
      said({
        en: 'Invisible and text-direction characters are not allowed.',
        tr: 'Görünmez ve yazı yönü karakterleri kullanılamaz.',
      }),
    ),
    refine(
      (s) => !loneSurrogate.test(s),
      said({ en: 'Not valid Unicode text.', tr: 'Geçerli bir Unicode metni değil.' }),
    ),
  );

/** One line of text: a name, a city, an id. Trimmed and NFC-normalised; no control characters at all. */
export const line = (max: number) =>
  freeText(max, lineBreaking, {
    en: 'Line breaks and control characters are not allowed.',
    tr: 'Satır sonu ve denetim karakterleri kullanılamaz.',
  });

/** A `line` that may not be empty: a name, an id. */
export const requiredLine = (max: number) => line(max).check(minLength(1, required));

/** Multi-line text: a message, a note. As `line`, but line breaks (kept as `\n`) and tabs are allowed. */
export const text = (max: number) =>
  freeText(max, lineBreakingButNewlineAndTab, {
    en: 'Control characters other than line breaks and tabs are not allowed.',
    tr: 'Satır sonu ve sekme dışında denetim karakterleri kullanılamaz.',
  });
