// One text rule for every free-text field: each refused class of character, in each field of each
// schema, is refused naming that field; Turkish text and ordinary punctuation pass.
import { describe, expect, it } from 'vitest';
import { priceListSchema, productSchema } from '../../functions/catalogue/domain/catalogue.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { approvalRuleSchema } from '../../functions/quote-approval/domain/approval-policy.js';
import {
  createQuoteSchema,
  editQuoteSchema,
  rejectionReasonSchema,
} from '../../functions/quote-approval/domain/quote-input.js';
import * as z from '../../shared/schema.js';

/** Refused everywhere, one-line or multi-line. */
const alwaysRefused: [string, string][] = [
  ['NUL', '\u0000'],
  ['ESC', '\u001b'],
  ['vertical tab', '\u000b'],
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['C1 CSI', '\u009b'],
  ['LRE', '\u202a'],
  ['RLE', '\u202b'],
  ['PDF', '\u202c'],
  ['LRO', '\u202d'],
  ['RLO', '\u202e'],
  ['LRI', '\u2066'],
  ['RLI', '\u2067'],
  ['FSI', '\u2068'],
  ['PDI', '\u2069'],
  ['RLM', '\u200f'],
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['word joiner', '\u2060'],
  ['BOM', '\ufeff'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udc00'],
];
/** Refused in one-line fields, kept in multi-line ones. */
const lineBreaks: [string, string][] = [
  ['LF', '\n'],
  ['CR', '\r'],
  ['CRLF', '\r\n'],
  ['tab', '\t'],
];

const turkish = 'İıŞşĞğÜüÖöÇç';
const punctuated = `Öz & Çağ (İzmir) - %18, 'ış' "ğü"; 1/2: tamam? #3 ₺1.250,00 … 3 < 4 😀`;

interface Field {
  schema: z.ZodMiniType;
  /** A valid value of the schema, into which the field's text goes. */
  valid: unknown;
  path: (string | number)[];
  multiline: boolean;
  max: number;
}

const lead = { name: 'Ece Deneme', email: 'ece@example.com' };
const quote = { customerId: 'c1', priceListId: 'tr-standart', lines: [{ sku: 'TP-20', quantity: 1 }] };
const product = {
  sku: 'TP-20',
  name: { tr: 'Transpalet', en: 'Pallet truck' },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'istif',
  cost: { amount: 100, currency: 'TRY' },
  taxRateBp: 2000,
  active: true,
};
const priceList = {
  id: 'tr',
  name: 'TRY',
  currency: 'TRY',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  prices: [{ sku: 'TP-20', unitPrice: 1 }],
};
const rule = { id: 'r1', approverRole: 'manager', when: { discountBpOver: 1000 } };

const field = (
  schema: z.ZodMiniType,
  valid: unknown,
  path: (string | number)[],
  max: number,
  multiline = false,
): Field => ({
  schema,
  valid,
  path,
  multiline,
  max,
});

const fields: Field[] = [
  ...(
    [
      ['name', 200],
      ['company', 200],
      ['sector', 100],
      ['city', 100],
      ['region', 100],
      ['productInterest', 200],
      ['source', 100],
      ['utm_source', 200],
      ['utm_campaign', 200],
      ['consentTextVersion', 50],
      ['idempotencyKey', 100],
    ] as const
  ).map(([name, max]) => field(leadSubmissionSchema, lead, [name], max)),
  field(leadSubmissionSchema, lead, ['message'], 4000, true),
  field(createQuoteSchema, quote, ['customerId'], 64),
  field(createQuoteSchema, quote, ['priceListId'], 100),
  field(createQuoteSchema, quote, ['lines', 0, 'sku'], 64),
  field(createQuoteSchema, quote, ['notes'], 4000, true),
  field(editQuoteSchema, {}, ['notes'], 4000, true),
  field(z.object({ reason: rejectionReasonSchema }), {}, ['reason'], 2000, true),
  field(productSchema, product, ['sku'], 64),
  field(productSchema, product, ['name', 'tr'], 200),
  field(productSchema, product, ['name', 'en'], 200),
  field(productSchema, product, ['description', 'tr'], 2000, true),
  field(productSchema, product, ['unit'], 20),
  field(productSchema, product, ['category'], 100),
  field(priceListSchema, priceList, ['id'], 100),
  field(priceListSchema, priceList, ['name'], 200),
  field(priceListSchema, priceList, ['prices', 0, 'sku'], 64),
  field(approvalRuleSchema, rule, ['id'], 100),
  field(approvalRuleSchema, rule, ['description'], 500),
  field(approvalRuleSchema, rule, ['approverRole'], 50),
];

/** `valid` with `value` at `path`. */
const withValue = (valid: unknown, path: (string | number)[], value: string): unknown => {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
};

const problemPaths = (f: Field, value: string) => {
  const result = z.safeParse(f.schema, withValue(f.valid, f.path, value));
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};
const parsedValue = (f: Field, value: string) => {
  const result = z.safeParse(f.schema, withValue(f.valid, f.path, value));
  expect(result.error?.issues ?? []).toEqual([]);
  return f.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], result.data);
};
const name = (f: Field) =>
  `${f.path.join('.')} of ${(f.valid === lead && 'lead') || (f.valid === quote && 'quote') || 'its schema'}`;

describe.each(fields.map((f) => [name(f), f] as const))('%s', (_, f) => {
  const refused = f.multiline ? alwaysRefused : [...alwaysRefused, ...lineBreaks];
  it.each(refused)('refuses %s, naming the field', (_, char) => {
    expect(problemPaths(f, `Ali${char}Veli`)).toEqual([f.path.join('.')]);
  });

  it('keeps Turkish letters and ordinary punctuation, NFC-normalised and trimmed', () => {
    expect(parsedValue(f, ` ${turkish} `)).toBe(turkish);
    if (f.max >= punctuated.length) expect(parsedValue(f, punctuated)).toBe(punctuated);
    // Ş as S + combining cedilla, İ as I + combining dot: stored as the single letters.
    expect(parsedValue(f, 'S\u0327is\u0327li I\u0307zmir')).toBe('Şişli İzmir');
  });

  if (f.multiline) {
    it('keeps line breaks and tabs, with CRLF and CR as LF', () => {
      expect(parsedValue(f, 'Merhaba,\r\n\tilk satır\rikinci satır\n\nİyi günler')).toBe(
        'Merhaba,\n\tilk satır\nikinci satır\n\nİyi günler',
      );
    });
  }
});

describe('a name cannot forge a line in the mail that quotes it', () => {
  it('refuses a name with a line feed and a mail header after it', () => {
    const result = leadSubmissionSchema.safeParse({ ...lead, name: 'Ece\nKonu: Şifrenizi yenileyin' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Line breaks and control characters are not allowed.'],
    ]);
  });
});

describe('the lead form keeps refusing markup', () => {
  it.each(['name', 'company', 'message'])('in %s', (path) => {
    expect(
      leadSubmissionSchema
        .safeParse({ ...lead, [path]: 'bak <img src=x onerror=alert(1)>' })
        .error?.issues.map((i) => i.path.join('.')),
    ).toEqual([path]);
  });
});
