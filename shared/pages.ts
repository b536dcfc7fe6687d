// Small server-rendered pages (confirmation links, approval links): work on a phone, no JavaScript.

import { type AttributeValue, attributes, type SafeHtml, safeHtml } from './html.js';
import { html } from './http.js';
import type { Language } from './language.js';

export const page = (status: number, language: Language, title: string, body: SafeHtml) =>
  html(
    status,
    safeHtml`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font-family:system-ui,Arial,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1f2933}button,input[type=submit]{font-size:1.1rem;padding:.75rem 1.25rem;border:0;border-radius:.4rem;background:#0b6e4f;color:#fff}label{display:block;margin:.6rem 0 .2rem}input,select,textarea{font:inherit;font-size:1rem;padding:.45rem;width:100%;box-sizing:border-box}.check{display:flex;gap:.5rem;align-items:flex-start}.check input{width:1.3rem;height:1.3rem}</style></head><body><h1>${title}</h1>${body}</body></html>`
      .value,
  );

/** A labelled input of a page's form: `type` text unless said, and the other attributes as given. */
export const formField = (name: string, label: string, attrs: Record<string, AttributeValue> = {}) =>
  safeHtml`<label for="${name}">${label}</label><input${attributes({ id: name, name, type: 'text', ...attrs })}>`;
