import { describe, expect, it } from 'vitest';
import { attributes, safeHtml } from '../../shared/html.js';
import { formField } from '../../shared/pages.js';

describe("a page form's attributes", () => {
  it('are written once: quotes around each value, not escaped as text', () => {
    expect(formField('name', 'Ad soyad', { required: true, maxlength: 200, autocomplete: 'name' }).value).toBe(
      '<label for="name">Ad soyad</label>' +
        '<input id="name" name="name" type="text" required maxlength="200" autocomplete="name">',
    );
    expect(formField('phone', 'Telefon', { type: 'tel' }).value).toBe(
      '<label for="phone">Telefon</label><input id="phone" name="phone" type="tel">',
    );
  });

  it('escape a value and a label once, leave out false and undefined, and refuse a name that is not one', () => {
    expect(attributes({ title: 'a "b" <c> & \'d\'', hidden: false, placeholder: undefined }).value).toBe(
      ' title="a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;"',
    );
    expect(safeHtml`<input${attributes({ value: '"><script>' })}>`.value).toBe(
      '<input value="&quot;&gt;&lt;script&gt;">',
    );
    expect(formField('x', '<b>', {}).value).toContain('>&lt;b&gt;</label>');
    expect(() => attributes({ 'onclick="x"': true })).toThrow('not an attribute name');
    expect(() => attributes({ 'a b': 'c' })).toThrow('not an attribute name');
  });
});
