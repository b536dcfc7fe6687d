// Campaign templates: Mustache (HTML-escaping) over a subject, an HTML part and a text part per
// language. Variables are the customer's merge fields (shared/merge-fields.ts), and the
// campaign's `offer.*` fields. What a template uses is read with Mustache.parse, so a variable the
// data lacks fails at preview, never as a blank in a customer's inbox. Variables resolve from the
// data's own fields only: Mustache's own lookup walks the prototype chain, where `offer.constructor`
// or `name.length` would print what no author wrote.
import { mailLayout, SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import {
  type CustomerFieldValues,
  customerFields,
  missingFields,
  renderFields,
  tokensOf,
} from '../../../shared/merge-fields.js';
import type { Text } from '../../../shared/messages.js';
import type { RenderedMail } from '../../../shared/templates.js';

export interface TemplateVersion {
  subject: string;
  html: string;
  text: string;
}

export type TemplateParts = Record<Language, TemplateVersion>;

/** What a recipient's mail is filled from. */
export interface TemplateVars extends CustomerFieldValues {
  offer?: Record<string, string>;
}

const customerVariables: readonly string[] = customerFields;

/** An offer field a campaign may define: a name, never one every object inherits (`constructor`, `toString`…). */
const offerVariable = (name: string) => {
  const field = /^offer\.([A-Za-z][\w-]*)$/.exec(name)?.[1];
  return field !== undefined && !(field in Object.prototype);
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
              en: `Unknown variable "${name}": use ${customerFields.join(', ')} or offer.<field>.`,
              tr: `Bilinmeyen değişken "${name}": ${customerFields.join(', ')} veya offer.<alan> kullanın.`,
            },
          },
        ];
      });
    }),
  );

/** The variables a version prints that `vars` lacks (sections may be absent: they just do not show). */
export const missingVariables = (version: TemplateVersion, vars: TemplateVars): { path: string; variable: string }[] =>
  (Object.entries(version) as [keyof TemplateVersion, string][]).flatMap(([part, source]) =>
    missingFields(source, vars).map((variable) => ({ path: part, variable })),
  );

const footer = {
  tr: {
    text: 'Bu e-postaları artık almak istemiyorsanız aboneliğinizi buradan iptal edebilirsiniz:',
    link: 'Abonelikten çık',
  },
  en: { text: 'If you no longer want these e-mails, you can unsubscribe here:', link: 'Unsubscribe' },
} as const;

/**
 * One recipient's mail: the version rendered with their variables inside the responsive frame
 * (one column, at most 600px wide), with their personal unsubscribe link in both parts.
 */
/** What a text campaign's length is judged with when no customer is named: a longish Turkish name. */
export const smsSample: TemplateVars = {
  name: 'Ayşegül Yıldırımoğlu',
  firstName: 'Ayşegül',
  lastName: 'Yıldırımoğlu',
  salutation: 'Sayın Ayşegül Yıldırımoğlu',
  company: 'Örnek Ticaret A.Ş.',
  owner: 'Ece Kaya',
};

/**
 * A campaign's text message: the version's text part filled in, no footer (the refusal instruction is
 * added where every commercial text gets it, shared/sms.ts).
 */
export const renderCampaignText = (version: TemplateVersion, vars: TemplateVars) =>
  renderFields(version.text, vars).trim();

export const renderCampaignMail = (
  language: Language,
  version: TemplateVersion,
  vars: TemplateVars,
  unsubscribeUrl: string,
): RenderedMail => {
  const words = footer[language];
  const body = new SafeHtml(renderFields(version.html, vars, true));
  return {
    subject: renderFields(version.subject, vars).replace(/\s+/g, ' ').trim(),
    text: `${renderFields(version.text, vars)}\n\n--\n${words.text}\n${unsubscribeUrl}\n`,
    html: mailLayout(
      language,
      safeHtml`${body}<hr style="border:0;border-top:1px solid #d9dee3;margin:24px 0 8px"><p style="font-size:13px;color:#52606d">${words.text} <a href="${unsubscribeUrl}">${words.link}</a></p>`,
    ),
  };
};
