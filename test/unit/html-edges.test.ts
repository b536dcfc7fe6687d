// HTML escaped by construction, at its edges, the module loaded inside each test so its load-time
// code counts: each of the five characters escaped and nothing else, an absent value as nothing,
// lists and nested pieces, attributes (bare, left out, escaped once, a bad name refused) and the
// mail frame.
import { describe, expect, it } from 'vitest';
import { freshImport } from '../support/fresh-import.js';

const load = () => freshImport(() => import('../../shared/html.js'));

describe('escapeHtml', () => {
  it('escapes the five characters markup reads, and keeps everything else', async () => {
    const { escapeHtml } = await load();
    expect(escapeHtml(`Ayşe & "Efe" <b>'s</b>`)).toBe('Ayşe &amp; &quot;Efe&quot; &lt;b&gt;&#39;s&lt;/b&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('Çiğdem 42')).toBe('Çiğdem 42');
  });

  it('writes an absent value as nothing, and other values as their text', async () => {
    const { escapeHtml } = await load();
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(0)).toBe('0');
    expect(escapeHtml(false)).toBe('false');
  });
});

describe('safeHtml', () => {
  it('escapes each value, keeps nested pieces, and joins lists of either', async () => {
    const { SafeHtml, safeHtml } = await load();
    const name = '<Ekin>';
    const bold = safeHtml`<b>${name}</b>`;
    expect(bold).toBeInstanceOf(SafeHtml);
    expect(bold.value).toBe('<b>&lt;Ekin&gt;</b>');
    expect(String(bold)).toBe('<b>&lt;Ekin&gt;</b>');
    expect(safeHtml`<p>${bold} ${'&'}</p>`.value).toBe('<p><b>&lt;Ekin&gt;</b> &amp;</p>');
    expect(safeHtml`<ul>${[bold, '<i>', 7]}</ul>`.value).toBe('<ul><b>&lt;Ekin&gt;</b>&lt;i&gt;7</ul>');
    expect(safeHtml`<p>${undefined}</p>`.value).toBe('<p></p>');
    expect(safeHtml`plain`.value).toBe('plain');
  });
});

describe('attributes', () => {
  it('writes a true value bare, leaves false and absent out, and escapes the rest once', async () => {
    const { SafeHtml, attributes, safeHtml } = await load();
    const attrs = attributes({
      name: 'e-mail',
      required: true,
      disabled: false,
      placeholder: undefined,
      'data-note': `"Ali" & 'Veli'`,
      maxlength: 200,
    });
    expect(attrs).toBeInstanceOf(SafeHtml);
    expect(attrs.value).toBe(
      ' name="e-mail" required data-note="&quot;Ali&quot; &amp; &#39;Veli&#39;" maxlength="200"',
    );
    expect(safeHtml`<input${attrs}>`.value).toBe(`<input${attrs.value}>`);
    expect(attributes({}).value).toBe('');
  });

  it.each(['onclick x', 'Name', '1st', 'data_x', '', 'a"b', ' name'])(
    'refuses %j as an attribute name',
    async (name) => {
      const { attributes } = await load();
      expect(() => attributes({ [name]: 'x' })).toThrow(`not an attribute name: ${name}`);
    },
  );

  it('takes a one-letter name and digits and dashes after the first letter', async () => {
    const { attributes } = await load();
    expect(attributes({ a: 'x', h2: '1', 'aria-label': 'y' }).value).toBe(' a="x" h2="1" aria-label="y"');
  });
});

describe('mailLayout', () => {
  it("frames a body in the reader's language, its markup kept", async () => {
    const { mailLayout, safeHtml } = await load();
    const page = mailLayout('tr', safeHtml`<p>${'Merhaba & hoş geldiniz'}</p>`);
    expect(page).toBe(
      '<!doctype html><html lang="tr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:600px;margin:0 auto;padding:16px"><p>Merhaba &amp; hoş geldiniz</p></body></html>',
    );
  });
});
