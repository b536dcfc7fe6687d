// The call-list routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { callListStatuses, entryOutcomes } from './call-lists.js';

export const listParams = z.strictObject({ listId: z.string() });
export const listsQuery = z.strictObject({
  status: z.optional(z.enum(callListStatuses)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
export const entryParams = z.strictObject({ listId: z.string(), customerId: z.string() });

export const createListBody = z.strictObject({
  name: z.requiredLine(200),
  segmentId: z.requiredLine(100),
  /** Commercial calls need phone consent (İYS ARAMA) and wait out the quiet hours; transactional ones do not. */
  purpose: z.enum(['commercial', 'transactional']),
  topic: z.optional(z.requiredLine(50)),
  script: z.text(4000).check(z.minLength(1)),
  agentIds: z.array(z.requiredLine(100)).check(z.minLength(1), z.maxLength(50)),
});

const instant = z.iso.datetime({ offset: true });

export const outcomeBody = z.strictObject({
  outcome: z.enum(entryOutcomes),
  startedAt: instant,
  endedAt: instant,
  callbackAt: z.optional(instant),
  notes: z.optional(z.text(4000)),
});

const entry = z.looseObject({
  listId: z.string(),
  customerId: z.string(),
  name: z.string(),
  phone: z.string(),
  agentId: z.string(),
  state: z.enum(['open', 'claimed', 'done']),
  attempts: z.int(),
  outcome: z.optional(z.enum(entryOutcomes)),
});

export const list = z.looseObject({
  listId: z.string(),
  name: z.string(),
  segmentId: z.string(),
  purpose: z.enum(['commercial', 'transactional']),
  script: z.string(),
  agentIds: z.array(z.string()),
  skipped: z.record(z.string(), z.int()),
  status: z.enum(callListStatuses),
  /** Entries made, and those not yet done. */
  total: z.int(),
  remaining: z.int(),
  createdAt: z.string(),
});

export const listPage = z.strictObject({ items: z.array(list), next: z.optional(z.string()) });

export const progress = z.looseObject({
  listId: z.string(),
  total: z.int(),
  states: z.record(z.string(), z.int()),
  outcomes: z.record(z.string(), z.int()),
  agents: z.array(z.strictObject({ agentId: z.string(), total: z.int(), done: z.int() })),
});

export const nextAnswer = z.strictObject({ script: z.string(), entry: z.nullable(entry) });
export const entryAnswer = entry;
