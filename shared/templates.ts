// Mail templates: one `defineTemplate` per mail, with typed variables and a Turkish and an English
// version, each a subject, a text part and an HTML part. The HTML part is `safeHtml`, so every
// variable is escaped by construction. A variable the template reads that is missing (undefined,
// null or blank) throws at render instead of mailing "Sayın ," or "undefined".
import { mailLayout, type SafeHtml } from './html.js';
import type { Language } from './language.js';

export interface RenderedMail {
  /** The template's name: what a customer's timeline records of a mail sent to them. */
  template?: string;
  subject: string;
  text: string;
  html: string;
}

export interface TemplateVersion<V> {
  subject: (v: V) => string;
  text: (v: V) => string;
  html: (v: V) => SafeHtml;
}

export class MissingTemplateVariableError extends Error {
  constructor(
    readonly template: string,
    readonly variable: string,
  ) {
    super(`Mail template ${template} needs the variable "${variable}"`);
    this.name = 'MissingTemplateVariableError';
  }
}

/** Keys of V whose type admits undefined: only these may be absent. */
type OptionalKeys<V> = { [K in keyof V]-?: undefined extends V[K] ? K : never }[keyof V];

export interface TemplateSpec<V> {
  /** Names the template in errors and logs. */
  name: string;
  /** The variables that may be absent; every other one must be there when read. */
  optional: readonly OptionalKeys<V>[];
  tr: TemplateVersion<V>;
  en: TemplateVersion<V>;
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const defineTemplate = <V extends object>(spec: TemplateSpec<V>) => {
  const optional = new Set<PropertyKey>(spec.optional);
  /** Reading a required variable that is blank throws, whichever part reads it. */
  const guarded = (vars: V) =>
    new Proxy(vars, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key === 'string' && !optional.has(key) && blank(value)) throw new MissingTemplateVariableError(spec.name, key);
        return value;
      },
    });
  return {
    name: spec.name,
    render: (language: Language, vars: V): RenderedMail => {
      const version = spec[language];
      const v = guarded(vars);
      return { template: spec.name, subject: version.subject(v), text: version.text(v), html: mailLayout(language, version.html(v)) };
    },
  };
};


const recordNames = {
  tr: { lead: 'Müşteri adayı', quote: 'Teklif', customer: 'Müşteri' },
  en: { lead: 'Lead', quote: 'Quote', customer: 'Customer' },
} as const;
const recordPaths = { lead: '/leads/', quote: '/quotes/', customer: '/customers/' } as const;

/**
 * How a staff mail points at a record until staff pages exist: its kind and id and how to open it,
 * never a link to an API URL (a browser gets 401 there without the bearer key).
 */
export const recordReference = (language: Language, kind: keyof typeof recordPaths, id: string) =>
  language === 'tr'
    ? `${recordNames.tr[kind]} no: ${id}. CRM'de bu numarayla açın (API anahtarıyla: GET ${recordPaths[kind]}${id}).`
    : `${recordNames.en[kind]} no: ${id}. Open it in the CRM by this number (with an API key: GET ${recordPaths[kind]}${id}).`;
