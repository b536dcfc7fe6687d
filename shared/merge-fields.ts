// Merge fields: what every channel's template (mail, SMS, letters, labels, call scripts) may print
// about its recipient, and the one renderer they all use. Templates are Mustache; a lookup reads the
// data's own fields only (Mustache's own walks the prototype chain, where `name.length` or
// `offer.constructor` would print what no author wrote). The salutation is built here, once, so a
// letter and a text greet a person alike: "Sayın Ayşe Hanım" / "Dear Ayşe", falling back to the full
// name and then to a neutral form when a part is missing.
import Mustache from 'mustache';
import type { FormOfAddress } from './customer.js';
import type { Language } from './language.js';

/** The fields a customer gives every template. */
export const customerFields = ['name', 'firstName', 'lastName', 'salutation', 'company', 'owner'] as const;
export type CustomerField = (typeof customerFields)[number];
export type CustomerFieldValues = Partial<Record<CustomerField, string>>;

/** What a person's fields are built from: the profile's name parts, as far as they are known. */
export interface NameParts {
  name?: string;
  givenName?: string;
  familyName?: string;
  formOfAddress?: FormOfAddress;
}

const present = (value: string | undefined) => (value?.trim() ? value.trim().replace(/\s+/g, ' ') : undefined);

const honorific: Record<FormOfAddress, string> = { hanim: 'Hanım', bey: 'Bey' };

/**
 * The greeting a letter or message opens with. Turkish: "Sayın <given name> Hanım/Bey" when both are
 * known, else "Sayın <full name>", else "Sayın Müşterimiz". English: "Dear <given name>", else
 * "Dear <full name>", else "Dear Customer". A given name is never guessed from the full name: a
 * company's name or a reordered one would make a wrong greeting, the full one never does.
 */
export const salutation = (language: Language, parts: NameParts) => {
  const given = present(parts.givenName);
  const full =
    present(parts.name) ??
    (present(parts.givenName) || present(parts.familyName)
      ? [present(parts.givenName), present(parts.familyName)].filter(Boolean).join(' ')
      : undefined);
  if (language === 'tr') {
    if (given && parts.formOfAddress) return `Sayın ${given} ${honorific[parts.formOfAddress]}`;
    return `Sayın ${full ?? 'Müşterimiz'}`;
  }
  return `Dear ${given ?? full ?? 'Customer'}`;
};

/**
 * The person's merge fields: the given and family name as stored, or else the first and the last word
 * of the full name when it has more than one (a one-word name gives no parts: a template that prints
 * them fails at preview rather than greeting "Dear Yılmaz Yılmaz").
 */
export const personFields = (language: Language, parts: NameParts): CustomerFieldValues => {
  const words = present(parts.name)?.split(' ') ?? [];
  const split = words.length > 1;
  return {
    name: present(parts.name),
    firstName: present(parts.givenName) ?? (split ? words.slice(0, -1).join(' ') : undefined),
    lastName: present(parts.familyName) ?? (split ? words.at(-1) : undefined),
    salutation: salutation(language, parts),
  };
};

// ---- the renderer --------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `offer.discount` in the data: each step an own property of a plain record, never inherited. */
export const ownField = (view: unknown, name: string): unknown =>
  name
    .split('.')
    .reduce<unknown>((value, key) => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined), view);

/**
 * Mustache's context with a lookup that reads own fields only: strings print, records open sections,
 * anything else (a function, a number's methods, an inherited member) is absent. `.` is the string a
 * section iterates over.
 */
export class OwnFields extends Mustache.Context {
  override push(view: unknown): Mustache.Context {
    return new OwnFields(view, this);
  }

  override lookup(name: string): unknown {
    if (name === '.') return typeof this.view === 'string' ? this.view : undefined;
    for (let context: Mustache.Context | undefined = this; context; context = context.parent) {
      const value = ownField(context.view, name);
      if (typeof value === 'string' || isRecord(value)) return value;
    }
    return undefined;
  }
}

type Token = [string, string, number, number, Token[]?];

/** Every variable the source reads, with how: `name` ({{x}}), `&` (unescaped), `#`/`^` (sections), `>` (partials). */
export const tokensOf = (source: string): { kind: string; name: string }[] => {
  const walk = (tokens: Token[]): { kind: string; name: string }[] =>
    tokens.flatMap(([kind, name, , , children]) => [
      ...(['name', '&', '#', '^', '>'].includes(kind) ? [{ kind, name }] : []),
      ...(Array.isArray(children) ? walk(children) : []),
    ]);
  return walk(Mustache.parse(source) as unknown as Token[]);
};

/** Text is not HTML: no escaping there (nor in a subject, a header, a text message or a PDF). */
const plain = { escape: (value: unknown) => String(value) };

/** The source filled in from `vars`; HTML-escaped when `html`, as written otherwise. */
export const renderFields = (source: string, vars: object, html = false) =>
  html ? Mustache.render(source, new OwnFields(vars)) : Mustache.render(source, new OwnFields(vars), {}, plain);

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The fields the source prints that `vars` lacks (a section may be absent: it just does not show). */
export const missingFields = (source: string, vars: object) => [
  ...new Set(
    tokensOf(source)
      .filter(({ kind, name }) => (kind === 'name' || kind === '&') && name !== '.' && blank(ownField(vars, name)))
      .map(({ name }) => name),
  ),
];

/**
 * The fields the source uses that are not `known` (with a problem for a syntax error or a partial),
 * in order of first use: what a template is refused with when it is saved.
 */
export const unknownFields = (source: string, known: (name: string) => boolean): string[] => {
  const names = tokensOf(source).map(({ kind, name }) => (kind === '>' ? `>${name}` : name));
  return [...new Set(names.filter((name) => name !== '.' && !known(name)))];
};
