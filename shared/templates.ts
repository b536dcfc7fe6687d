// Mail templates: one `defineTemplate` per mail, with typed variables and a Turkish and an English
// version, each a subject, a text part and an HTML part. The HTML part is `safeHtml`, so every
// variable is escaped by construction. A variable the template reads that is missing (undefined,
// null or blank) throws at render instead of mailing "Sayın ," or "undefined".
import { config } from './config.js';
import { mailLayout, type SafeHtml } from './html.js';
import type { Language } from './language.js';
import { numberPrefixes, recordNumber } from './record-numbers.js';

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

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const defineTemplate = <V extends object>(spec: TemplateSpec<V>) => {
  const optional = new Set<PropertyKey>(spec.optional);
  /** Reading a required variable that is blank throws, whichever part reads it. */
  const guarded = (vars: V) =>
    new Proxy(vars, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key === 'string' && !optional.has(key) && blank(value))
          throw new MissingTemplateVariableError(spec.name, key);
        return value;
      },
    });
  return {
    name: spec.name,
    render: (language: Language, vars: V): RenderedMail => {
      const version = spec[language];
      const v = guarded(vars);
      return {
        template: spec.name,
        subject: version.subject(v),
        text: version.text(v),
        html: mailLayout(language, version.html(v)),
      };
    },
  };
};

const recordNames = {
  // order and case pages (console-rules)
  tr: {
    lead: 'Müşteri adayı',
    quote: 'Teklif',
    customer: 'Müşteri',
    order: 'Sipariş',
    case: 'Vaka',
    request: 'Talep',
    agreement: 'Sözleşme',
    purchase: 'Satın alma talebi',
  },
  en: {
    lead: 'Lead',
    quote: 'Quote',
    customer: 'Customer',
    order: 'Order',
    case: 'Case',
    request: 'Request',
    agreement: 'Agreement',
    purchase: 'Purchase request',
  },
} as const;
/** Where the staff console opens each kind of record. */
const consoleRoutes = {
  lead: (id: string) => `#/leads/${id}`,
  quote: (id: string) => `#/quotes/${id}`,
  customer: (id: string) => `#/customers/${id}`,
  // order and case pages (console-rules)
  order: (id: string) => `#/orders/${id}`,
  case: (id: string) => `#/cases/${id}`,
  // a request routed to a dealer: its people open it from their mail
  request: (id: string) => `#/requests/${id}`,
  agreement: (id: string) => `#/agreements/${id}`,
  // a purchase request has no number of its own: the purchasing inbox narrowed to its order's number
  purchase: (orderNumber: string) => `#/inbox?number=${encodeURIComponent(orderNumber)}`,
} as const;

/** The console page of a record, when the console's address is known (a button in a staff mail). */
export const consoleLink = (kind: keyof typeof consoleRoutes, id: string) => {
  const base = config.consoleUrl();
  return base ? `${base}${consoleRoutes[kind](id)}` : undefined;
};

/**
 * How a staff mail points at a record: its kind and id, and the link that opens it in the staff
 * console (after sign-in when needed) — never an API URL, which a browser answers with 401.
 */
export const recordReference = (language: Language, kind: keyof typeof consoleRoutes, id: string) => {
  const url = consoleLink(kind, id);
  const link = url ? ` ${url}` : '';
  // The number people speak where the kind has one (the console's search box finds it); else the id.
  const number = kind in numberPrefixes ? recordNumber(kind as keyof typeof numberPrefixes, id) : id;
  return language === 'tr'
    ? `${recordNames.tr[kind]} no: ${number}. CRM konsolunda açın:${link || ' bu numarayla arayın.'}`
    : `${recordNames.en[kind]} no: ${number}. Open it in the CRM console:${link || ' search for this number.'}`;
};
