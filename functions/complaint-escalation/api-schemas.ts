// The case routes' request and response schemas: the manifest declares them, the handlers get their
// requests parsed with them, and the OpenAPI document is generated from them.
import { languages } from '../../shared/language.js';
import { exportFormat } from '../../shared/list-export.js';
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { caseCategories, caseChannels, casePriorities, caseTypes } from './domain/case-input.js';
import { caseLifecycle, caseStatuses } from './domain/case-lifecycle.js';

const caseActions = Object.keys(caseLifecycle.actions) as (keyof typeof caseLifecycle.actions)[];

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const caseParams = z.strictObject({ caseId: z.string() });

export const listCasesQuery = z.strictObject({
  status: z.optional(z.enum(caseStatuses)),
  /** One customer's cases (every status unless one is named). */
  customer: z.optional(z.requiredLine(40)),
  /** The department's or dealer's cases (a unit's own people list only their unit's). */
  unit: z.optional(z.requiredLine(100)),
  /** The cases a person opened (staff other than managers list only their own). */
  owner: z.optional(z.requiredLine(100)),
  /** Only cases opened at least this many days ago: "open cases older than 2 days". */
  olderThanDays: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650))),
  /** `today`: the running SLA target is due by the end of today in Istanbul, or already missed. */
  breaching: z.optional(z.enum(['today'])),
  /** Newest first (the default), or `due`: running SLA clocks soonest due first, late ones on top. */
  sort: z.optional(z.enum(['newest', 'due'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

/** The list's filter, for every case it finds: CSV unless JSON is asked for. */
const { limit: _limit, cursor: _cursor, ...filterShape } = listCasesQuery.shape;
export const exportCasesQuery = z.strictObject({ ...filterShape, ...exportFormat });

export const changeCaseStatusBody = z.strictObject({
  to: z.enum(caseStatuses),
  /** The seq the caller saw: a move based on a stale screen is refused. */
  seq: z.optional(z.int().check(z.positive())),
  /** Why, kept in the case's history. */
  note: z.optional(z.requiredLine(1000)),
});

export const caseReportQuery = z.strictObject({ ...timeRangeQuery }).check(rangeInOrder);

/** Any other `lang` gets the Turkish form. */
export const languageQuery = z.looseObject({ lang: z.optional(z.string()) });

/** A signed link's token; a missing or bad one gets the "link not valid" page, not a problem. */
export const tokenQuery = z.looseObject({ token: z.optional(z.string()) });
/** The survey form: the page checks the score and the comment and shows the form again if they are off. */
export const surveyForm = z.looseObject({
  token: z.optional(z.string()),
  score: z.optional(z.string()),
  comment: z.optional(z.string()),
});

// ---- responses ---------------------------------------------------------------------------------

const unit = z.strictObject({ type: z.enum(['department', 'dealer']), id: z.string() });

export const openedCase = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  status: z.literal('open'),
  departmentId: z.string(),
  unit,
});

const slaTargets = z.strictObject({ firstResponse: z.int(), resolution: z.int() });

const caseView = z.looseObject({
  caseId: z.string(),
  caseNumber: z.string(),
  customerId: z.string(),
  caseType: z.enum(caseTypes),
  category: z.enum(caseCategories),
  priority: z.enum(casePriorities),
  channel: z.enum(caseChannels),
  subject: z.string(),
  description: z.optional(z.string()),
  language: z.enum(languages),
  status: z.enum(caseStatuses),
  seq: z.int(),
  departmentId: z.string(),
  unit,
  sla: z.looseObject({
    segment: z.enum(['A', 'B', 'C']),
    targets: slaTargets,
    escalationLevel: z.int(),
    /** In lists: business minutes left on the running target (negative once missed); absent while the clock stands. */
    minutesLeft: z.optional(z.int()),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const move = z.looseObject({
  at: z.string(),
  from: z.enum(caseStatuses),
  to: z.enum(caseStatuses),
  action: z.string(),
  actorId: z.string(),
  via: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const openedWebCase = z.strictObject({ caseNumber: z.string(), status: z.literal('open') });
export const receivedWebCase = z.strictObject({ status: z.literal('received') });
/** The SLA clock as of the read: the target it runs for (or stood at, paused), business minutes run, when it ends. */
const clockView = z.strictObject({
  target: z.enum(['firstResponse', 'resolution']),
  targetMinutes: z.int(),
  elapsedMinutes: z.int(),
  running: z.boolean(),
  /** When the target's business minutes will have run; absent while paused. */
  dueAt: z.optional(z.string()),
});
export const caseWithHistory = z.extend(caseView, {
  history: z.array(move),
  clock: z.optional(clockView),
  /** What the caller's role may do now, each move by its action and the status it leads to. */
  allowedMoves: z.array(z.strictObject({ action: z.enum(caseActions), to: z.enum(caseStatuses) })),
});
export const casePage = z.strictObject({ cases: z.array(caseView), nextCursor: z.optional(z.string()) });
export const caseExport = z.strictObject({
  cases: z.array(z.looseObject({ caseId: z.string(), number: z.string(), status: z.enum(caseStatuses) })),
});
export const caseStatusChanged = z.strictObject({ caseId: z.string(), status: z.enum(caseStatuses), seq: z.int() });

const targetFigures = z.strictObject({
  measured: z.int(),
  met: z.int(),
  attainmentBp: z.optional(z.int()),
  meanMinutes: z.optional(z.int()),
});
export const caseReport = z.strictObject({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.strictObject({
      unitType: z.enum(['department', 'dealer']),
      unitId: z.string(),
      departmentId: z.string(),
      period: z.string(),
      opened: z.int(),
      active: z.int(),
      resolvedOrClosed: z.int(),
      overdue: z.int(),
      firstResponse: targetFigures,
      resolution: targetFigures,
      surveys: z.int(),
      meanScore: z.optional(z.number()),
    }),
  ),
});
export const valuableComplainants = z.strictObject({
  from: z.string(),
  to: z.string(),
  customers: z.array(
    z.strictObject({ customerId: z.string(), complaints: z.int(), active: z.int(), lastComplaintAt: z.string() }),
  ),
});
