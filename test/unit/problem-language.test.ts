// Problems in the caller's language: the choice from Accept-Language, Turkish titles for every code,
// field messages from zod's tr/en locales per parse, and the rendering that changes only the words.
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/functions.js';
import { type HttpEvent, httpHandler, validate } from '../../shared/http.js';
import { IllegalTransitionError, defineLifecycle } from '../../shared/lifecycle.js';
import { chooseLanguage } from '../../shared/messages.js';
import { ProblemError, type ProblemCode, problemCodes, problemDocument, ValidationError } from '../../shared/problems.js';
import * as z from '../../shared/schema.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
};

describe('the language of a request', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['tr', 'tr'],
    ['tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7', 'tr'],
    ['en-GB,en;q=0.9,tr;q=0.8', 'en'],
    ['en;q=0.5, tr;q=0.8', 'tr'],
    ['TR;Q=0.4, EN;Q=0.3', 'tr'],
    ['tr;q=0, en', 'en'],
    ['tr;q=0', 'en'],
    ['de-DE, fr;q=0.9', 'en'],
    ['de, tr;q=0.1', 'tr'],
    ['*', 'en'],
    ['*;q=0.9, tr;q=0.5', 'en'],
    ['tr, en', 'tr'],
    ['en, tr', 'en'],
    ['trk, tr-x;q=0.2', 'tr'],
  ])('Accept-Language %j is answered in %s', (header, language) => {
    expect(chooseLanguage(header)).toBe(language);
  });
});

describe('problem titles', () => {
  it('every registered code has a Turkish title besides the English one', () => {
    const entries = Object.entries(problemCodes) as [ProblemCode, { title: string; tr?: string }][];
    const missing = entries.filter(([, entry]) => !entry.tr?.trim()).map(([code]) => code);
    expect(missing).toEqual([]);
    const untranslated = entries.filter(([, entry]) => entry.tr === entry.title).map(([code]) => code);
    expect(untranslated).toEqual([]);
  });
});

describe('rendering a problem', () => {
  const problem = new ProblemError(422, 'customer-not-found', { en: 'There is no such customer.', tr: 'Böyle bir müşteri yok.' }, [
    { path: 'customerId', message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' } },
    { path: 'note', message: 'Not translated yet.' },
  ]);
  const render = (language: 'tr' | 'en') => problemDocument(problem.status, problem.code, problem.detail, problem.errors, language);

  it('says title, detail and field messages in the language asked; code, status, type and paths stay', () => {
    expect(render('tr')).toEqual({
      type: 'urn:pusula:problem:customer-not-found',
      title: 'Böyle bir müşteri yok',
      status: 422,
      code: 'customer-not-found',
      detail: 'Böyle bir müşteri yok.',
      errors: [
        { path: 'customerId', message: 'Böyle bir müşteri yok.' },
        { path: 'note', message: 'Not translated yet.' },
      ],
    });
    expect(render('en')).toMatchObject({
      title: 'No such customer',
      detail: 'There is no such customer.',
      errors: [{ path: 'customerId', message: 'No such customer.' }, { path: 'note' }],
    });
    expect(problem.message).toBe('There is no such customer.');
  });

  it('answers with Content-Language through the handler, English without Accept-Language', async () => {
    const handler = httpHandler(async () => {
      throw new ValidationError([{ path: 'name', message: { en: 'Required.', tr: 'Zorunlu.' } }]);
    });
    const call = (headers: Record<string, string>) =>
      handler({ headers, requestContext: { requestId: 'unit' } } as unknown as HttpEvent, lambdaContext('problem-language'));
    const turkish = await call({ 'Accept-Language': 'tr-TR,tr;q=0.9' });
    const english = await call({});
    expect(turkish.statusCode).toBe(400);
    expect(english.statusCode).toBe(400);
    expect(turkish.headers).toMatchObject({ 'content-language': 'tr', 'content-type': 'application/problem+json' });
    expect(english.headers).toMatchObject({ 'content-language': 'en' });
    expect(JSON.parse(turkish.body)).toMatchObject({ code: 'validation-failed', title: 'İstekte geçersiz alanlar var', errors: [{ path: 'name', message: 'Zorunlu.' }] });
    expect(JSON.parse(english.body)).toMatchObject({ code: 'validation-failed', title: 'The request has invalid fields', errors: [{ path: 'name', message: 'Required.' }] });
  });
});

describe('field messages from a schema', () => {
  const schema = z.strictObject({ name: z.requiredLine(5), age: z.number(), email: z.email() });

  it("carries zod's tr and en locale messages and the schema's own said text, with the same paths", () => {
    const problem = refusal(() => validate(schema, { name: 'Ayşe Yılmaz', age: 'x', email: 'no', extra: 1 }));
    expect(problem.code).toBe('validation-failed');
    const byPath = Object.fromEntries(problem.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(['age', 'email', 'extra', 'name']);
    expect(byPath.name).toEqual({ en: 'At most 5 characters.', tr: 'En çok 5 karakter.' });
    expect(byPath.age).toEqual({ en: expect.stringMatching(/expected number/), tr: expect.stringMatching(/beklenen number/) });
    expect(byPath.email).toMatchObject({ tr: expect.stringMatching(/Geçersiz/) });
    expect(byPath.extra).toEqual({ en: 'This field may not be set.', tr: 'Bu alan verilemez.' });
  });

  it('a parse with a Turkish map leaves no trace on the next parse without one (no global switch)', () => {
    expect(z.safeParse(z.string(), 1, { error: z.fieldMessages('tr') }).error?.issues[0]?.message).toMatch(/beklenen/);
    expect(z.safeParse(z.requiredLine(5), '').error?.issues[0]?.message).toBe('Required.');
    expect(z.safeParse(z.string(), 1).error?.issues[0]?.message).toMatch(/expected string/);
  });
});

describe('illegal moves', () => {
  const door = defineLifecycle({ name: 'door', states: ['open', 'shut', 'locked'], actions: { shut: { from: ['open'], to: 'shut' }, lock: { from: ['shut'], to: 'locked', roles: ['manager'] } } });

  it('name what is allowed in both languages', () => {
    const wrongState = refusal(() => door.apply('open', 'lock'));
    expect(wrongState).toBeInstanceOf(IllegalTransitionError);
    expect(wrongState.detail).toEqual({
      en: 'A open door cannot take "lock"; it can take "shut".',
      tr: '"open" durumundaki kayıt "lock" adımını atamaz; atabileceği adımlar: "shut".',
    });
    expect(refusal(() => door.apply('shut', 'lock', 'rep')).detail).toMatchObject({ tr: '"lock" adımı yalnızca manager içindir.' });
    expect(refusal(() => door.actionTo('locked', 'open')).detail).toMatchObject({ tr: '"locked" durumundaki kayıt "open" olamaz; başka bir duruma geçemez.' });
  });
});

describe('a schema message written in English only', () => {
  it('stays a plain string (not translated), so pages that translate English messages still can', () => {
    const problem = refusal(() => validate(z.object({ email: z.string().check(z.refine(() => false, 'Not an e-mail address.')) }), { email: 'x' }));
    expect(problem.errors).toEqual([{ path: 'email', message: 'Not an e-mail address.' }]);
  });
});

describe('a field problem with more than a path', () => {
  it("keeps its other parts (an import's line) when its message is rendered", () => {
    const errors = [{ path: 'cost', line: 3, message: { en: 'Not a number.', tr: 'Sayı değil.' } }];
    expect(problemDocument(422, 'import-failed', undefined, errors, 'tr').errors).toEqual([{ path: 'cost', line: 3, message: 'Sayı değil.' }]);
  });
});
