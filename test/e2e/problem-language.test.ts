// One bad request over real HTTP, asked in Turkish and in English: the words change, the machine
// parts (status, code, type, field paths) do not, and Content-Language says which was used.
import { describe, expect, it } from 'vitest';
import { post } from '../support/e2e.js';

const badLead = { name: 'x'.repeat(300), email: 'not-an-address', consent_email: 'maybe' };

describe('problems in the caller’s language', () => {
  it('answers Turkish to Accept-Language: tr and English without it, with the same code and paths', async () => {
    const [turkish, english] = await Promise.all([
      post('/leads', badLead, { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' }),
      post('/leads', badLead),
    ]);
    expect(turkish.status).toBe(400);
    expect(english.status).toBe(400);
    expect(turkish.headers.get('content-language')).toBe('tr');
    expect(english.headers.get('content-language')).toBe('en');
    const tr = (await turkish.json()) as {
      code: string;
      type: string;
      title: string;
      errors: { path: string; message: string }[];
    };
    const en = (await english.json()) as typeof tr;
    expect(tr.code).toBe('validation-failed');
    expect(en.code).toBe('validation-failed');
    expect(tr.type).toBe(en.type);
    expect(tr.errors.map((e) => e.path)).toEqual(en.errors.map((e) => e.path));
    expect(tr.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'email']));
    expect(tr.title).toBe('İstekte geçersiz alanlar var');
    expect(en.title).toBe('The request has invalid fields');
    const name = (p: typeof tr) => p.errors.find((e) => e.path === 'name')?.message;
    expect(name(tr)).toBe('En çok 200 karakter.');
    expect(name(en)).toBe('At most 200 characters.');
  });

  it('says the contact messages of the public forms in Turkish: a phone they refuse, a form without any contact', async () => {
    const turkish = { 'accept-language': 'tr-TR,tr;q=0.9' };
    const [lead, webCase, english] = await Promise.all([
      post('/leads', { name: 'Deneme Kişi', phone: 'abc' }, turkish),
      post('/cases/web', { subject: 'Deneme', name: 'Deneme Kişi' }, turkish),
      post('/leads', { name: 'Deneme Kişi', phone: 'abc' }),
    ]);
    for (const response of [lead, webCase, english]) expect(response.status).toBe(400);
    const errors = async (response: Response) =>
      ((await response.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(await errors(lead)).toEqual([{ path: 'phone', message: 'Geçerli bir telefon numarası değil.' }]);
    expect(await errors(webCase)).toEqual([
      { path: 'email', message: 'Bir e-posta adresi ya da telefon numarası yazın.' },
    ]);
    expect(await errors(english)).toEqual([{ path: 'phone', message: 'Not a valid phone number.' }]);
  });
});
