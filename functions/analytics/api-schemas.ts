// The analytics routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { commissionBases } from './domain/performance.js';

const format = { format: z.optional(z.enum(['json', 'csv'])) };
export const listQuery = z.strictObject(format);
export const lapsedQuery = z.strictObject({
  ...format,
  /** How many years before this one to look for buyers whose last order is old. */
  lookbackYears: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10)), 3),
});
export const performanceQuery = z
  .strictObject({ ...format, ...timeRangeQuery, by: z._default(z.enum(['rep', 'team']), 'rep') })
  .check(rangeInOrder);
export const dashboardQuery = z.strictObject(timeRangeQuery).check(rangeInOrder);

/** CSV as sent; checked row by row, every error with its line. */
export const ordersFile = z.unknown();

const basisPoints = z.int().check(z.gte(0), z.lte(10_000));
/** Net revenue (without KDV) unless the rules say margin. */
const commissionBasis = z.enum(commissionBases, z.said({ en: 'Write net or margin.', tr: 'net veya margin yazın.' }));
export const commissionRulesBody = z.strictObject({
  basis: z._default(commissionBasis, 'net'),
  defaultRateBp: basisPoints,
  repRatesBp: z._default(z.record(z.requiredLine(100), basisPoints), {}),
  /** The seq read with GET (0 when never set): a stale one is a 409. */
  seq: z.int().check(z.gte(0)),
});
export const segmentRulesBody = z
  .strictObject({ aShareBp: basisPoints.check(z.gte(1)), bShareBp: basisPoints, seq: z.int().check(z.gte(0)) })
  .check(
    z.refine((r) => r.aShareBp + r.bShareBp <= 10_000, {
      ...z.said({ en: 'A and B together make at most 100 %.', tr: 'A ve B birlikte en çok %100 olabilir.' }),
      path: ['bShareBp'],
    }),
  );

// ---- responses ------------------------------------------------------------------------------------

const listed = z.looseObject({
  customerId: z.string(),
  name: z.optional(z.string()),
  company: z.optional(z.string()),
  segment: z.optional(z.string()),
});
export const targetList = z.looseObject({ customers: z.array(listed) });
export const performanceReport = z.looseObject({
  from: z.string(),
  to: z.string(),
  by: z.enum(['rep', 'team']),
  commission: z.looseObject({ basis: z.enum(commissionBases), defaultRateBp: z.int() }),
  rows: z.array(
    z.looseObject({
      group: z.string(),
      leadsReceived: z.int(),
      quotesWon: z.int(),
      wonTry: z.int(),
      wonNetTry: z.int(),
      marginWonTry: z.int(),
      marginWonBp: z.int(),
      withoutMargin: z.int(),
      commissionBasis: z.enum(commissionBases),
      commissionTry: z.int(),
    }),
  ),
});
export const dashboardReport = z.looseObject({
  from: z.string(),
  to: z.string(),
  leads: z.looseObject({ received: z.int() }),
  quotes: z.looseObject({ sent: z.int(), accepted: z.int() }),
  orders: z.looseObject({ received: z.int() }),
  cases: z.looseObject({ opened: z.int() }),
});
const stored = { seq: z.int(), updatedBy: z.optional(z.string()), updatedAt: z.optional(z.string()) };
export const analyticsRules = z.strictObject({
  commission: z.looseObject({ basis: z.enum(commissionBases), defaultRateBp: z.int(), ...stored }),
  segments: z.looseObject({ aShareBp: z.int(), bShareBp: z.int(), ...stored }),
});
