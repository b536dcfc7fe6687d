// The campaign routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import { languages } from '../../shared/language.js';
import { skipReasons } from '../../shared/mail.js';
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { buysLessDefaults } from './domain/buying-less.js';
import { campaignStatuses } from './domain/campaign-lifecycle.js';
import { type FunnelStage, funnelStages } from './domain/report.js';
import { purchaseKinds, valueSegments } from './domain/segment-filter.js';

export type AnySchema = z.core.$ZodType;

const names = z.array(z.requiredLine(100)).check(z.maxLength(50));
const topic = z.requiredLine(60);
const instant = z.iso.datetime({ offset: true });
const seq = z.optional(z.int().check(z.positive()));

const month = z
  .string()
  .check(
    z.refine(
      (value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value),
      z.said({ en: 'Not a month like 2026-03.', tr: '2026-03 gibi bir ay değil.' }),
    ),
  );
const lineCondition = z
  .strictObject({
    kind: z.enum(purchaseKinds),
    category: z.requiredLine(100),
    from: month,
    to: month,
    minOrders: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
    /** TRY minor units. */
    minAmount: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000_000))),
  })
  .check(
    z.refine((c) => c.from <= c.to, {
      ...z.said({ en: 'The first month is after the last.', tr: 'İlk ay son aydan sonra.' }),
      path: ['from'],
    }),
    // Each year of the period is one pass over the purchasers index: ten years bound a preview's time.
    z.refine((c) => Number(c.to.slice(0, 4)) - Number(c.from.slice(0, 4)) < 10, {
      ...z.said({ en: 'The period spans more than ten years.', tr: 'Dönem on yıldan uzun.' }),
      path: ['to'],
    }),
  );
const buysLessCondition = z
  .strictObject({
    kind: z.literal('buys-less'),
    measure: z.optional(z.enum(['amount', 'orders'])),
    category: z.optional(z.requiredLine(100)),
    periodMonths: z.optional(z.int().check(z.gte(1), z.lte(12))),
    periods: z.optional(z.int().check(z.gte(1), z.lte(12))),
    dropPercent: z.optional(z.int().check(z.gte(1), z.lte(100))),
  })
  .check(
    // An order with lines of two categories counts in both: only within one category is a count exact.
    z.refine((c) => c.measure !== 'orders' || c.category !== undefined, {
      ...z.said({
        en: 'Counting orders needs a category.',
        tr: 'Sipariş saymak için bir kategori gerekir.',
      }),
      path: ['category'],
    }),
    // Like a period of bought/not-bought: at most ten years of figures read.
    z.refine(
      (c) => (c.periodMonths ?? buysLessDefaults.periodMonths) * ((c.periods ?? buysLessDefaults.periods) + 1) <= 120,
      {
        ...z.said({
          en: 'The periods span more than ten years.',
          tr: 'Dönemler on yıldan uzun.',
        }),
        path: ['periods'],
      },
    ),
  );
const purchaseCondition = z.discriminatedUnion('kind', [lineCondition, buysLessCondition]);

export const segmentFilter = z.strictObject({
  sectors: z.optional(names),
  regions: z.optional(names),
  cities: z.optional(names),
  languages: z.optional(z.array(z.enum(languages))),
  groups: z.optional(names),
  tags: z.optional(names),
  valueSegments: z.optional(z.array(z.enum(valueSegments))),
  lastOrderBefore: z.optional(instant),
  lastOrderAfter: z.optional(instant),
  ownerIds: z.optional(names),
  purchases: z.optional(z.array(purchaseCondition).check(z.maxLength(10))),
});
const consent = z.strictObject({ channel: z.literal('email'), topic });

export const createSegmentBody = z.strictObject({ name: z.requiredLine(120), filter: segmentFilter, consent });
/** A filter counted before it is saved: the console's segment form asks this as its fields change. */
export const previewSegmentBody = z.strictObject({ filter: segmentFilter, consent: z.optional(consent) });
export const editSegmentBody = z.strictObject({
  name: z.optional(z.requiredLine(120)),
  filter: z.optional(segmentFilter),
  consent: z.optional(consent),
  seq,
});

/** A template part is author HTML or text; Mustache and the checks in templates.ts decide what it may hold. */
const version = z.strictObject({
  subject: z.requiredLine(200),
  html: z.string().check(z.minLength(1), z.maxLength(100_000)),
  text: z.string().check(z.minLength(1), z.maxLength(50_000)),
});
export const createTemplateBody = z.strictObject({
  name: z.requiredLine(120),
  parts: z.strictObject({ tr: version, en: version }),
});
export const editTemplateBody = z.strictObject({
  name: z.optional(z.requiredLine(120)),
  parts: z.optional(z.strictObject({ tr: z.optional(version), en: z.optional(version) })),
  seq,
});
const sampleVars = z.strictObject({
  name: z.optional(z.line(200)),
  company: z.optional(z.line(200)),
  owner: z.optional(z.line(200)),
});
const offer = z.record(z.string().check(z.regex(/^[A-Za-z][\w-]*$/), z.maxLength(40)), z.line(500));
export const previewTemplateBody = z.strictObject({
  language: z._default(z.enum(languages), 'tr'),
  /** A customer to fill the variables from; else `sample`. */
  customerId: z.optional(z.requiredLine(40)),
  sample: z.optional(sampleVars),
  offer: z.optional(offer),
});

const schedule = z.union([
  z.strictObject({ at: instant }),
  z.strictObject({
    // Parsed when the campaign is created or edited (functions/campaigns/campaigns.ts).
    cron: z.requiredLine(100),
  }),
]);
export const campaignChannels = ['email', 'sms'] as const;

export const smsPreviewBody = z.strictObject({
  segmentId: z.requiredLine(40),
  templateId: z.requiredLine(40),
  offer: z.optional(offer),
  /** What the variables are filled with for the estimate; a typical name when absent. */
  sample: z.optional(sampleVars),
});
const smsVersionEstimate = z.strictObject({
  text: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  characters: z.int(),
  segments: z.int(),
  costMinor: z.int(),
});
export const smsPreview = z.strictObject({
  versions: z.strictObject({ tr: smsVersionEstimate, en: smsVersionEstimate }),
  maxSegments: z.int(),
  recipients: z.int(),
  /** Whether every customer was read (the recipient count is exact). */
  complete: z.boolean(),
  /** Per recipient at most (the longer version), and for the campaign: kuruş. */
  costPerRecipientMinor: z.int(),
  campaignCostMinor: z.int(),
  currency: z.literal('TRY'),
});

export const createCampaignBody = z.strictObject({
  name: z.requiredLine(120),
  segmentId: z.requiredLine(40),
  templateId: z.requiredLine(40),
  topic,
  language: z._default(z.enum(languages), 'tr'),
  schedule,
  offer: z.optional(offer),
  /** `sms`: the template's text part is sent as a text to each recipient's mobile number. */
  channel: z._default(z.enum(campaignChannels), 'email'),
});
export const editCampaignBody = z.strictObject({
  name: z.optional(z.requiredLine(120)),
  segmentId: z.optional(z.requiredLine(40)),
  templateId: z.optional(z.requiredLine(40)),
  topic: z.optional(topic),
  language: z.optional(z.enum(languages)),
  schedule: z.optional(schedule),
  offer: z.optional(offer),
  seq,
});
export const moveBody = z.strictObject({ seq });

export const segmentParams = z.strictObject({ segmentId: z.string() });
export const templateParams = z.strictObject({ templateId: z.string() });
export const campaignParams = z.strictObject({ campaignId: z.string() });
export const pageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
export const reportsQuery = z.strictObject({ ...timeRangeQuery }).check(rangeInOrder);

// ---- responses ---------------------------------------------------------------------------------

const stamp = { seq: z.int(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string() };
export const segment = z.looseObject({
  segmentId: z.string(),
  name: z.string(),
  filter: z.looseObject({}),
  consent,
  ...stamp,
});
export const segmentPage = z.strictObject({ items: z.array(segment), next: z.optional(z.string()) });
export const segmentPreview = z.strictObject({
  count: z.int(),
  sample: z.array(z.strictObject({ customerId: z.string(), name: z.string() })),
  scanned: z.int(),
  complete: z.boolean(),
  consent: z.string(),
});
export const template = z.looseObject({ templateId: z.string(), name: z.string(), parts: z.looseObject({}), ...stamp });
export const templatePage = z.strictObject({ items: z.array(template), next: z.optional(z.string()) });
export const renderedMail = z.strictObject({
  language: z.enum(languages),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});
export const sentToMe = z.strictObject({ to: z.string(), status: z.enum(['sent', 'skipped']) });
export const campaign = z.looseObject({
  campaignId: z.string(),
  name: z.string(),
  status: z.enum(campaignStatuses),
  segmentId: z.string(),
  templateId: z.string(),
  topic: z.string(),
  channel: z.optional(z.enum(campaignChannels)),
  ...stamp,
});
export const campaignWithHistory = z.looseObject({ ...campaign.shape, history: z.array(z.looseObject({})) });
export const campaignPage = z.strictObject({ items: z.array(campaign), next: z.optional(z.string()) });
/** The funnel's counts, each stage by name, with what was skipped or failed. */
const funnel = z.strictObject({
  ...Object.fromEntries(funnelStages.map((stage) => [stage, z.int()])),
  skipped: z.int(),
  failed: z.int(),
  /** Texts the network reported as not delivered. */
  undelivered: z.int(),
} as Record<FunnelStage | 'skipped' | 'failed' | 'undelivered', ReturnType<typeof z.int>>);
/** The funnel's rates, each a share of what it is measured against (0–1). */
const rates = z.strictObject({
  delivery: z.number(),
  bounce: z.number(),
  complaint: z.number(),
  open: z.number(),
  click: z.number(),
  unsubscribe: z.number(),
});
/** What was skipped, by why. */
/** A text campaign also skips a recipient without a mobile number, or whose text runs over the segment limit. */
const skippedBy = z.partialRecord(z.enum([...skipReasons, 'no-address', 'too-long']), z.int());
export const progress = z.strictObject({
  campaignId: z.string(),
  status: z.enum(campaignStatuses),
  run: z.optional(
    z.strictObject({
      runId: z.string(),
      status: z.enum(['materialising', 'sending', 'done', 'cancelled']),
      startedAt: z.string(),
      finishedAt: z.optional(z.string()),
      recipients: z.int(),
      sent: z.int(),
      skipped: z.int(),
      skippedBy,
      failed: z.int(),
      remaining: z.int(),
      /** A sending run holding its messages back: a text run in the quiet hours, or İYS unreachable. */
      waitingFor: z.optional(z.enum(['quiet-hours', 'iys'])),
      ratePerSecond: z.number(),
      configuredRate: z.number(),
    }),
  ),
});
const bilingual = z.strictObject({ en: z.string(), tr: z.string() });
const reputationView = z.looseObject({
  paused: z.boolean(),
  bounceRate: z.number(),
  complaintRate: z.number(),
  reasons: z.array(z.string()),
  minimumSends: z.int(),
  seq: z.int(),
  gate: z.looseObject({
    state: z.enum(['learning', 'open', 'paused', 'lifted']),
    reason: bilingual,
    judged: z.strictObject({ sent: z.int(), bounced: z.int(), complained: z.int() }),
    lift: z.optional(z.strictObject({ at: z.string(), by: z.string(), reason: z.string() })),
  }),
});
/** The gate with who changed it, newest first. */
export const reputationGate = z.strictObject({
  reputation: reputationView,
  history: z.array(
    z.strictObject({
      at: z.string(),
      actorId: z.string(),
      action: z.string(),
      via: z.string(),
      note: z.optional(z.string()),
    }),
  ),
});
/** Why an admin lifts the gate: kept in its audit trail. */
export const liftGateBody = z.strictObject({ reason: z.requiredLine(500) });
export const report = z.strictObject({
  campaignId: z.string(),
  funnel,
  rates,
  byHour: z.array(z.looseObject({ hour: z.string() })),
  reputation: reputationView,
});
const groupRow = z.strictObject({ id: z.string(), name: z.optional(z.string()), funnel, rates });
export const reports = z.strictObject({
  from: z.string(),
  to: z.string(),
  campaigns: z.int(),
  bySegment: z.array(groupRow),
  byTemplate: z.array(groupRow),
  reputation: reputationView,
});
