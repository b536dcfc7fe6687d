// HTML for mail and pages, escaped by construction. No AWS here: a page renderer stays small.
import type { Language } from './language.js';

export const escapeHtml = (value: unknown) =>
  String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Tagged template for HTML: every interpolated value is escaped; nested `safeHtml` output is not. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export const safeHtml = (strings: TemplateStringsArray, ...values: unknown[]) =>
  new SafeHtml(
    strings.reduce((out, part, i) => {
      const value = values[i - 1];
      const rendered = Array.isArray(value)
        ? value.map((v) => (v instanceof SafeHtml ? v.value : escapeHtml(v))).join('')
        : value instanceof SafeHtml
          ? value.value
          : escapeHtml(value);
      return out + rendered + part;
    }),
  );

/** An attribute's value: `true` writes the bare name (`required`), `false` or undefined leaves it out. */
export type AttributeValue = string | number | boolean | undefined;

const attributeName = /^[a-z][a-z0-9-]*$/;

/**
 * Attributes from a record, each value escaped once, as one `safeHtml` piece: what a template
 * puts inside a tag (a plain string there would be escaped as text, quotes and all).
 */
export const attributes = (attrs: Record<string, AttributeValue>) =>
  new SafeHtml(
    Object.entries(attrs)
      .filter(([, value]) => value !== undefined && value !== false)
      .map(([name, value]) => {
        if (!attributeName.test(name)) throw new Error(`not an attribute name: ${name}`);
        return value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
      })
      .join(''),
  );

/** The frame every HTML mail shares: readable on a phone, no remote images. */
export const mailLayout = (language: Language, body: SafeHtml) =>
  safeHtml`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:600px;margin:0 auto;padding:16px">${body}</body></html>`
    .value;
