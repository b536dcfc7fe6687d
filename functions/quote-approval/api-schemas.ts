// The quote routes' request and response schemas: the manifest declares them on the
// routes, the handlers get their requests parsed with them, the OpenAPI document is generated from them.
import { languages } from '../../shared/language.js';
import { exportFormat, valueCurrency, valueSorts } from '../../shared/list-export.js';
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { approvalRuleSchema } from './domain/approval-policy.js';
import { quoteStatuses } from './domain/lifecycle.js';
import { rejectionReasonSchema } from './domain/quote-input.js';

/** Ids are checked by the access module (unknown or foreign is a 404), so any string passes here. */
export const quoteParams = z.strictObject({ quoteId: z.string() });
/** `version` is checked against the quote (a bad one is a 404), hence a string. */
export const quoteVersionParams = z.strictObject({ quoteId: z.string(), version: z.string() });
export const pdfQuery = z.strictObject({ version: z.optional(z.string()) });

const listQuotesShape = {
  status: z.optional(z.enum(quoteStatuses)),
  owner: z.optional(z.requiredLine(100)),
  customer: z.optional(z.requiredLine(64)),
  ...timeRangeQuery,
  /**
   * By creation time: `newest` first (the default) or `oldest`; or by value: `highest` or `lowest` net
   * total first, within one currency (`currency`, TRY unless named).
   */
  sort: z._default(z.enum(['newest', 'oldest', ...valueSorts]), 'newest'),
  /** Only quotes in this currency (a list sorted by value keeps to TRY unless one is named). */
  ...valueCurrency,
};
export const listQuotesQuery = z
  .strictObject({
    ...listQuotesShape,
    awaiting: z.optional(z.literal('me')),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(rangeInOrder);
/** The list's filter, for every quote it finds: CSV unless JSON is asked for. */
export const exportQuotesQuery = z.strictObject({ ...listQuotesShape, ...exportFormat }).check(rangeInOrder);

export const quoteReportQuery = z.strictObject({
  ...timeRangeQuery,
  period: z._default(z.enum(['month', 'quarter', 'year']), 'month'),
  owner: z.optional(z.requiredLine(100)),
});

/** The change number the caller saw: a move based on a stale read is refused. */
const seq = z.optional(z.int().check(z.positive()));
export const quoteMoveBody = z.strictObject({ seq });
export const quoteAnswerBody = z.strictObject({ answer: z.enum(['accepted', 'declined']), seq });
const step = z.optional(z.int().check(z.gte(0), z.lte(20)));
export const approveBody = z.strictObject({ step, seq });
export const rejectBody = z.strictObject({
  reason: rejectionReasonSchema,
  step,
  seq,
});

/** A signed link's token (and a rejection's reason); a bad link gets a page, not a problem. */
export const linkQuery = z.looseObject({ token: z.optional(z.string()) });
export const linkForm = z.looseObject({ token: z.optional(z.string()), reason: z.optional(z.string()) });

export const policyBody = z.strictObject({
  rules: z.array(z.looseObject({ approverRole: z.string() })),
  seq: z.optional(z.int().check(z.gte(0))),
});

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

const money = z.strictObject({ amount: z.int(), currency: z.string() });

/** What a quote and its list row both show. */
const quoteKeyFields = {
  quoteId: z.string(),
  customerId: z.string(),
  ownerId: z.string(),
  status: z.enum(quoteStatuses),
  version: z.int(),
  seq: z.int(),
  currency: z.string(),
  grandTotalTry: money,
  validUntil: z.string(),
  createdAt: z.string(),
};

const quotedLines = z.array(z.looseObject({ sku: z.string(), quantity: z.int() }));
const quotedTotals = z.looseObject({ grandTotal: money });
const quote = z.looseObject({
  ...quoteKeyFields,
  language: z.enum(languages),
  lines: quotedLines,
  totals: quotedTotals,
  updatedAt: z.string(),
});

export const quoteResponse = quote;

const row = z.strictObject({ label: z.string(), value: z.string(), strong: z.optional(z.boolean()) });
/** What POST /quotes/preview answers: the draft's figures, and its rows formatted as the PDF prints them. */
export const quotePreview = z.looseObject({
  currency: z.string(),
  quoteDate: z.string(),
  /** The date the FX rates are taken on (the quote date). */
  fxDate: z.string(),
  rateToTry: z.string(),
  validUntil: z.string(),
  language: z.enum(languages),
  lines: quotedLines,
  totals: quotedTotals,
  grandTotalTry: money,
  paymentPlan: z.array(z.strictObject({ dueDate: z.string(), amount: money })),
  rows: z.strictObject({
    lines: z.array(
      z.strictObject({
        name: z.string(),
        sku: z.string(),
        quantity: z.string(),
        unitPrice: z.string(),
        discount: z.string(),
        amount: z.string(),
        taxRate: z.string(),
      }),
    ),
    totals: z.array(row),
    plan: z.array(z.strictObject({ dueDate: z.string(), amount: z.string() })),
  }),
});
export const quoteWithVersions = z.extend(quote, {
  versions: z.array(z.strictObject({ version: z.int(), href: z.string() })),
  /** The order as it was made: the accepted version's lines and totals; its status is on its own page. */
  order: z.optional(
    z.strictObject({
      orderId: z.string(),
      href: z.string(),
      currency: z.string(),
      lines: quotedLines,
      totals: quotedTotals,
    }),
  ),
  history: z.array(
    z.looseObject({ at: z.string(), from: z.string(), to: z.string(), action: z.string(), actorId: z.string() }),
  ),
});

const quoteSummary = z.looseObject({
  ...quoteKeyFields,
  /** The quote's number as people say it (`Q-01ABCDEF`). */
  number: z.string(),
  grandTotal: money,
  awaitingRole: z.optional(z.string()),
});
export const quotePage = z.strictObject({ quotes: z.array(quoteSummary), nextCursor: z.optional(z.string()) });
export const quoteExport = z.strictObject({ quotes: z.array(quoteSummary) });

const repReport = z.looseObject({
  owner: z.string(),
  period: z.string(),
  sent: z.int(),
  accepted: z.int(),
  successRateBp: z.int(),
  quoted: z.array(money),
  won: z.array(money),
  quotedTry: money,
  wonTry: money,
});
export const quoteReport = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: z.enum(['month', 'quarter', 'year']),
  byRep: z.array(repReport),
  overall: z.array(repReport),
});

export const approvalPolicy = z.looseObject({ rules: z.array(approvalRuleSchema), seq: z.int() });
