// Campaign templates: Mustache (HTML-escaping) over a subject, an HTML part and a text part per
// language. Variables are the customer's `name` and `company`, their `owner`'s name, and the
// campaign's `offer.*` fields. What a template uses is read with Mustache.parse, so a variable the
// data lacks fails at preview, never as a blank in a customer's inbox. Variables resolve from the
// data's own fields only: Mustache's own lookup walks the prototype chain, where `offer.constructor`
// or `name.length` would print what no author wrote.
import Mustache from 'mustache';
import { mailLayout, SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import type { Text } from '../../../shared/messages.js';
import type { RenderedMail } from '../../../shared/templates.js';

export interface TemplateVersion {
  subject: string;
  html: string;
  text: string;
}

export type TemplateParts = Record<Language, TemplateVersion>;

/** What a recipient's mail is filled from. */
export interface TemplateVars {
  name?: string;
  company?: string;
  owner?: string;
  offer?: Record<string, string>;
}

const customerVariables = ['name', 'company', 'owner'];

/** An offer field a campaign may define: a name, never one every object inherits (`constructor`, `toString`…). */
const offerVariable = (name: string) => {
  const field = /^offer\.([A-Za-z][\w-]*)$/.exec(name)?.[1];
  return field !== undefined && !(field in Object.prototype);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `offer.discount` in the data: each step an own property of a plain record, never inherited. */
const ownField = (view: unknown, name: string): unknown =>
  name
    .split('.')
    .reduce<unknown>((value, key) => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined), view);

/**
 * Mustache's context with a lookup that reads own fields only: strings print, records open sections,
 * anything else (a function, a number's methods, an inherited member) is absent. `.` is the string a
 * section iterates over.
 */
class OwnFields extends Mustache.Context {
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

/** Every variable the source reads, with how: `name` ({{x}}), `&` (unescaped), `#`/`^` (sections). */
const tokensOf = (source: string): { kind: string; name: string }[] => {
  const walk = (tokens: Token[]): { kind: string; name: string }[] =>
    tokens.flatMap(([kind, name, , , children]) => [
      ...(['name', '&', '#', '^', '>'].includes(kind) ? [{ kind, name }] : []),
      ...(children ? walk(children) : []),
    ]);
  return walk(Mustache.parse(source) as unknown as Token[]);
};

export interface TemplateProblem {
  path: string;
  message: Text;
  variable?: string;
}

/**
 * Problems with a template's sources: Mustache syntax, partials, unescaped output in HTML, and
 * variables campaigns do not provide.
 */
export const templateProblems = (parts: Partial<TemplateParts>): TemplateProblem[] =>
  Object.entries(parts).flatMap(([language, version]) =>
    Object.entries(version ?? {}).flatMap(([part, source]) => {
      const path = `${language}.${part}`;
      let tokens: { kind: string; name: string }[];
      try {
        tokens = tokensOf(source);
      } catch (error) {
        const why = (error as Error).message;
        return [{ path, message: { en: `Not a valid template: ${why}`, tr: `Geçerli bir şablon değil: ${why}` } }];
      }
      return tokens.flatMap(({ kind, name }): TemplateProblem[] => {
        if (kind === '>')
          return [
            { path, message: { en: 'Partials are not supported.', tr: 'Kısmi şablonlar (partial) desteklenmiyor.' } },
          ];
        if (kind === '&' && part === 'html') {
          return [
            {
              path,
              message: {
                en: `{{{${name}}}} and {{& ${name}}} would not escape HTML; use {{${name}}}.`,
                tr: `{{{${name}}}} ve {{& ${name}}} HTML’i kaçışlamaz; {{${name}}} kullanın.`,
              },
            },
          ];
        }
        const known = customerVariables.includes(name) || offerVariable(name) || name === '.';
        if (known) return [];
        return [
          {
            path,
            variable: name,
            message: {
              en: `Unknown variable "${name}": use name, company, owner or offer.<field>.`,
              tr: `Bilinmeyen değişken "${name}": name, company, owner veya offer.<alan> kullanın.`,
            },
          },
        ];
      });
    }),
  );

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The variables a version prints that `vars` lacks (sections may be absent: they just do not show). */
export const missingVariables = (version: TemplateVersion, vars: TemplateVars): { path: string; variable: string }[] =>
  (Object.entries(version) as [keyof TemplateVersion, string][]).flatMap(([part, source]) =>
    tokensOf(source)
      .filter(({ kind, name }) => (kind === 'name' || kind === '&') && name !== '.' && blank(ownField(vars, name)))
      .map(({ name }) => ({ path: part, variable: name })),
  );

const footer = {
  tr: {
    text: 'Bu e-postaları artık almak istemiyorsanız aboneliğinizi buradan iptal edebilirsiniz:',
    link: 'Abonelikten çık',
  },
  en: { text: 'If you no longer want these e-mails, you can unsubscribe here:', link: 'Unsubscribe' },
} as const;

/** Text is not HTML: no escaping there (nor in the subject, a header). */
const plain = { escape: (value: unknown) => String(value) };

/**
 * One recipient's mail: the version rendered with their variables inside the responsive frame
 * (one column, at most 600px wide), with their personal unsubscribe link in both parts.
 */
/** What a text campaign's length is judged with when no customer is named: a longish Turkish name. */
export const smsSample: TemplateVars = {
  name: 'Ayşegül Yıldırımoğlu',
  company: 'Örnek Ticaret A.Ş.',
  owner: 'Ece Kaya',
};

/**
 * A campaign's text message: the version's text part filled in, no footer (the refusal instruction is
 * added where every commercial text gets it, shared/sms.ts).
 */
export const renderCampaignText = (version: TemplateVersion, vars: TemplateVars) =>
  Mustache.render(version.text, new OwnFields(vars), {}, plain).trim();

export const renderCampaignMail = (
  language: Language,
  version: TemplateVersion,
  vars: TemplateVars,
  unsubscribeUrl: string,
): RenderedMail => {
  const words = footer[language];
  const view = new OwnFields(vars);
  const body = new SafeHtml(Mustache.render(version.html, view));
  return {
    subject: Mustache.render(version.subject, view, {}, plain).replace(/\s+/g, ' ').trim(),
    text: `${Mustache.render(version.text, view, {}, plain)}\n\n--\n${words.text}\n${unsubscribeUrl}\n`,
    html: mailLayout(
      language,
      safeHtml`${body}<hr style="border:0;border-top:1px solid #d9dee3;margin:24px 0 8px"><p style="font-size:13px;color:#52606d">${words.text} <a href="${unsubscribeUrl}">${words.link}</a></p>`,
    ),
  };
};
