// Every word a caller can be refused with exists in Turkish and in English: each registered problem
// code's title; every message a route's schemas (and the schemas forms and rules are read with) can
// produce, found by walking the schemas themselves; zod's own messages as the Turkish parse says them;
// and, in the source, no check or field problem left with a message in one language only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todoLifecycle } from '../../functions/activities/domain/activity.js';
import { requestLifecycle } from '../../functions/call-center/domain/request-lifecycle.js';
import { campaignLifecycle } from '../../functions/campaigns/domain/campaign-lifecycle.js';
import { caseIntakeSchema } from '../../functions/complaint-escalation/domain/case-input.js';
import { caseLifecycle } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import { webCaseSchema } from '../../functions/complaint-escalation/domain/web-case.js';
import { leadLifecycle } from '../../functions/lead-capture/domain/lead-status.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { useCases } from '../../functions/manifests.js';
import { opportunityLifecycle, refuseClosed, stages, targetOf } from '../../functions/opportunities/domain/stages.js';
import { orderLifecycle } from '../../functions/order-routing/domain/lifecycle.js';
import { rulesChangeSchema } from '../../functions/order-routing/domain/routing.js';
import { approvalPolicySchema } from '../../functions/quote-approval/domain/approval-policy.js';
import { quoteLifecycle } from '../../functions/quote-approval/domain/lifecycle.js';
import { type Role, roles, validate } from '../../shared/http.js';
import { inLanguage, type Text } from '../../shared/messages.js';
import { type ProblemCode, ProblemError, problemCodes } from '../../shared/problems.js';
import * as z from '../../shared/schema.js';

/** Words that are the same in both languages: product and standard names, and numbers. */
const sameInBoth = new Set(['Normal', 'SES', 'Idempotency-Key', 'CSV', 'JSON', 'TOTP']);

/** English words for JavaScript's types zod's Turkish locale would otherwise print. */
const englishTypeNames = /\b(number|string|boolean|array|object|int|record|undefined|bigint|date|symbol|function)\b/;

const bilingualProblem = (text: { tr: string; en: string }) => {
  if (!text.tr.trim()) return 'no Turkish';
  if (!text.en.trim()) return 'no English';
  if (text.tr === text.en && !sameInBoth.has(text.tr)) return 'Turkish is the English';
  return undefined;
};

// ---- the schemas ---------------------------------------------------------------------------------

type Def = Record<string, unknown> & { type: string; checks?: { _zod: { def: Def } }[]; error?: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def: Def } } | undefined)?._zod?.def;

/** Every custom message a schema can answer with (its own, its checks', its parts'), by where it sits. */
const customMessages = (
  root: unknown,
  at: string,
  found: { at: string; error: unknown }[] = [],
  seen = new Set<unknown>(),
) => {
  const visit = (schema: unknown, path: string) => {
    const def = defOf(schema);
    if (!def || seen.has(schema)) return;
    seen.add(schema);
    if (def.error) found.push({ at: `${path} (${def.type})`, error: def.error });
    for (const check of def.checks ?? []) {
      const checkDef = check._zod.def;
      if (checkDef.error)
        found.push({
          at: `${path} (${def.type} check ${String(checkDef.check ?? checkDef.type)})`,
          error: checkDef.error,
        });
      // A check may carry a schema of its own (z.email(), z.url() as checks).
      if ((check as unknown as { _zod: { def: Def } })._zod.def.type) visit(check, path);
    }
    const shape = def.shape as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(shape ?? {})) visit(value, `${path}.${key}`);
    for (const part of [
      'innerType',
      'in',
      'out',
      'element',
      'keyType',
      'valueType',
      'left',
      'right',
      'rest',
    ] as const) {
      if (def[part]) visit(def[part], path);
    }
    for (const option of (def.options as unknown[] | undefined) ?? []) visit(option, path);
    for (const item of (def.items as unknown[] | undefined) ?? []) visit(item, path);
    if (typeof def.getter === 'function') visit((def.getter as () => unknown)(), path);
  };
  visit(root, at);
  return found;
};

/** What a custom error says: a `said` in both languages, or a plain message (one language). */
const saidBy = (error: unknown): { tr: string; en: string } | string => {
  const said = (error as { said?: { tr: string; en: string } }).said;
  if (said) return said;
  const plain =
    typeof error === 'function' ? (error as (issue: unknown) => unknown)({ code: 'custom', input: undefined }) : error;
  return typeof plain === 'string' ? plain : JSON.stringify(plain);
};

/** Every schema a request is read with: each route's params, query and body, and those read outside a route. */
const requestSchemas = (): [string, unknown][] => [
  ...useCases.flatMap((useCase) =>
    useCase.routes.flatMap((route) =>
      (
        [
          ['params', route.request.params],
          ['query', route.request.query],
          ['body', route.request.body?.schema],
        ] as const
      )
        .filter(([, schema]) => schema)
        .map(([part, schema]): [string, unknown] => [`${route.method} ${route.path} ${part}`, schema]),
    ),
  ),
  ['lead form', leadSubmissionSchema],
  ['web case form', webCaseSchema],
  ['case intake', caseIntakeSchema],
  ['routing rules', rulesChangeSchema],
  ['approval policy', approvalPolicySchema],
];

describe('every problem code and every field message, in Turkish and in English', () => {
  it('each registered code has a Turkish title of its own, naming no English type or status', () => {
    const entries = Object.entries(problemCodes) as [ProblemCode, { title: string; tr?: string }][];
    expect(entries.length).toBeGreaterThan(60);
    const wrong = entries
      .map(([code, entry]) => [
        code,
        bilingualProblem({ tr: entry.tr ?? '', en: entry.title }) ??
          (englishTypeNames.test(entry.tr ?? '') ? 'English type name' : undefined),
      ])
      .filter(([, problem]) => problem);
    expect(wrong).toEqual([]);
  });

  it("every message a route's schemas can produce is said in both languages (the schemas walked, not sampled)", () => {
    const schemas = requestSchemas();
    expect(schemas.length).toBeGreaterThan(100);
    const messages = schemas.flatMap(([where, schema]) => customMessages(schema, where));
    // Enough found to trust the walk: the free-text checks alone sit on most fields.
    expect(messages.length).toBeGreaterThan(300);
    const wrong = messages
      .map(({ at, error }) => {
        const said = saidBy(error);
        return typeof said === 'string'
          ? `${at}: English only: ${said}`
          : bilingualProblem(said) && `${at}: ${bilingualProblem(said)}: ${said.en}`;
      })
      .filter(Boolean);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("zod's own messages, as a Turkish parse says them, are Turkish and name no English type", () => {
    const schema = z.strictObject({
      a: z.number(),
      b: z.string().check(z.minLength(3)),
      c: z.enum(['x', 'y']),
      d: z.email(),
      e: z.array(z.string()).check(z.maxLength(1)),
      f: z.int(),
      g: z.literal('k'),
      h: z.union([z.number(), z.boolean()]),
      i: z.record(z.string().check(z.regex(/^a/)), z.string()),
      j: z.string().check(z.regex(/^q/)),
      k: z.number().check(z.multipleOf(5)),
      l: z.string().check(z.length(2)),
      m: z.object({ n: z.string() }),
      o: z.url(),
      p: z.number().check(z.gte(1)),
      q: z.number().check(z.lte(1)),
      r: z.iso.date(),
      s: z.boolean(),
    });
    const value = {
      a: 'x',
      b: 'q',
      c: 'z',
      d: 'no',
      e: ['1', '2'],
      f: 1.5,
      g: 'm',
      h: 'x',
      i: { b: 'x' },
      j: 'r',
      k: 7,
      l: 'abc',
      m: 1,
      o: 'no',
      p: 0,
      q: 2,
      r: 'x',
      s: 'x',
      extra: 1,
    };
    const problem = (() => {
      try {
        validate(schema, value);
      } catch (error) {
        if (error instanceof ProblemError) return error;
      }
      throw new Error('expected a refusal');
    })();
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'extra',
      'f',
      'g',
      'h',
      'i.b',
      'j',
      'k',
      'l',
      'm',
      'o',
      'p',
      'q',
      'r',
      's',
    ]);
    const wrong = problem.errors
      .map(({ path, message }) => {
        if (typeof message === 'string') return `${path}: one language: ${message}`;
        const trouble =
          bilingualProblem(message) ??
          (englishTypeNames.test(message.tr.replace(/"[^"]*"|\/[^/]*\//g, '')) ? 'English type name' : undefined);
        return trouble && `${path}: ${trouble}: ${message.tr}`;
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
  });

  it.each([
    [
      'lead form',
      leadSubmissionSchema,
      { name: 'Ayşe', phone: 'abc', consent_email: 'on', redirect: 'no url', message: '<b>x</b>' },
    ],
    ['lead form without any contact', leadSubmissionSchema, { name: 'Ayşe', consent_sms: 'on' }],
    ['web case form', webCaseSchema, { subject: 'Kırık', name: 'Ayşe', email: 'no', phone: 'abc', redirect: 'no url' }],
    ['web case form without any contact', webCaseSchema, { subject: 'Kırık', name: 'Ayşe' }],
    [
      'case intake',
      caseIntakeSchema,
      {
        type: 'complaint',
        category: 'other',
        channel: 'phone',
        subject: 'x',
        contact: { name: '<i>', email: 'no', phone: '1' },
      },
    ],
    [
      'case intake without contact',
      caseIntakeSchema,
      { type: 'complaint', category: 'other', channel: 'phone', subject: 'x', contact: { name: 'Ayşe' } },
    ],
  ] as const)('%s: each cross-field and contact message, as the caller reads it', (_, schema, value) => {
    let refused: ProblemError | undefined;
    try {
      validate(schema, value);
    } catch (error) {
      if (error instanceof ProblemError) refused = error;
    }
    expect(refused?.errors.length).toBeGreaterThan(0);
    for (const { path, message } of refused!.errors) {
      expect(typeof message, `${path}: ${inLanguage(message, 'en')}`).toBe('object');
      expect(bilingualProblem(message as { tr: string; en: string }), path).toBeUndefined();
    }
  });

  it('the phone and e-mail messages a Turkish caller reads (the forms, the case intake)', () => {
    const said = (schema: z.core.$ZodType, value: unknown, path: string) => {
      try {
        validate(schema, value);
      } catch (error) {
        const found = (error as ProblemError).errors.find((e) => e.path === path);
        return found && { tr: inLanguage(found.message as Text, 'tr'), en: inLanguage(found.message as Text, 'en') };
      }
      return undefined;
    };
    const phone = { tr: 'Geçerli bir telefon numarası değil.', en: 'Not a valid phone number.' };
    expect(said(leadSubmissionSchema, { name: 'Ayşe', phone: 'abc' }, 'phone')).toEqual(phone);
    expect(said(webCaseSchema, { subject: 'x', name: 'Ayşe', phone: 'abc' }, 'phone')).toEqual(phone);
    expect(
      said(
        caseIntakeSchema,
        { type: 'complaint', category: 'other', channel: 'phone', subject: 'x', contact: { name: 'A', phone: '1' } },
        'contact.phone',
      ),
    ).toEqual(phone);
    expect(said(leadSubmissionSchema, { name: 'Ayşe' }, 'email')).toEqual({
      tr: 'Bir e-posta adresi ya da telefon numarası yazın.',
      en: 'Give an e-mail address or a phone number.',
    });
    expect(
      said(
        leadSubmissionSchema,
        { name: 'Ayşe', email: 'a@example.com', consent_sms: 'on', consentTextVersion: 'v1' },
        'phone',
      )?.tr,
    ).toBe('SMS ya da arama izni için bir telefon numarası gerekir.');
  });
});

// ---- the lifecycles -----------------------------------------------------------------------------

const lifecycles = [
  leadLifecycle,
  quoteLifecycle,
  orderLifecycle,
  caseLifecycle,
  campaignLifecycle,
  requestLifecycle,
  todoLifecycle,
  opportunityLifecycle,
];

/** Every refusal a lifecycle can answer: each illegal action from each state, each role refused, each unreachable state. */
const refusalsOf = (lifecycle: (typeof lifecycles)[number]) => {
  const cycle = lifecycle as unknown as {
    states: readonly string[];
    actions: Record<string, { roles?: readonly Role[] }>;
    apply: (status: string, action: string, role?: Role) => string;
    actionTo: (status: string, to: string) => string;
  };
  const refused = (fn: () => unknown): Text[] => {
    try {
      fn();
      return [];
    } catch (error) {
      return [(error as ProblemError).detail];
    }
  };
  return cycle.states.flatMap((state) => [
    ...Object.entries(cycle.actions).flatMap(([action, spec]) => [
      ...refused(() => cycle.apply(state, action)),
      ...roles
        .filter((role) => spec.roles && !spec.roles.includes(role))
        .flatMap((role) => refused(() => cycle.apply(state, action, role))),
    ]),
    ...cycle.states.flatMap((to) => refused(() => cycle.actionTo(state, to))),
  ]);
};

describe('lifecycle refusals in Turkish name states, actions and roles in Turkish', () => {
  it.each(lifecycles.map((lifecycle) => [lifecycle.name, lifecycle] as const))('%s', (_, lifecycle) => {
    const english = [...lifecycle.states, ...Object.keys(lifecycle.actions), ...roles];
    const inTurkish = new RegExp(`(^|[^\\p{L}_-])(${english.join('|')})(?=$|[^\\p{L}_-])`, 'u');
    const texts = refusalsOf(lifecycle);
    expect(texts.length).toBeGreaterThan(lifecycle.states.length);
    const wrong = texts
      .map((text) => {
        if (typeof text === 'string') return `one language: ${text}`;
        return bilingualProblem(text) ?? (inTurkish.test(text.tr) ? `English name in: ${text.tr}` : undefined);
      })
      .filter(Boolean);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("an opportunity's moves and a closed opportunity, in Turkish words", () => {
    const english = /\b(advance|back|win|lose|prospecting|needs-analysis|proposal|negotiation|won|lost)\b/;
    const texts = stages.flatMap((stage) =>
      (['advance', 'back'] as const).flatMap((action) => {
        try {
          targetOf(stage, action);
          refuseClosed(stage);
          return [];
        } catch (error) {
          return [(error as ProblemError).detail];
        }
      }),
    );
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(typeof text === 'string' ? text : text.tr).not.toMatch(english);
  });
});

// ---- the source ----------------------------------------------------------------------------------

const repo = new URL('../../', import.meta.url).pathname;
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(repo, dir)).flatMap((name) => {
    const path = join(repo, dir, name);
    if (statSync(path).isDirectory())
      return name === 'templates' || name === 'node_modules' ? [] : sourceFiles(relative(repo, path));
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [relative(repo, path)] : [];
  });

describe('no message in one language only, anywhere in the product code', () => {
  /** A check's message or a field problem's message given as a bare string: English only. */
  const bareMessage =
    /\bmessage: ['`"]|\b(?:refine|email|url|minLength|maxLength|regex|length|gte|lte)\([^;]*, ['`][A-Z][^'`]*['`]\)/;

  it('the pattern finds the shapes it is for, and not their bilingual forms', () => {
    expect(bareMessage.test("z.refine((p) => ok(p), 'Not a valid phone number.')")).toBe(true);
    expect(
      bareMessage.test("ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an e-mail address.' });"),
    ).toBe(true);
    expect(
      bareMessage.test(
        "throw new ValidationError([{ path: 'redirect', message: 'Redirects go only to allowed origins.' }]);",
      ),
    ).toBe(true);
    expect(bareMessage.test("z.minLength(1, 'Required.')")).toBe(true);
    expect(bareMessage.test('z.refine((p) => ok(p), z.said(notAPhone))')).toBe(false);
    expect(bareMessage.test("message: { en: 'Required.', tr: 'Zorunlu.' }")).toBe(false);
  });

  it('in functions/ and shared/ (pages and mail templates, which are words, not refusals, aside)', () => {
    const files = [...sourceFiles('functions'), ...sourceFiles('shared')];
    expect(files.length).toBeGreaterThan(150);
    const bare = files.flatMap((file) =>
      readFileSync(join(repo, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => bareMessage.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`),
    );
    expect(bare).toEqual([]);
  });
});
