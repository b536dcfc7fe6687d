// The one table: its shape, the key encoding (shards, time order) and the platform's keys. Each module
// declares its own keys beside its code (functions/<module>/keys.ts) with these helpers; nothing else
// concatenates key strings, and nothing outside the key files and the data-access modules (db, entity,
// query, work-queue, idempotency) names an index or a key attribute.
//
// Partitions:
//   CUSTOMER#<id>          profile, leads, lead notes, consent ledger, quotes, orders, activities
//                          (the 360° view is one Query)
//   EMAIL#<normalized>     uniqueness marker → customer id
//   PHONE#<e164>           uniqueness marker → customer id
//   CONSENT_REQUEST#<id>   a pending double opt-in, expires by TTL
//   OUTBOX#<eventId>       an event waiting for the relay, expires by TTL once published
//   APIKEY#<sha256>        a hashed API key
//   USER#<id> TEAM#<id> DEALER#<id> UNIT#<id> DEPARTMENT#<id>   the directory (reference data)
//   ROLE#<role>  USER#<userId>   who holds a role: approvers are mailed by role
//   IDEMPOTENCY#<route>#<caller>#<key>   a stored answer to a request with an Idempotency-Key, expires by TTL
//   CALLS#<userId>  <yyyy-mm-dd>           a person's API calls that UTC day (their own quota), expires by TTL
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
// Mail and links (shared/mail.ts, shared/suppression.ts, shared/links.ts):
//   MAIL#<kind>#<ids>             MARKER   one mail's send claim (lease) and outcome: a mail is sent once
//   SUPPRESSED#<address>          ADDRESS  an address not to mail (hard bounce, complaint)
//   MAIL_QUOTA#<kind>#<address>   <date>   mails of one kind to one address that Istanbul day, expires by TTL
//   USED_LINK#<purpose>#<jti>     USED     a spent single-use token, expires with the token
//   IYS_SYNC                      HEALTH   whether İYS answered the consent sync's last contact
//
// Each module's own items (quotes, orders, cases, requests, campaigns, …) are declared in its keys.ts
// (functions/<module>/keys.ts), with the partitions and index keys it writes.

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

/** A hot index key's shard for this id: the base key and a shard suffix. */
export const sharded = (base: string, id: string) => `${base}#${shardOf(id)}`;
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
export const timeOrdered = (occurredAt: string, id: string) => `${occurredAt}#${id}`;

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

  consentEntry: (customerId: string, channel: string, occurredAt: string, entryId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `CONSENT#${channel}#${timeOrdered(occurredAt, entryId)}`,
  }),
  consentRequest: (requestId: string): Key => ({ pk: `CONSENT_REQUEST#${requestId}`, sk: 'REQUEST' }),

  outbox: (eventId: string): Key => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),

  apiKey: (keyHash: string): Key => ({ pk: `APIKEY#${keyHash}`, sk: 'KEY' }),
  apiKeyById: (keyId: string) => ({ gsi3pk: `APIKEY#${keyId}`, gsi3sk: 'KEY' }),
  apiKeyList: (createdAt: string, keyId: string) => ({ gsi2pk: 'APIKEYS', gsi2sk: timeOrdered(createdAt, keyId) }),
  apiKeyListPartition: () => 'APIKEYS',

  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' }),
  team: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: 'TEAM' }),
  dealer: (dealerId: string): Key => ({ pk: `DEALER#${dealerId}`, sk: 'DEALER' }),

  /** A stored answer, scoped to the route and the caller: another caller's key is another record. */
  idempotency: (route: string, caller: string, key: string): Key => ({
    pk: `IDEMPOTENCY#${route}#${caller}#${key}`,
    sk: 'ANSWER',
  }),
  /** An import run in the background (shared/import-jobs.ts): its progress and what it counted. */
  importJob: (jobId: string): Key => ({ pk: `IMPORT_JOB#${jobId}`, sk: 'JOB' }),
  /** The job's place in its creator's list of one importer's jobs, newest first. */
  importJobList: (importer: string, createdBy: string, createdAt: string, jobId: string) => ({
    gsi2pk: `IMPORT_JOBS#${importer}#${createdBy}`,
    gsi2sk: timeOrdered(createdAt, jobId),
  }),
  importJobListPartition: (importer: string, createdBy: string) => `IMPORT_JOBS#${importer}#${createdBy}`,
  /** How many API calls a person made that UTC day: their own quota, beside the integrations' usage plans. */
  personCalls: (userId: string, day: string): Key => ({ pk: `CALLS#${userId}`, sk: day }),

  // ---- what every entity with a lifecycle or a place in a queue has beside it -----------------------
  history: (entity: Key, at: string, id: string): Key => ({ pk: entity.pk, sk: `${entity.sk}#HISTORY#${at}#${id}` }),
  historyPrefix: (entity: Key) => `${entity.sk}#HISTORY#`,
  queueItem: (entity: Key, queue: string): Key => ({ pk: entity.pk, sk: `${entity.sk}#QUEUE#${queue}` }),
  /** A due-time queue: sharded, sorted by due instant; a sweep queries only what is due. */
  dueIn: (queue: string, dueAt: string, id: string) => ({
    gsi2pk: sharded(`DUE#${queue}`, id),
    gsi2sk: timeOrdered(dueAt, id),
  }),
  dueInPartitions: (queue: string) => allShards(`DUE#${queue}`),
  /** An inbox queue: items waiting for someone (a role, a unit), oldest first. */
  inbox: (queue: string, who: string, since: string, id: string) => ({
    gsi1pk: `INBOX#${queue}#${who}`,
    gsi1sk: timeOrdered(since, id),
  }),
  inboxPartition: (queue: string, who: string) => `INBOX#${queue}#${who}`,

  // ---- quotes, orders and the catalogue (functions/quote-approval) -------------------------------

  roleMember: (role: string, userId: string): Key => ({ pk: `ROLE#${role}`, sk: `USER#${userId}` }),
  roleMembersPartition: (role: string) => `ROLE#${role}`,

  // ---- mail and links -------------------------------------------------------------------------------
  /** `onceKey` holds ids only (`quote#<id>#v2`), never an address. */
  mailMarker: (onceKey: string): Key => ({ pk: `MAIL#${onceKey}`, sk: 'MARKER' }),
  suppression: (normalizedAddress: string): Key => ({ pk: `SUPPRESSED#${normalizedAddress}`, sk: 'ADDRESS' }),
  mailQuota: (kind: string, normalizedAddress: string, day: string): Key => ({
    pk: `MAIL_QUOTA#${kind}#${normalizedAddress}`,
    sk: day,
  }),
  usedLink: (purpose: string, jti: string): Key => ({ pk: `USED_LINK#${purpose}#${jti}`, sk: 'USED' }),
  /** Whether İYS answered the consent sync at its last contact (shared/iys-health.ts). */
  iysHealth: (): Key => ({ pk: 'IYS_SYNC', sk: 'HEALTH' }),
  /** A customer's consent ledger for one channel, oldest first (see `consentEntry`). */
  /** One channel's entries, or (no channel) every channel's. */
  consentEntriesPrefix: (channel?: string) => (channel ? `CONSENT#${channel}#` : 'CONSENT#'),

  // ---- order routing (functions/order-routing) ------------------------------------------------------
  /** A unit orders are routed to: a dealer, a warehouse or a department. */
  unit: (unitId: string): Key => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' }),
  /** The directory's units of one kind (the dealers a person may prefer), by id: a handful, unsharded. */
  unitsByKind: (kind: string, unitId: string) => ({ gsi1pk: `UNITS#${kind}`, gsi1sk: unitId }),
  unitsByKindPartition: (kind: string) => `UNITS#${kind}`,
  // ---- cases (functions/complaint-escalation) ---------------------------------------------------------
  department: (departmentId: string): Key => ({ pk: `DEPARTMENT#${departmentId}`, sk: 'DEPARTMENT' }),
  // ---- the customer record (functions/customers) ------------------------------------------------------
  emailHolder: (normalizedEmail: string, customerId: string): Key => ({
    pk: `EMAIL#${normalizedEmail}`,
    sk: `CONTACT#${customerId}`,
  }),
  phoneHolder: (e164: string, customerId: string): Key => ({ pk: `PHONE#${e164}`, sk: `CONTACT#${customerId}` }),
  /** Everyone holding an e-mail address or a phone: the customer's MARKER and the contact people's items. */
  emailPartition: (normalizedEmail: string) => `EMAIL#${normalizedEmail}`,
  phonePartition: (e164: string) => `PHONE#${e164}`,
  // ---- permission marketing (functions/campaigns: subscriptions, SES events, birthdays) -------------
  /** Marketing mails counted against the frequency cap in one period, by campaign (or topic and day). */
  marketingCap: (customerId: string, periodStart: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `MARKETING_CAP#${periodStart}`,
  }),
  /** Sparse: only profiles with a birthday; `monthDay` is `MM-DD`. gsi1 is free on profiles. */
  customersByBirthday: (monthDay: string, customerId: string) => ({
    gsi1pk: sharded(`BIRTHDAY#${monthDay}`, customerId),
    gsi1sk: customerId,
  }),
  customersByBirthdayPartitions: (monthDay: string) => allShards(`BIRTHDAY#${monthDay}`),
  // ---- activities and agenda (functions/activities) -----------------------------------------------
  /** A customer's timeline, newest first with one Query: calls, visits, meetings, to-dos, notes, mail sent. */
  activity: (customerId: string, occurredAt: string, activityId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `ACTIVITY#${timeOrdered(occurredAt, activityId)}`,
  }),
  activityById: (activityId: string) => ({ gsi3pk: `ACTIVITY#${activityId}`, gsi3sk: 'ACTIVITY' }),
} as const;

/**
 * Every item says what it is, so an operator reading the table (or a stream filter) needs no key parsing.
 * The platform's item types are listed here; each module adds its own beside its keys (`keys.ts`):
 * `declare module '…/shared/table.js' { interface ItemTypes { 'order': true } }`.
 */
export interface ItemTypes {
  customer: true;
  'email-marker': true;
  'phone-marker': true;
  consent: true;
  'consent-request': true;
  outbox: true;
  'api-key': true;
  user: true;
  team: true;
  dealer: true;
  'queue-item': true;
  history: true;
  idempotency: true;
  'role-member': true;
  'mail-marker': true;
  suppression: true;
  'mail-quota': true;
  'used-link': true;
  unit: true;
  department: true;
  'contact-marker': true;
  'customer-forward': true;
  'marketing-cap': true;
  activity: true;
  'person-calls': true;
  'iys-health': true;
  'import-job': true;
}
export type ItemType = keyof ItemTypes;

// ---- permission marketing (subscriptions) ----------------------------------------------------------
/** Customers by birthday month and day: gsi1 is free on profiles (see `customersByBirthday`). */
export const byBirthday: IndexName = 'gsi1';

/** An item as the code sees it: no key attributes and no item type. */
export const fromItem = <T>(item: Record<string, unknown>): T => {
  const copy = { ...item };
  for (const name of [...keyAttributes, 'type']) delete copy[name];
  return copy as T;
};
