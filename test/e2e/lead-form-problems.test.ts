// The lead form's edge: an opaque `Origin: null` is refused where an allow-list is set (the local
// stack has one), and a plain HTML form post that fails validation gets a page in the form's
// language listing the problems with a way back — while an integration asking for JSON gets problems.
import { describe, expect, it } from 'vitest';
import { api, person, post, postForm, readProblem } from '../support/e2e.js';

describe('Origin on POST /leads', () => {
  it('refuses Origin: null with 403 and writes nothing; no Origin and an allowed one pass', async () => {
    const p = person('origin-null');
    const refused = await post('/leads', { name: p.name, email: p.email }, { origin: 'null' });
    expect(refused.status).toBe(403);
    expect(await readProblem(refused)).toMatchObject({ code: 'forbidden' });
    const refusedForm = await postForm(
      '/leads',
      { name: p.name, email: p.email },
      { origin: 'null', accept: 'application/json' },
    );
    expect(refusedForm.status).toBe(403);
    expect((await post('/leads', { name: p.name, email: p.email })).status).toBe(201);
    expect((await post('/leads', { name: p.name, email: p.email }, { origin: api() })).status).toBe(201);
  });
});

describe('a browser form post that fails validation', () => {
  it('gets an HTML page in Turkish listing each problem, with the 400 status and a way back', async () => {
    const response = await postForm(
      '/leads',
      { name: 'Ayla Deneme', email: 'not-an-address', language: 'tr' },
      { accept: 'text/html' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain('Formda düzeltilmesi gereken alanlar var');
    expect(html).toMatch(/<li><strong>E-posta<\/strong>: Geçerli bir e-posta adresi değil\.<\/li>/);
    expect(html).toContain(`<a id="back" href="${api()}/forms/lead?lang=tr">`);
  });

  it('in English for an English form, back to the page that posted it when that is ours', async () => {
    const response = await postForm(
      '/leads',
      { email: 'x@example.com', phone: 'abc', language: 'en' },
      { referer: `${api()}/forms/lead?lang=en&campaign=spring` },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<li><strong>Phone</strong>: Not a valid phone number.</li>');
    expect(html).toMatch(/<li><strong>Full name<\/strong>: /);
    expect(html).toContain(`href="${api()}/forms/lead?lang=en&amp;campaign=spring"`);
  });

  it('never links back to a foreign page, and a JSON Accept still gets problem JSON', async () => {
    const foreign = await postForm(
      '/leads',
      { name: 'Ayla Deneme', language: 'en' },
      { referer: 'https://evil.example.net/x' },
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain(`href="${api()}/forms/lead?lang=en"`);
    const asJson = await postForm('/leads', { name: 'Ayla Deneme', language: 'en' }, { accept: 'application/json' });
    expect(asJson.status).toBe(400);
    expect(await readProblem(asJson)).toMatchObject({ code: 'validation-failed', errors: [{ path: 'email' }] });
  });
});
