// The opportunity routes' request and response schemas: the manifest declares them on the routes,
// the handlers get their requests parsed with them, the OpenAPI document is generated from them.
import { currencySchema } from '../../shared/money.js';
import * as z from '../../shared/schema.js';
import { isoDateSchema } from '../../shared/time.js';
import { openStages, sayWhyLost, stageActions, stages } from './domain/stages.js';

/** Ids are checked by the access module (unknown or foreign is a 404), so any string passes here. */
export const opportunityParams = z.strictObject({ opportunityId: z.string() });

const amount = z.strictObject({
  amount: z.int().check(z.gte(0, z.said({ en: 'An amount cannot be negative.', tr: 'Tutar negatif olamaz.' }))),
  currency: currencySchema,
});
const percent = z.said({ en: 'From 0 to 100.', tr: '0 ile 100 arasında.' });
const probability = z.int().check(z.gte(0, percent), z.lte(100, percent));
const name = z.requiredLine(200);
/** The change number the caller saw: a change based on a stale read is refused. */
const seq = z.optional(z.int().check(z.positive()));

export const openBody = z.strictObject({
  customerId: z.requiredLine(64),
  name,
  amount,
  /** Where it starts; prospecting unless said. */
  stage: z.optional(z.enum(openStages)),
  /** Percent; the stage's default unless said. */
  probability: z.optional(probability),
  /** An Istanbul date; 30 days from today unless said. */
  expectedCloseDate: z.optional(isoDateSchema),
});

export const patchBody = z.strictObject({
  seq,
  name: z.optional(name),
  amount: z.optional(amount),
  /** `null` returns to the stage's default. */
  probability: z.optional(z.nullable(probability)),
  expectedCloseDate: z.optional(isoDateSchema),
});

export const moveBody = z.strictObject({ seq });
export const loseBody = z.strictObject({ seq, lostReason: z.text(2000).check(z.minLength(1, z.said(sayWhyLost))) });
export const attachBody = z.strictObject({ quoteId: z.requiredLine(64), seq });

export const pipelineQuery = z.strictObject({
  owner: z.optional(z.requiredLine(100)),
  team: z.optional(z.requiredLine(100)),
  currency: z.optional(currencySchema),
});

// ---- responses ---------------------------------------------------------------------------------

const money = z.strictObject({ amount: z.int(), currency: z.string() });

export const opportunity = z.looseObject({
  opportunityId: z.string(),
  customerId: z.string(),
  name: z.string(),
  amount: money,
  stage: z.enum(stages),
  seq: z.int(),
  probability: z.int(),
  expectedCloseDate: z.string(),
  ownerId: z.string(),
  quoteIds: z.array(z.string()),
  /** What the stage allows next. */
  moves: z.array(z.enum(stageActions)),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const quoteCost = z.strictObject({
  quoteId: z.string(),
  status: z.string(),
  version: z.int(),
  netTotal: money,
  costTotal: money,
  margin: money,
  marginBp: z.int(),
  netTotalTry: money,
  costTotalTry: money,
  marginTry: money,
});

export const opportunityDetail = z.extend(opportunity, {
  costAnalysis: z.strictObject({
    quotes: z.array(quoteCost),
    basis: z.enum(['accepted', 'in-play']),
    total: z.strictObject({ netTotalTry: money, costTotalTry: money, marginTry: money, marginBp: z.int() }),
  }),
  history: z.array(
    z.looseObject({ at: z.string(), from: z.string(), to: z.string(), action: z.string(), actorId: z.string() }),
  ),
});

const figures = {
  count: z.int(),
  byCurrency: z.array(z.strictObject({ currency: z.string(), amount: z.int(), weighted: z.int() })),
  amountTry: z.optional(z.int()),
  weightedTry: z.optional(z.int()),
};

export const pipeline = z.strictObject({
  asOf: z.string(),
  rows: z.array(z.strictObject({ ownerId: z.string(), stage: z.enum(stages), ...figures })),
  byStage: z.array(z.strictObject({ stage: z.enum(stages), ...figures })),
  total: z.strictObject(figures),
  unconverted: z.array(z.string()),
});
