// The one table: its shape and every key. Nothing else in the code base concatenates key strings,
// and nothing outside this module and the data-access modules (db, entity, query, work-queue,
// idempotency) names an index or a key attribute.
//
// Partitions:
//   CUSTOMER#<id>          profile, leads, lead notes, consent ledger, quotes, orders, activities
//                          (the 360° view is one Query)
//   EMAIL#<normalized>     uniqueness marker → customer id
//   PHONE#<e164>           uniqueness marker → customer id
//   CONSENT_REQUEST#<id>   a pending double opt-in, expires by TTL
//   OUTBOX#<eventId>       an event waiting for the relay, expires by TTL once published
//   APIKEY#<sha256>        a hashed API key
//   USER#<id> TEAM#<id> DEALER#<id> ASSIGNMENT_RULES   reference data
//   IDEMPOTENCY#<route>#<caller>#<key>   a stored answer to a request with an Idempotency-Key, expires by TTL
//
// Beside every entity that moves through a lifecycle, in its own partition:
//   <entity sk>#HISTORY#<at>#<id>     one item per move: who, when, from, to, note, via
//   <entity sk>#QUEUE#<queue>         its place in a work queue, deleted in the transaction that takes it out
//
// Sparse GSIs (an item appears only when it sets the index's keys):
//   gsi1  work queue by assignee   (OWNER#<id>#LEADS, OWNER#<id>#QUOTES, INBOX#<queue>#<who>)
//   gsi2  work queue by state or due time, and cohorts: LEADS#<status>#<shard>, DUE#<queue>#<shard>,
//         QUOTES#<yyyy-mm>, QUOTES_SENT#<yyyy-mm>, APIKEYS; the directory: CUSTOMERS#<shard> by folded name
//   gsi3  lookup by id             (LEAD#<id>, QUOTE#<id>, ORDER#<id>, APIKEY#<id>)
//
// Hot index keys (a status queue, a due-time queue) carry a shard suffix chosen from the item's id,
// so no one index partition takes more than its ~1,000 writes/s; every query fans out over the
// shards and merges (shared/query.ts). Per-customer partitions and per-owner queues stay unsharded;
// quote month cohorts are written at the pace staff create quotes and stay unsharded too.
//
// Quotes, orders and the catalogue:
//   CUSTOMER#<id>  QUOTE#<quoteId>                  the quote as it is now (its latest version)
//                  QUOTE#<quoteId>#V#<0001>         an earlier version, frozen when the quote was revised
//                  QUOTE#<quoteId>#REPORT           the figures the quote reports count, by month sent
//                  ORDER#<orderId>                  an order; from a quote, its id is the quote's id
//   CATALOGUE  <kind>                               which generation of products / price lists / FX rates is live
//   CATALOGUE#<kind>#G<generation>  <record>        one generation's records: an import writes a new generation
//                                                   and switches to it in one conditional write (all or nothing)
//   APPROVAL_POLICY  CURRENT | DEFAULT              the policy staff set, or the default the demo data loads
//   ROLE#<role>  USER#<userId>                      who holds a role: approvers are mailed by role
//
// Mail and links (shared/mail.ts, shared/suppression.ts, shared/links.ts):
//   MAIL#<kind>#<ids>             MARKER   one mail's send claim (lease) and outcome: a mail is sent once
//   SUPPRESSED#<address>          ADDRESS  an address not to mail (hard bounce, complaint)
//   MAIL_QUOTA#<kind>#<address>   <date>   mails of one kind to one address that Istanbul day, expires by TTL
//   USED_LINK#<purpose>#<jti>     USED     a spent single-use token, expires with the token
//
// Order routing (functions/order-routing):
//   UNIT#<unitId>  UNIT                  a dealer, warehouse or department orders are routed to
//   ROUTING_RULES  CURRENT | DEFAULT     the routing rules admins set (versioned by seq), or the demo default
//   gsi1 UNIT#<unitId>#ORDERS#<status>   a unit's orders by status, oldest first
//   gsi2 ORDERS#<status>#<shard>         every order by status, oldest first (sharded)
//   due-time queue `order-ack`           routed orders waiting for their unit's acknowledgement
// Cases (functions/complaint-escalation): CUSTOMER#<id> CASE#<caseId> (with its history and its
// place in the SLA due-time queue beside it); gsi1 UNIT#<unitId>#CASES (a department's or dealer's
// cases), gsi2 CASES#<status>#<shard>, gsi3 CASE#<id>; DEPARTMENT#<id> DEPARTMENT reference data.

export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    gsi3: { partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
  /** Outbox relay needs new images; NEW_AND_OLD also lets future consumers see transitions. */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = keyof typeof tableSchema.indexes;

/** The indexes by what they are for, so that no store names one by its attribute. */
export const byAssignee: IndexName = 'gsi1';
export const byState: IndexName = 'gsi2';
export const byId: IndexName = 'gsi3';

/** The attribute names of an index's keys, for the data-access modules. */
export const indexKeys = (index: IndexName) => tableSchema.indexes[index];

/** Every key attribute an item may carry: what reading an item back strips. */
export const keyAttributes: readonly string[] = [
  tableSchema.partitionKey,
  tableSchema.sortKey,
  ...Object.values(tableSchema.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];

/**
 * How many shards a hot index key is split into. Fixed for the table's life: changing it strands
 * the items written under the old count. Every query of a sharded key fans out over all of them.
 */
export const SHARDS = 4;

/** The shard of an id: a stable hash of its characters, so the same item always lands in the same one. */
export const shardOf = (id: string) => {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return hash % SHARDS;
};

const sharded = (base: string, id: string) => `${base}#${shardOf(id)}`;
/** Every shard of a sharded partition, for a query that fans out. */
export const allShards = (base: string) => Array.from({ length: SHARDS }, (_, shard) => `${base}#${shard}`);

export interface Key {
  pk: string;
  sk: string;
}

/** The table key of an item read back with all its attributes. */
export const tableKeyOf = (item: Record<string, unknown>): Key => ({
  pk: String(item[tableSchema.partitionKey]),
  sk: String(item[tableSchema.sortKey]),
});

/** Sorts lexically in time order: ISO-8601 UTC timestamps and ULIDs both do. */
const at = (occurredAt: string, id: string) => `${occurredAt}#${id}`;

const catalogueGeneration = (kind: string, generation: number) => `CATALOGUE#${kind}#G${String(generation).padStart(6, '0')}`;

export const keys = {
  customer: (customerId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: 'PROFILE' }),
  customerPartition: (customerId: string) => `CUSTOMER#${customerId}`,
  /** Every customer by folded name (see `nameKey` in shared/customer.ts): the directory lists and searches page it. */
  customersByName: (nameKey: string, customerId: string) => ({
    gsi2pk: sharded('CUSTOMERS', customerId),
    gsi2sk: `${nameKey}#${customerId}`,
  }),
  customersByNamePartitions: () => allShards('CUSTOMERS'),
  emailMarker: (normalizedEmail: string): Key => ({ pk: `EMAIL#${normalizedEmail}`, sk: 'MARKER' }),
  phoneMarker: (e164: string): Key => ({ pk: `PHONE#${e164}`, sk: 'MARKER' }),

  lead: (customerId: string, leadId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `LEAD#${leadId}` }),
  leadNote: (customerId: string, leadId: string, noteId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `LEAD#${leadId}#NOTE#${noteId}`,
  }),
  leadNotesPrefix: (leadId: string) => `LEAD#${leadId}#NOTE#`,
  leadsByOwner: (ownerId: string, createdAt: string, leadId: string) => ({
    gsi1pk: `OWNER#${ownerId}#LEADS`,
    gsi1sk: at(createdAt, leadId),
  }),
  leadsByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#LEADS`,
  leadsByStatus: (status: string, createdAt: string, leadId: string) => ({
    gsi2pk: sharded(`LEADS#${status}`, leadId),
    gsi2sk: at(createdAt, leadId),
  }),
  leadsByStatusPartitions: (status: string) => allShards(`LEADS#${status}`),
  leadById: (leadId: string) => ({ gsi3pk: `LEAD#${leadId}`, gsi3sk: 'LEAD' }),

  consentEntry: (customerId: string, channel: string, occurredAt: string, entryId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `CONSENT#${channel}#${at(occurredAt, entryId)}`,
  }),
  consentRequest: (requestId: string): Key => ({ pk: `CONSENT_REQUEST#${requestId}`, sk: 'REQUEST' }),

  outbox: (eventId: string): Key => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),

  apiKey: (keyHash: string): Key => ({ pk: `APIKEY#${keyHash}`, sk: 'KEY' }),
  apiKeyById: (keyId: string) => ({ gsi3pk: `APIKEY#${keyId}`, gsi3sk: 'KEY' }),
  apiKeyList: (createdAt: string, keyId: string) => ({ gsi2pk: 'APIKEYS', gsi2sk: at(createdAt, keyId) }),
  apiKeyListPartition: () => 'APIKEYS',

  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' }),
  team: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: 'TEAM' }),
  dealer: (dealerId: string): Key => ({ pk: `DEALER#${dealerId}`, sk: 'DEALER' }),
  assignmentRules: (): Key => ({ pk: 'ASSIGNMENT_RULES', sk: 'RULES' }),

  /** A stored answer, scoped to the route and the caller: another caller's key is another record. */
  idempotency: (route: string, caller: string, key: string): Key => ({
    pk: `IDEMPOTENCY#${route}#${caller}#${key}`,
    sk: 'ANSWER',
  }),
  /** Powertools' records for event consumers that have no conditional write of their own. */
  idempotencyPartition: (functionName: string) => `IDEMPOTENCY#${functionName}`,

  // ---- what every entity with a lifecycle or a place in a queue has beside it -----------------------
  history: (entity: Key, at: string, id: string): Key => ({ pk: entity.pk, sk: `${entity.sk}#HISTORY#${at}#${id}` }),
  historyPrefix: (entity: Key) => `${entity.sk}#HISTORY#`,
  queueItem: (entity: Key, queue: string): Key => ({ pk: entity.pk, sk: `${entity.sk}#QUEUE#${queue}` }),
  /** A due-time queue: sharded, sorted by due instant; a sweep queries only what is due. */
  dueIn: (queue: string, dueAt: string, id: string) => ({ gsi2pk: sharded(`DUE#${queue}`, id), gsi2sk: at(dueAt, id) }),
  dueInPartitions: (queue: string) => allShards(`DUE#${queue}`),
  /** An inbox queue: items waiting for someone (a role, a unit), oldest first. */
  inbox: (queue: string, who: string, since: string, id: string) => ({ gsi1pk: `INBOX#${queue}#${who}`, gsi1sk: at(since, id) }),
  inboxPartition: (queue: string, who: string) => `INBOX#${queue}#${who}`,

  // ---- quotes, orders and the catalogue (functions/quote-approval) -------------------------------
  quote: (customerId: string, quoteId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `QUOTE#${quoteId}` }),
  quoteVersion: (customerId: string, quoteId: string, version: number): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `QUOTE#${quoteId}#V#${String(version).padStart(4, '0')}`,
  }),
  quotesPrefix: () => 'QUOTE#',
  quoteById: (quoteId: string) => ({ gsi3pk: `QUOTE#${quoteId}`, gsi3sk: 'QUOTE' }),
  quotesByOwner: (ownerId: string, createdAt: string, quoteId: string) => ({
    gsi1pk: `OWNER#${ownerId}#QUOTES`,
    gsi1sk: at(createdAt, quoteId),
  }),
  quotesByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#QUOTES`,
  /** `month` is the Istanbul calendar month, `2026-03`. */
  quotesByMonth: (month: string, createdAt: string, quoteId: string) => ({
    gsi2pk: `QUOTES#${month}`,
    gsi2sk: at(createdAt, quoteId),
  }),
  quotesByMonthPartition: (month: string) => `QUOTES#${month}`,
  quoteReport: (customerId: string, quoteId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `QUOTE#${quoteId}#REPORT` }),
  quotesSentIn: (month: string, sentAt: string, quoteId: string) => ({ gsi2pk: `QUOTES_SENT#${month}`, gsi2sk: at(sentAt, quoteId) }),
  quotesSentInPartition: (month: string) => `QUOTES_SENT#${month}`,

  order: (customerId: string, orderId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `ORDER#${orderId}` }),
  orderById: (orderId: string) => ({ gsi3pk: `ORDER#${orderId}`, gsi3sk: 'ORDER' }),

  catalogueHead: (kind: string): Key => ({ pk: 'CATALOGUE', sk: kind }),
  catalogueGeneration,
  catalogueRecord: (kind: string, generation: number, recordId: string): Key => ({
    pk: catalogueGeneration(kind, generation),
    sk: recordId,
  }),
  productRecordId: (sku: string) => `SKU#${sku}`,
  priceListRecordId: (priceListId: string) => `LIST#${priceListId}`,
  fxRateRecordId: (currency: string, date: string) => `FX#${currency}#${date}`,
  fxRatesPrefix: (currency: string) => `FX#${currency}#`,
  approvalPolicy: (which: 'CURRENT' | 'DEFAULT'): Key => ({ pk: 'APPROVAL_POLICY', sk: which }),
  roleMember: (role: string, userId: string): Key => ({ pk: `ROLE#${role}`, sk: `USER#${userId}` }),
  roleMembersPartition: (role: string) => `ROLE#${role}`,

  // ---- mail and links -------------------------------------------------------------------------------
  /** `onceKey` holds ids only (`quote#<id>#v2`), never an address. */
  mailMarker: (onceKey: string): Key => ({ pk: `MAIL#${onceKey}`, sk: 'MARKER' }),
  suppression: (normalizedAddress: string): Key => ({ pk: `SUPPRESSED#${normalizedAddress}`, sk: 'ADDRESS' }),
  mailQuota: (kind: string, normalizedAddress: string, day: string): Key => ({ pk: `MAIL_QUOTA#${kind}#${normalizedAddress}`, sk: day }),
  usedLink: (purpose: string, jti: string): Key => ({ pk: `USED_LINK#${purpose}#${jti}`, sk: 'USED' }),
  /** A customer's consent ledger for one channel, oldest first (see `consentEntry`). */
  consentEntriesPrefix: (channel: string) => `CONSENT#${channel}#`,

  // ---- order routing (functions/order-routing) ------------------------------------------------------
  /** A unit orders are routed to: a dealer, a warehouse or a department. */
  unit: (unitId: string): Key => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' }),
  routingRules: (which: 'CURRENT' | 'DEFAULT'): Key => ({ pk: 'ROUTING_RULES', sk: which }),
  /** A unit's orders by status, oldest first: one unit's queue, written at its pace, unsharded. */
  ordersByUnit: (unitId: string, status: string, createdAt: string, orderId: string) => ({
    gsi1pk: `UNIT#${unitId}#ORDERS#${status}`,
    gsi1sk: at(createdAt, orderId),
  }),
  ordersByUnitPartition: (unitId: string, status: string) => `UNIT#${unitId}#ORDERS#${status}`,
  /** Every order by status, oldest first: a firm-wide status queue, sharded. */
  ordersByStatus: (status: string, createdAt: string, orderId: string) => ({
    gsi2pk: sharded(`ORDERS#${status}`, orderId),
    gsi2sk: at(createdAt, orderId),
  }),
  ordersByStatusPartitions: (status: string) => allShards(`ORDERS#${status}`),
  // ---- cases (functions/complaint-escalation) ---------------------------------------------------------
  department: (departmentId: string): Key => ({ pk: `DEPARTMENT#${departmentId}`, sk: 'DEPARTMENT' }),
  case: (customerId: string, caseId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `CASE#${caseId}` }),
  casesPrefix: () => 'CASE#',
  caseById: (caseId: string) => ({ gsi3pk: `CASE#${caseId}`, gsi3sk: 'CASE' }),
  /** A unit's (department's or dealer's) cases, newest first. */
  casesByUnit: (unitId: string, createdAt: string, caseId: string) => ({ gsi1pk: `UNIT#${unitId}#CASES`, gsi1sk: at(createdAt, caseId) }),
  casesByUnitPartition: (unitId: string) => `UNIT#${unitId}#CASES`,
  casesByStatus: (status: string, createdAt: string, caseId: string) => ({
    gsi2pk: sharded(`CASES#${status}`, caseId),
    gsi2sk: at(createdAt, caseId),
  }),
  casesByStatusPartitions: (status: string) => allShards(`CASES#${status}`),
  // ---- sign-in for people (functions/authorizer) ------------------------------------------------------
  /** A person's sign-in (the Cognito user's `sub`) → the directory user they act as. */
  personLogin: (sub: string): Key => ({ pk: `LOGIN#${sub}`, sk: 'LOGIN' }),
  /** A signed-out session (`session:<sub>:<auth_time>`), kept by TTL until its tokens have expired. */
  signedOutSession: (sessionId: string): Key => ({ pk: `SIGNED_OUT#${sessionId}`, sk: 'SESSION' }),
} as const;

/** Every item says what it is, so an operator reading the table (or a stream filter) needs no key parsing. */
export type ItemType =
  | 'customer'
  | 'email-marker'
  | 'phone-marker'
  | 'lead'
  | 'lead-note'
  | 'consent'
  | 'consent-request'
  | 'outbox'
  | 'api-key'
  | 'user'
  | 'team'
  | 'dealer'
  | 'quote'
  | 'quote-version'
  | 'queue-item'
  | 'history'
  | 'idempotency'
  | 'quote-report'
  | 'order'
  | 'catalogue-head'
  | 'product'
  | 'price-list'
  | 'fx-rate'
  | 'approval-policy'
  | 'role-member'
  | 'assignment-rules'
  | 'mail-marker'
  | 'suppression'
  | 'mail-quota'
  | 'used-link'
  | 'unit'
  | 'routing-rules'
  | 'department'
  | 'case'
  // sign-in for people
  | 'person-login'
  | 'signed-out-session';
