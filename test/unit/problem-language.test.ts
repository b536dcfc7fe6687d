// Problems in the caller's language: the choice from Accept-Language, Turkish titles for every code,
// field messages from zod's tr/en locales per parse, and the rendering that changes only the words.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaQuery } from '../../functions/activities/api-schemas.js';
import { activityProblems } from '../../functions/activities/domain/activity.js';
import { segmentRulesBody } from '../../functions/analytics/api-schemas.js';
import { checkActionInput } from '../../functions/call-center/domain/request-lifecycle.js';
import { checkTemplateParts } from '../../functions/campaigns/templates.js';
import { importCsv } from '../../functions/catalogue/domain/catalogue-import.js';
import { ImportFailedError } from '../../functions/catalogue/import-problems.js';
import { lookupQuery } from '../../functions/customer-record/api-schemas.js';
import { createCustomerBody } from '../../functions/customers/api-schemas.js';
import { useCases } from '../../functions/manifests.js';
import { lostReasonOf, refuseClosed, targetOf } from '../../functions/opportunities/domain/stages.js';
import { rulesChangeSchema } from '../../functions/order-routing/domain/routing.js';
import { placementProblems } from '../../functions/people/domain/placement.js';
import { approvalPolicySchema } from '../../functions/quote-approval/domain/approval-policy.js';
import { instalments } from '../../functions/quote-approval/domain/payment-plan.js';
import { lambdaContext } from '../../infra/local/functions.js';
import { type HttpEvent, httpHandler, validate } from '../../shared/http.js';
import { defineLifecycle, IllegalTransitionError } from '../../shared/lifecycle.js';
import { chooseLanguage, inLanguage } from '../../shared/messages.js';
import { add, money, parseDecimalToMinor } from '../../shared/money.js';
import {
  declareProblems,
  type ProblemCode,
  ProblemError,
  problemCodes,
  problemDocument,
  problemTitle,
  ValidationError,
} from '../../shared/problems.js';
import * as z from '../../shared/schema.js';
import { parseIsoDate, rangeInOrder, timeRangeQuery } from '../../shared/time.js';

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
  it('every module declares its codes beside its code, and loading the manifests registers all of them', () => {
    const declared = useCases.flatMap((useCase) => Object.keys(useCase.problems ?? {}));
    expect(declared.length).toBeGreaterThan(40);
    expect(declared.filter((code) => !(code in problemCodes))).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('a code declared again with another meaning refuses to load; the same declaration again is harmless', () => {
    const spec = { status: 409, title: 'The probe changed meanwhile', tr: 'Sonda bu arada değişti' } as const;
    declareProblems({ 'probe-changed': spec });
    expect(() => declareProblems({ 'probe-changed': spec })).not.toThrow();
    expect(() => declareProblems({ 'probe-changed': { ...spec, status: 422 } })).toThrow(/probe-changed/);
    expect(() => declareProblems({ 'lead-changed': { ...spec } })).toThrow(/lead-changed.*declared twice/);
    delete problemCodes['probe-changed'];
  });

  it('a code whose module is not loaded renders as its code, never failing the answer it is part of', () => {
    expect(problemTitle('lead-changed', 'tr')).toBe('Aday bu arada değişti');
    expect(problemTitle('no-module-loaded' as ProblemCode, 'en')).toBe('no-module-loaded');
  });

  it('every registered code has a Turkish title besides the English one', () => {
    const entries = Object.entries(problemCodes) as [ProblemCode, { title: string; tr?: string }][];
    const missing = entries.filter(([, entry]) => !entry.tr?.trim()).map(([code]) => code);
    expect(missing).toEqual([]);
    const untranslated = entries.filter(([, entry]) => entry.tr === entry.title).map(([code]) => code);
    expect(untranslated).toEqual([]);
  });
});

describe('rendering a problem', () => {
  const problem = new ProblemError(
    422,
    'customer-not-found',
    { en: 'There is no such customer.', tr: 'Böyle bir müşteri yok.' },
    [
      { path: 'customerId', message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' } },
      { path: 'note', message: 'Not translated yet.' },
    ],
  );
  const render = (language: 'tr' | 'en') =>
    problemDocument(problem.status, problem.code, problem.detail, problem.errors, language);

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
      handler(
        { headers, requestContext: { requestId: 'unit' } } as unknown as HttpEvent,
        lambdaContext('problem-language'),
      );
    const turkish = await call({ 'Accept-Language': 'tr-TR,tr;q=0.9' });
    const english = await call({});
    expect(turkish.statusCode).toBe(400);
    expect(english.statusCode).toBe(400);
    expect(turkish.headers).toMatchObject({ 'content-language': 'tr', 'content-type': 'application/problem+json' });
    expect(english.headers).toMatchObject({ 'content-language': 'en' });
    expect(JSON.parse(turkish.body)).toMatchObject({
      code: 'validation-failed',
      title: 'İstekte geçersiz alanlar var',
      errors: [{ path: 'name', message: 'Zorunlu.' }],
    });
    expect(JSON.parse(english.body)).toMatchObject({
      code: 'validation-failed',
      title: 'The request has invalid fields',
      errors: [{ path: 'name', message: 'Required.' }],
    });
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
    expect(byPath.age).toEqual({
      en: expect.stringMatching(/expected number/),
      tr: expect.stringMatching(/beklenen sayı, alınan metin/),
    });
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
  const door = defineLifecycle({
    name: 'door',
    states: ['open', 'shut', 'locked'],
    actions: { shut: { from: ['open'], to: 'shut' }, lock: { from: ['shut'], to: 'locked', roles: ['manager'] } },
    tr: {
      record: 'kapı',
      states: { open: 'Açık', shut: 'Kapalı', locked: 'Kilitli' },
      actions: { shut: 'kapatma', lock: 'kilitleme' },
    },
  });

  it('name what is allowed in both languages, the Turkish in Turkish words', () => {
    const wrongState = refusal(() => door.apply('open', 'lock'));
    expect(wrongState).toBeInstanceOf(IllegalTransitionError);
    expect(wrongState.detail).toEqual({
      en: 'A open door cannot take "lock"; it can take "shut".',
      tr: '"Açık" durumundaki kapı "kilitleme" adımını atamaz; atabileceği adımlar: "kapatma".',
    });
    expect(refusal(() => door.apply('shut', 'lock', 'rep')).detail).toEqual({
      en: '"lock" on a door is for manager.',
      tr: '"kilitleme" adımı yalnızca satış yöneticisi içindir.',
    });
    expect(refusal(() => door.actionTo('locked', 'open')).detail).toMatchObject({
      tr: '"Kilitli" durumundaki kapı "Açık" olamaz; başka bir duruma geçemez.',
    });
    expect(refusal(() => door.actionTo('open', 'locked')).detail).toMatchObject({
      tr: '"Açık" durumundaki kapı "Kilitli" olamaz; olabileceği durumlar: "Kapalı".',
    });
  });
});

describe('a schema message written in English only', () => {
  it('stays a plain string (not translated), so pages that translate English messages still can', () => {
    const problem = refusal(() =>
      validate(z.object({ email: z.string().check(z.refine(() => false, 'Not an e-mail address.')) }), { email: 'x' }),
    );
    expect(problem.errors).toEqual([{ path: 'email', message: 'Not an e-mail address.' }]);
  });
});

describe('a field problem with more than a path', () => {
  it("keeps its other parts (an import's line) when its message is rendered", () => {
    const errors = [{ path: 'cost', line: 3, message: { en: 'Not a number.', tr: 'Sayı değil.' } }];
    expect(problemDocument(422, 'import-failed', undefined, errors, 'tr').errors).toEqual([
      { path: 'cost', line: 3, message: 'Sayı değil.' },
    ]);
  });
});

// ---- each use case's own refusals (language-rest) ------------------------------------------------

/** A field problem's message at `path`, as the Turkish and the English caller read it. */
const said = (problem: ProblemError, path: string) => {
  const found = problem.errors.find((e) => e.path === path);
  if (!found) throw new Error(`no problem at ${path}: ${JSON.stringify(problem.errors)}`);
  return { en: inLanguage(found.message, 'en'), tr: inLanguage(found.message, 'tr') };
};
const detailIn = (problem: ProblemError, language: 'tr' | 'en') => inLanguage(problem.detail, language);

describe("each use case's refusals in Turkish, the English unchanged", () => {
  it('customers: the lookup and the contact details a request sends', () => {
    const lookup = refusal(() => validate(lookupQuery, { phone: '0532 123 45 67', email: 'ayse@example.com' }));
    expect(said(lookup, 'phone')).toEqual({
      en: 'Send exactly one of `phone` and `email`.',
      tr: '`phone` ve `email` alanlarından tam olarak birini gönderin.',
    });
    const created = refusal(() => validate(createCustomerBody, { name: 'Deniz Ltd', email: 'deniz', phone: '12' }));
    expect(said(created, 'email')).toEqual({ en: 'Not an e-mail address.', tr: 'Geçerli bir e-posta adresi değil.' });
    expect(said(created, 'phone')).toEqual({
      en: 'Not a valid phone number.',
      tr: 'Geçerli bir telefon numarası değil.',
    });
  });

  it('campaigns: a template with parts campaigns cannot fill', () => {
    const problem = refusal(() =>
      checkTemplateParts({ tr: { subject: '{{> footer}}', html: '{{{name}}}', text: '{{shoeSize}}' } }),
    );
    expect(problem.code).toBe('unknown-template-variable');
    expect(detailIn(problem, 'en')).toBe('The template has parts campaigns cannot fill.');
    expect(detailIn(problem, 'tr')).toBe('Şablonda kampanyaların dolduramayacağı bölümler var.');
    expect(said(problem, 'parts.tr.subject').tr).toBe('Kısmi şablonlar (partial) desteklenmiyor.');
    expect(said(problem, 'parts.tr.html').tr).toBe('{{{name}}} ve {{& name}} HTML’i kaçışlamaz; {{name}} kullanın.');
    expect(said(problem, 'parts.tr.text')).toEqual({
      en: 'Unknown variable "shoeSize": use name, firstName, lastName, salutation, company, owner or offer.<field>.',
      tr: 'Bilinmeyen değişken "shoeSize": name, firstName, lastName, salutation, company, owner veya offer.<alan> kullanın.',
    });
  });

  it('activities: cross-field rules and the schema’s own messages', () => {
    expect(activityProblems({ kind: 'note' })).toEqual([
      { path: 'notes', message: { en: 'A note needs its text.', tr: 'Notun bir metni olmalı.' } },
    ]);
    expect(
      said(
        refusal(() => validate(agendaQuery, { week: '2026-03' })),
        'week',
      ),
    ).toEqual({
      en: 'Not an ISO week like 2026-W03.',
      tr: '2026-W03 gibi bir ISO haftası değil.',
    });
  });

  it('call center: what an action needs', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    expect(
      said(
        refusal(() => checkActionInput('decline', {}, now)),
        'reason',
      ),
    ).toEqual({ en: 'Say why the request is declined.', tr: 'Talebin neden reddedildiğini yazın.' });
    expect(
      said(
        refusal(() => checkActionInput('schedule', { at: '2026-12-01T08:00:00Z' }, now)),
        'at',
      ).tr,
    ).toBe('Gelecekte bir zaman olmalı.');
  });

  it('opportunities: stages, a closed opportunity and a lost one without a reason', () => {
    const back = refusal(() => targetOf('prospecting', 'back'));
    expect(back.code).toBe('illegal-transition');
    expect(detailIn(back, 'en')).toBe(
      'A prospecting opportunity cannot go back; it can take "advance" or "win" or "lose".',
    );
    expect(detailIn(back, 'tr')).toBe(
      '"Ön görüşme" aşamasındaki fırsat geri gidemez; atabileceği adımlar: "ilerleme" veya "kazanma" veya "kaybetme".',
    );
    expect(
      detailIn(
        refusal(() => refuseClosed('won')),
        'tr',
      ),
    ).toBe('"Kazanıldı" durumundaki fırsat kapandı; değiştirilemez.');
    expect(
      said(
        refusal(() => lostReasonOf('  ')),
        'lostReason',
      ).tr,
    ).toBe('Fırsatın neden kaybedildiğini yazın.');
  });

  it('catalogue imports: the schema’s and the file’s own errors, line by line', () => {
    const result = importCsv(
      'fxRates',
      'date,currency,rate_to_try\n2025-03-10,TRY,1\n2025-02-30,EUR,39.61\n2025-03-10,TRY,1,9',
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, field: 'currency', message: { en: 'TRY needs no rate.', tr: 'TRY için kur gerekmez.' } },
        {
          line: 3,
          field: 'date',
          message: { en: 'Not a date like 2025-01-31.', tr: '2025-01-31 gibi bir tarih değil.' },
        },
        { line: 4, field: '', message: { en: 'Expected 3 fields, found 4.', tr: '3 alan bekleniyordu, 4 alan var.' } },
      ],
    });
    const prices = [
      'id,name,currency,valid_from,valid_to,sku,unit_price',
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-1,10.00',
      'PL-1,Liste,TRY,2025-01-01,2025-12-31,A-1,12.00',
    ];
    expect(importCsv('priceLists', prices.join('\n'))).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'sku', message: { en: 'Priced twice.', tr: 'İki kez fiyatlanmış.' } }],
    });
    expect(importCsv('fxRates', 'date,currency\n')).toMatchObject({
      ok: false,
      errors: [{ field: 'rate_to_try', message: { tr: 'Eksik sütun.' } }],
    });
    const failed = new ImportFailedError([{ line: 2, field: 'currency', message: 'x' }]);
    expect(detailIn(failed, 'tr')).toBe('Dosyada 1 hata var; hiçbir şey içe aktarılmadı.');
  });

  it('analytics and order routing: the rules a manager sends', () => {
    expect(
      said(
        refusal(() => validate(segmentRulesBody, { aShareBp: 6000, bShareBp: 5000, seq: 0 })),
        'bShareBp',
      ).tr,
    ).toBe('A ve B birlikte en çok %100 olabilir.');
    const rules = refusal(() =>
      validate(rulesChangeSchema, {
        rules: [
          { id: 'r', kind: 'region', unitIds: [] },
          { id: 'r', kind: 'preferred-dealer' },
        ],
        fallbackUnitId: 'dept-ops',
      }),
    );
    expect(said(rules, 'rules.0.cities')).toEqual({
      en: 'Name a city or a region.',
      tr: 'Bir şehir veya bölge belirtin.',
    });
    expect(said(rules, 'rules.0.unitIds').tr).toBe('En az bir birim belirtin.');
  });

  it('quotes: payment plans, the approval policy and report ranges', () => {
    expect(
      said(
        refusal(() => instalments(money(100_00, 'TRY'), 0, '2026-01-31')),
        'count',
      ),
    ).toEqual({ en: 'Between 1 and 360 instalments.', tr: '1 ile 360 arasında taksit.' });
    const policy = refusal(() =>
      validate(approvalPolicySchema, [
        { id: 'a', when: {}, approverRole: 'manager' },
        { id: 'a', when: { discountBpOver: 1 }, approverRole: 'manager' },
      ]),
    );
    expect(said(policy, '0.when').tr).toBe('En az bir koşul verin.');
    expect(said(policy, '').tr).toBe('Kural kimlikleri benzersiz olmalı.');
    const range = refusal(() =>
      validate(z.strictObject(timeRangeQuery).check(rangeInOrder), { from: '2026-11-30', to: '2026-11-29' }),
    );
    expect(said(range, 'from')).toEqual({ en: 'After `to`.', tr: '`to` tarihinden sonra.' });
  });

  it('people: a placement that does not suit the role', () => {
    expect(placementProblems({ role: 'rep', unitId: 'dealer-ankara' })).toEqual([
      {
        path: 'teamId',
        message: {
          en: 'Required for a rep: the team whose leads they share.',
          tr: 'Satış temsilcisi için zorunlu: adaylarını paylaştığı ekip.',
        },
      },
      {
        path: 'unitId',
        message: {
          en: 'A rep works for no dealer or department.',
          tr: 'Satış temsilcisi bir bayi veya departmanda çalışmaz.',
        },
      },
    ]);
  });

  it('dates and money', () => {
    expect(
      said(
        refusal(() => parseIsoDate('2025-02-30', 'dueDate')),
        'dueDate',
      ).tr,
    ).toBe('2025-01-31 gibi bir tarih değil.');
    const amount = refusal(() => parseDecimalToMinor('1.234,56', 'TRY'));
    expect(amount.code).toBe('invalid-amount');
    expect(detailIn(amount, 'en')).toBe(
      '"1.234,56" is not a plain decimal: write amounts like 1234.56, with no thousands separators.',
    );
    expect(detailIn(amount, 'tr')).toBe(
      '"1.234,56" düz bir ondalık sayı değil: tutarları 1234.56 gibi, binlik ayırıcı olmadan yazın.',
    );
    expect(
      detailIn(
        refusal(() => add(money(1, 'TRY'), money(1, 'EUR'))),
        'tr',
      ),
    ).toBe('EUR ile TRY birlikte kullanılamaz.');
  });
});

describe("the routes' own schema messages", () => {
  it('no api-schemas.ts has a bare English message left in a check (each says it with said({ en, tr }))', () => {
    const bareMessage = /, '[A-Z][^']*\.'\)|message: ['`"]/;
    expect(bareMessage.test("z.refine(isIsoWeek, 'Not an ISO week like 2026-W03.')")).toBe(true);
    expect(bareMessage.test("z.refine(isIsoWeek, z.said({ en: 'Not an ISO week.', tr: 'ISO haftası değil.' }))")).toBe(
      false,
    );
    const root = new URL('../../functions/', import.meta.url);
    const files = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/api-schemas.ts`, root)))
      .map((entry) => `${entry.name}/api-schemas.ts`);
    expect(files.length).toBeGreaterThan(10);
    const bare = files.flatMap((file) =>
      readFileSync(new URL(file, root), 'utf8')
        .split('\n')
        .filter((line) => bareMessage.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(bare).toEqual([]);
  });
});
