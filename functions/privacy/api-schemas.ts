// The privacy routes' request and response schemas.
import * as z from '../../shared/schema.js';
import { subjectRequestKinds, subjectRequestStatuses } from './domain/subject-request.js';

/** Exactly one of the customer number, an e-mail address and a phone (any common form). */
export const subjectBody = z
  .strictObject({
    customerId: z.optional(z.requiredLine(26)),
    email: z.optional(z.requiredLine(254)),
    phone: z.optional(z.requiredLine(40)),
  })
  .check(
    z.refine((b) => [b.customerId, b.email, b.phone].filter((v) => v !== undefined).length === 1, {
      ...z.said({
        en: 'Send exactly one of `customerId`, `email` and `phone`.',
        tr: '`customerId`, `email` ve `phone` alanlarından tam olarak birini gönderin.',
      }),
      path: ['customerId'],
    }),
  );

const items = z.array(z.record(z.string(), z.unknown()));

export const accessAnswer = z.strictObject({
  requestId: z.string(),
  customerId: z.string(),
  /** The person's language: the document is written in it. */
  language: z.enum(['tr', 'en']),
  generatedAt: z.string(),
  /** Every item held about the person, as stored (machine-readable). */
  data: z.strictObject({
    profile: z.record(z.string(), z.unknown()),
    consents: items,
    parts: z.record(z.string(), items),
    other: z.record(z.string(), items),
  }),
  /** The same as a self-contained HTML page the person can read. */
  document: z.string(),
});

export const erasureAnswer = z.strictObject({
  erasureId: z.string(),
  customerId: z.string(),
  at: z.string(),
  counts: z.strictObject({
    deleted: z.number(),
    keptAnonymised: z.number(),
    keptAsIs: z.number(),
    detailsHashed: z.number(),
  }),
});

const limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25);
export const requestsQuery = z.strictObject({ limit, cursor: z.optional(z.string().check(z.maxLength(4000))) });

export const requestsPage = z.strictObject({
  items: z.array(
    z.strictObject({
      requestId: z.string(),
      kind: z.enum(['access', 'erasure']),
      customerId: z.string(),
      actorId: z.string(),
      route: z.string(),
      at: z.string(),
      counts: z.record(z.string(), z.number()),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

/** Exactly one of `customerId` (who read this customer's record) and `userId` (what this person read). */
export const readsQuery = z
  .strictObject({
    customerId: z.optional(z.requiredLine(26)),
    userId: z.optional(z.requiredLine(100)),
    limit,
    cursor: z.optional(z.string().check(z.maxLength(4000))),
  })
  .check(
    z.refine((q) => (q.customerId === undefined) !== (q.userId === undefined), {
      ...z.said({
        en: 'Send exactly one of `customerId` and `userId`.',
        tr: '`customerId` ve `userId` alanlarından tam olarak birini gönderin.',
      }),
      path: ['customerId'],
    }),
  );

export const readsPage = z.strictObject({
  items: z.array(
    z.strictObject({
      readId: z.string(),
      customerId: z.string(),
      userId: z.string(),
      keyId: z.string(),
      role: z.string(),
      route: z.string(),
      part: z.optional(z.string()),
      at: z.string(),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

const days = z.number().check(z.int(), z.gte(30), z.lte(36_500));

export const retentionRules = z.strictObject({ leadInactiveDays: days, customerInactiveDays: days });
export const retentionRulesChange = z.strictObject({
  leadInactiveDays: days,
  customerInactiveDays: days,
  seq: z.number().check(z.int(), z.gte(0)),
});
export const storedRetentionRules = z.strictObject({
  leadInactiveDays: z.number(),
  customerInactiveDays: z.number(),
  seq: z.number(),
  updatedBy: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
});

export const retentionRunParams = z.strictObject({ runId: z.requiredLine(26) });

export const retentionRun = z.strictObject({
  runId: z.string(),
  state: z.enum(['listed', 'erasing', 'erased']),
  rules: z.strictObject({ leadInactiveDays: z.number(), customerInactiveDays: z.number() }),
  listedAt: z.string(),
  listedBy: z.string(),
  /** Who is due: lead-only people and customers, each with their last activity. */
  candidates: z.array(
    z.strictObject({
      customerId: z.string(),
      kind: z.enum(['lead', 'customer']),
      lastActivityAt: z.string(),
      inactiveDays: z.number(),
    }),
  ),
  erasedAt: z.optional(z.string()),
  erasedBy: z.optional(z.string()),
  outcomes: z.optional(
    z.array(
      z.strictObject({
        customerId: z.string(),
        outcome: z.enum(['erased', 'no-longer-due', 'already-erased', 'refused']),
        erasureId: z.optional(z.string()),
      }),
    ),
  ),
});

export const subjectRequestParams = z.strictObject({ requestId: z.requiredLine(26) });

/** The request's kind and the person it is about: exactly one of customer number, e-mail and phone. */
export const subjectRequestBody = z
  .strictObject({
    kind: z.enum(subjectRequestKinds),
    customerId: z.optional(z.requiredLine(26)),
    email: z.optional(z.requiredLine(254)),
    phone: z.optional(z.requiredLine(40)),
  })
  .check(
    z.refine((b) => [b.customerId, b.email, b.phone].filter((v) => v !== undefined).length === 1, {
      ...z.said({
        en: 'Send exactly one of `customerId`, `email` and `phone`.',
        tr: '`customerId`, `email` ve `phone` alanlarından tam olarak birini gönderin.',
      }),
      path: ['customerId'],
    }),
  );

export const subjectRequestsQuery = z.strictObject({
  status: z.optional(z.enum(subjectRequestStatuses)),
  limit,
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});

const seq = z.number().check(z.int(), z.gte(1));
export const completeBody = z.strictObject({ seq });
export const refuseBody = z.strictObject({ seq, reason: z.requiredLine(500) });

export const subjectRequest = z.strictObject({
  requestId: z.string(),
  kind: z.enum(subjectRequestKinds),
  customerId: z.string(),
  status: z.enum(subjectRequestStatuses),
  seq: z.number(),
  receivedAt: z.string(),
  /** 30 days after receipt (KVKK art. 13). */
  dueAt: z.string(),
  /** Open past its due date. */
  overdue: z.boolean(),
  createdBy: z.string(),
  answerId: z.optional(z.string()),
  answeredAt: z.optional(z.string()),
  answeredBy: z.optional(z.string()),
  refusal: z.optional(z.string()),
});

export const subjectRequestsPage = z.strictObject({
  items: z.array(subjectRequest),
  nextCursor: z.optional(z.string()),
});

const counts = z.record(z.string(), z.number());
export const subjectRequestDetail = z.strictObject({
  request: subjectRequest,
  /** The moves the caller may make now. */
  moves: z.array(z.enum(['complete', 'refuse'])),
  /** An open access request: what the export holds, counted by part. */
  export: z.optional(z.strictObject({ consents: z.number(), parts: counts, other: counts })),
  /** An open erasure request: what erasing would do now, and why it cannot be done yet. */
  plan: z.optional(
    z.strictObject({
      deleted: z.number(),
      keptAnonymised: z.number(),
      keptAsIs: z.number(),
      refusals: z.array(z.strictObject({ en: z.string(), tr: z.string() })),
    }),
  ),
});

export const completedSubjectRequest = z.strictObject({
  request: subjectRequest,
  /** An access request's export as a document in the person's language. */
  document: z.optional(z.string()),
  /** What an erasure did. */
  erasure: z.optional(erasureAnswer.shape.counts),
});
