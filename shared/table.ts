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
// Call-center requests (functions/call-center): CUSTOMER#<id> REQUEST#<requestId> (with its history);
// gsi1 UNIT#<unitId>#REQUESTS#<status> (a dealer's requests), gsi2 REQUESTS#<status>#<shard>, gsi3 REQUEST#<id>.
// Opportunities (functions/opportunities): CUSTOMER#<id> OPPORTUNITY#<id> (history beside it),
// CUSTOMER#<id> OPPORTUNITY_FROM_LEAD#<leadId> (the lead it came from, once); gsi1
// OWNER#<id>#OPPORTUNITIES, gsi2 PIPELINE#<stage>#<shard> by expected close date, gsi3 OPPORTUNITY#<id>.
// Permission marketing (functions/campaigns): CUSTOMER#<id> MARKETING_CAP#<period start> (the
// frequency cap's counter, TTL); CAMPAIGN#<id> STATS#<eventType> (SES event counts) and
// UNSUBSCRIBED#<customerId>; SES_EVENT#<eventId> <eventType> (counted-once marker, TTL);
// gsi1 BIRTHDAY#<MM-DD>#<shard> → customers with that birthday (sparse, profiles only).
// Activities (functions/activities): CUSTOMER#<id> ACTIVITY#<occurredAt>#<activityId> (the timeline,
// newest first; gsi3 ACTIVITY#<id>), beside it …#AGENDA#<userId> per person with gsi1
// AGENDA#<userId> by start or due instant, and a to-do's place in the due-time queue `todo-reminder`.
// Analytics (functions/analytics): CUSTOMER#<id> VALUE#<yyyy> (a year's figures, in gsi2
// BUYERS#<yyyy>#<shard> by revenue in TRY) and ORDER#<orderId>#VALUE#<delivered|returned> (applied
// markers); COMMISSION_RULES / SEGMENT_RULES CURRENT.

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

const catalogueGeneration = (kind: string, generation: number) =>
  `CATALOGUE#${kind}#G${String(generation).padStart(6, '0')}`;

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
  inbox: (queue: string, who: string, since: string, id: string) => ({
    gsi1pk: `INBOX#${queue}#${who}`,
    gsi1sk: at(since, id),
  }),
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
  quoteReport: (customerId: string, quoteId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `QUOTE#${quoteId}#REPORT`,
  }),
  quotesSentIn: (month: string, sentAt: string, quoteId: string) => ({
    gsi2pk: `QUOTES_SENT#${month}`,
    gsi2sk: at(sentAt, quoteId),
  }),
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
  mailQuota: (kind: string, normalizedAddress: string, day: string): Key => ({
    pk: `MAIL_QUOTA#${kind}#${normalizedAddress}`,
    sk: day,
  }),
  usedLink: (purpose: string, jti: string): Key => ({ pk: `USED_LINK#${purpose}#${jti}`, sk: 'USED' }),
  /** A customer's consent ledger for one channel, oldest first (see `consentEntry`). */
  /** One channel's entries, or (no channel) every channel's. */
  consentEntriesPrefix: (channel?: string) => (channel ? `CONSENT#${channel}#` : 'CONSENT#'),

  // ---- order routing (functions/order-routing) ------------------------------------------------------
  /** A unit orders are routed to: a dealer, a warehouse or a department. */
  unit: (unitId: string): Key => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' }),
  /** The directory's units of one kind (the dealers a person may prefer), by id: a handful, unsharded. */
  unitsByKind: (kind: string, unitId: string) => ({ gsi1pk: `UNITS#${kind}`, gsi1sk: unitId }),
  unitsByKindPartition: (kind: string) => `UNITS#${kind}`,
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
  casesByUnit: (unitId: string, createdAt: string, caseId: string) => ({
    gsi1pk: `UNIT#${unitId}#CASES`,
    gsi1sk: at(createdAt, caseId),
  }),
  casesByUnitPartition: (unitId: string) => `UNIT#${unitId}#CASES`,
  casesByStatus: (status: string, createdAt: string, caseId: string) => ({
    gsi2pk: sharded(`CASES#${status}`, caseId),
    gsi2sk: at(createdAt, caseId),
  }),
  casesByStatusPartitions: (status: string) => allShards(`CASES#${status}`),
  // ---- the customer record (functions/customers) ------------------------------------------------------
  // CUSTOMER#<id> CONTACT#<contactId>: a contact person of the customer. A contact person's e-mail and
  // phone sit in the detail's own partition beside its unique MARKER, one item per customer holding it
  // (EMAIL#<e> / PHONE#<e164>  CONTACT#<customerId>): unique within a customer, shared across
  // companies (an office phone), and a lookup reads every holder with one Query of that partition.
  contact: (customerId: string, contactId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `CONTACT#${contactId}`,
  }),
  contactsPrefix: () => 'CONTACT#',
  leadsPrefix: () => 'LEAD#',
  ordersPrefix: () => 'ORDER#',
  emailHolder: (normalizedEmail: string, customerId: string): Key => ({
    pk: `EMAIL#${normalizedEmail}`,
    sk: `CONTACT#${customerId}`,
  }),
  phoneHolder: (e164: string, customerId: string): Key => ({ pk: `PHONE#${e164}`, sk: `CONTACT#${customerId}` }),
  /** Everyone holding an e-mail address or a phone: the customer's MARKER and the contact people's items. */
  emailPartition: (normalizedEmail: string) => `EMAIL#${normalizedEmail}`,
  phonePartition: (e164: string) => `PHONE#${e164}`,
  // ---- call-center requests to dealers (functions/call-center) ---------------------------------------
  request: (customerId: string, requestId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `REQUEST#${requestId}`,
  }),
  requestsPrefix: () => 'REQUEST#',
  requestById: (requestId: string) => ({ gsi3pk: `REQUEST#${requestId}`, gsi3sk: 'REQUEST' }),
  /** A unit's (dealer's) requests by status: one dealer's queue, written at its pace, unsharded. */
  requestsByUnit: (unitId: string, status: string, createdAt: string, requestId: string) => ({
    gsi1pk: `UNIT#${unitId}#REQUESTS#${status}`,
    gsi1sk: at(createdAt, requestId),
  }),
  requestsByUnitPartition: (unitId: string, status: string) => `UNIT#${unitId}#REQUESTS#${status}`,
  /** Every request by status: a firm-wide status queue, sharded. */
  requestsByStatus: (status: string, createdAt: string, requestId: string) => ({
    gsi2pk: sharded(`REQUESTS#${status}`, requestId),
    gsi2sk: at(createdAt, requestId),
  }),
  requestsByStatusPartitions: (status: string) => allShards(`REQUESTS#${status}`),
  // ---- opportunities (functions/opportunities) --------------------------------------------------------
  opportunity: (customerId: string, opportunityId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `OPPORTUNITY#${opportunityId}`,
  }),
  opportunitiesPrefix: () => 'OPPORTUNITY#',
  opportunityById: (opportunityId: string) => ({ gsi3pk: `OPPORTUNITY#${opportunityId}`, gsi3sk: 'OPPORTUNITY' }),
  /** An owner's opportunities, newest first: one person's list, written at their pace, unsharded. */
  opportunitiesByOwner: (ownerId: string, createdAt: string, opportunityId: string) => ({
    gsi1pk: `OWNER#${ownerId}#OPPORTUNITIES`,
    gsi1sk: at(createdAt, opportunityId),
  }),
  opportunitiesByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#OPPORTUNITIES`,
  /** The pipeline: every opportunity by stage, by expected close date (sharded: every lead converting lands here). */
  opportunitiesByStage: (stage: string, expectedCloseDate: string, opportunityId: string) => ({
    gsi2pk: sharded(`PIPELINE#${stage}`, opportunityId),
    gsi2sk: at(expectedCloseDate, opportunityId),
  }),
  opportunitiesByStagePartitions: (stage: string) => allShards(`PIPELINE#${stage}`),
  /** Which opportunity a converted lead became: put only if absent, so a lead becomes one opportunity. */
  opportunityFromLead: (customerId: string, leadId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `OPPORTUNITY_FROM_LEAD#${leadId}`,
  }),
  // ---- campaigns (functions/campaigns: segments, templates, campaigns, runs, send records) -------------
  // SEGMENT#<id> / TEMPLATE#<id> / CAMPAIGN#<id> hold one item each, listed newest first through gsi2
  // (SEGMENTS, TEMPLATES, CAMPAIGNS: written at the pace marketers work, unsharded). The campaign's
  // partition also holds its runs (RUN#<runId>), each run's shard progress (RUN#<runId>#SHARD#<n>) and
  // the report counters (STATS#<eventType>, STATS#<eventType>#H#<yyyy-mm-ddThh>). A run's recipients are
  // send records in CAMPAIGN#<id>#RUN#<runId>#R#<shard>, one per customer, expiring by TTL.
  segment: (segmentId: string): Key => ({ pk: `SEGMENT#${segmentId}`, sk: 'SEGMENT' }),
  segmentList: (createdAt: string, segmentId: string) => ({ gsi2pk: 'SEGMENTS', gsi2sk: at(createdAt, segmentId) }),
  segmentListPartition: () => 'SEGMENTS',
  campaignTemplate: (templateId: string): Key => ({ pk: `TEMPLATE#${templateId}`, sk: 'TEMPLATE' }),
  campaignTemplateList: (createdAt: string, templateId: string) => ({
    gsi2pk: 'TEMPLATES',
    gsi2sk: at(createdAt, templateId),
  }),
  campaignTemplateListPartition: () => 'TEMPLATES',
  campaign: (campaignId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  campaignPartition: (campaignId: string) => `CAMPAIGN#${campaignId}`,
  campaignList: (createdAt: string, campaignId: string) => ({ gsi2pk: 'CAMPAIGNS', gsi2sk: at(createdAt, campaignId) }),
  campaignListPartition: () => 'CAMPAIGNS',
  /** The account's campaign reputation gate: an admin's lift, with its audit history beside it. */
  reputationGate: (): Key => ({ pk: 'REPUTATION_GATE', sk: 'CURRENT' }),
  campaignRun: (campaignId: string, runId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: `RUN#${runId}` }),
  campaignRunsPrefix: () => 'RUN#',
  campaignRunShard: (campaignId: string, runId: string, shard: number): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `RUN#${runId}#SHARD#${shard}`,
  }),
  campaignRunShardsPrefix: (runId: string) => `RUN#${runId}#SHARD#`,
  /** A counter the reports read: `sent`, `delivered`, `bounced`…, optionally for one hour (`2026-11-30T09`). */
  campaignStats: (campaignId: string, eventType: string, hour?: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: hour ? `STATS#${eventType}#H#${hour}` : `STATS#${eventType}`,
  }),
  campaignStatsPrefix: () => 'STATS#',
  /** A recipient's send record: sharded by customer, so no partition takes a whole campaign's writes. */
  campaignRecipient: (campaignId: string, runId: string, customerId: string): Key => ({
    pk: sharded(`CAMPAIGN#${campaignId}#RUN#${runId}#R`, customerId),
    sk: customerId,
  }),
  campaignRecipientShard: (campaignId: string, runId: string, shard: number) =>
    `CAMPAIGN#${campaignId}#RUN#${runId}#R#${shard}`,
  // ---- permission marketing (functions/campaigns: subscriptions, SES events, birthdays) -------------
  /** Marketing mails counted against the frequency cap in one period, by campaign (or topic and day). */
  marketingCap: (customerId: string, periodStart: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `MARKETING_CAP#${periodStart}`,
  }),
  /** One SES sending event counted into a campaign's stats: a marker, so a redelivery counts nothing. */
  sesEventMarker: (eventId: string, eventType: string): Key => ({ pk: `SES_EVENT#${eventId}`, sk: eventType }),
  /** A customer counted once as unsubscribed by the campaign whose mail carried the link. */
  campaignUnsubscribe: (campaignId: string, customerId: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `UNSUBSCRIBED#${customerId}`,
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
    sk: `ACTIVITY#${at(occurredAt, activityId)}`,
  }),
  activitiesPrefix: () => 'ACTIVITY#',
  activityById: (activityId: string) => ({ gsi3pk: `ACTIVITY#${activityId}`, gsi3sk: 'ACTIVITY' }),
  /** One per person who has the activity on their agenda, beside it: an item carries one gsi1 key only. */
  agendaEntry: (activity: Key, userId: string): Key => ({ pk: activity.pk, sk: `${activity.sk}#AGENDA#${userId}` }),
  /** A user's agenda by start or due instant: one person's pace, unsharded. */
  agendaOf: (userId: string, startsAt: string, activityId: string) => ({
    gsi1pk: `AGENDA#${userId}`,
    gsi1sk: at(startsAt, activityId),
  }),
  agendaPartition: (userId: string) => `AGENDA#${userId}`,
  // ---- analytics (functions/analytics) ----------------------------------------------------------------
  /** A customer's figures for one Istanbul calendar year: revenue, orders, first and last order. */
  customerValue: (customerId: string, year: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `VALUE#${year}` }),
  /** That an order's transition (`delivered`, `returned`) is in the figures: written with them, once. */
  orderValueApplied: (customerId: string, orderId: string, to: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `ORDER#${orderId}#VALUE#${to}`,
  }),
  /** The customers who bought in a year, by revenue in TRY (zero-padded minor units): what the nightly job and the lists read. */
  buyersIn: (year: string, revenueTry: number, customerId: string) => ({
    gsi2pk: sharded(`BUYERS#${year}`, customerId),
    gsi2sk: `${String(Math.max(0, Math.trunc(revenueTry))).padStart(16, '0')}#${customerId}`,
  }),
  buyersInPartitions: (year: string) => allShards(`BUYERS#${year}`),
  /** Admin-set analytics rules (`COMMISSION_RULES`, `SEGMENT_RULES`); absent, the code's defaults apply. */
  analyticsRules: (kind: 'COMMISSION_RULES' | 'SEGMENT_RULES'): Key => ({ pk: kind, sk: 'CURRENT' }),
  // ---- sign-in for people (functions/authorizer) ------------------------------------------------------
  /** A person's sign-in (the Cognito user's `sub`) → the directory user they act as. */
  personLogin: (sub: string): Key => ({ pk: `LOGIN#${sub}`, sk: 'LOGIN' }),
  /** A signed-out session (`session:<sub>:<auth_time>`), kept by TTL until its tokens have expired. */
  signedOutSession: (sessionId: string): Key => ({ pk: `SIGNED_OUT#${sessionId}`, sk: 'SESSION' }),
  // ---- people and keys managed over the API (functions/people) --------------------------------------
  /** One per directory person, for the admins' paged list: written at the pace admins invite, unsharded. */
  directoryEntry: (userId: string): Key => ({ pk: 'PEOPLE', sk: `USER#${userId}` }),
  directoryPartition: () => 'PEOPLE',
  /** A person's e-mail address, trimmed and lower-cased → who has it: one person per address, whatever its case. */
  personEmail: (normalizedEmail: string): Key => ({ pk: `PERSON_EMAIL#${normalizedEmail}`, sk: 'MARKER' }),
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
  // the customer record (functions/customers)
  | 'contact'
  | 'contact-marker'
  // merge (functions/customers): a merged customer's forwarding record at CUSTOMER#<dup> PROFILE
  | 'customer-forward'
  // call-center requests (functions/call-center)
  | 'request'
  // opportunities (functions/opportunities)
  | 'opportunity'
  | 'opportunity-source'
  // campaigns (functions/campaigns)
  | 'segment'
  | 'campaign-template'
  | 'campaign'
  | 'campaign-run'
  | 'campaign-run-shard'
  | 'campaign-stats'
  | 'reputation-gate'
  | 'campaign-recipient'
  // permission marketing (subscriptions)
  | 'marketing-cap'
  | 'ses-event-marker'
  | 'campaign-unsubscribe'
  // activities (functions/activities)
  | 'activity'
  | 'agenda-entry'
  // analytics (functions/analytics)
  | 'customer-value'
  | 'order-value-applied'
  | 'analytics-rules'
  // sign-in for people
  | 'person-login'
  | 'signed-out-session'
  // people and keys managed over the API (functions/people)
  | 'directory-entry'
  | 'person-email';

// ---- permission marketing (subscriptions) ----------------------------------------------------------
/** Customers by birthday month and day: gsi1 is free on profiles (see `customersByBirthday`). */
export const byBirthday: IndexName = 'gsi1';

/** An item as the code sees it: no key attributes and no item type. */
export const fromItem = <T>(item: Record<string, unknown>): T => {
  const copy = { ...item };
  for (const name of [...keyAttributes, 'type']) delete copy[name];
  return copy as T;
};
