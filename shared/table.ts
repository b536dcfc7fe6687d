// The one table: its shape and every key. Nothing else in the code base concatenates key strings.
//
// Partitions:
//   CUSTOMER#<id>          profile, leads, lead notes, consent ledger, activities (the 360° view is one Query)
//   EMAIL#<normalized>     uniqueness marker → customer id
//   PHONE#<e164>           uniqueness marker → customer id
//   CONSENT_REQUEST#<id>   a pending double opt-in, expires by TTL
//   OUTBOX#<eventId>       an event waiting for the relay, expires by TTL once published
//   APIKEY#<sha256>        a hashed API key
//   USER#<id> TEAM#<id> DEALER#<id> ASSIGNMENT_RULES   reference data
//   IDEMPOTENCY#<fn>       Powertools idempotency records, expire by TTL
//
// Sparse GSIs (an item appears only when it sets the index's keys):
//   gsi1  work queue by assignee   (leads by owner and time)
//   gsi2  work queue by state      (leads by status and time)
//   gsi3  lookup by id             (lead id → lead, api key id → key)
//
// Quotes, orders and the catalogue (functions/quote-approval):
//   CUSTOMER#<id>  QUOTE#<quoteId>                  the quote as it is now (its latest version)
//                  QUOTE#<quoteId>#V#<0001>         an earlier version, frozen when the quote was revised
//                  QUOTE#<quoteId>#QUEUE#<queue>    its place in a work queue (approval, expiry, follow-up),
//                                                   deleted in the transaction that takes it out
//                  QUOTE#<quoteId>#REPORT           the figures the quote reports count, by month sent
//                  ORDER#<orderId>                  an order; its id is its quote's id (one accepted quote, one order)
//   CATALOGUE  <kind>                               which generation of products / price lists / FX rates is live
//   CATALOGUE#<kind>#G<generation>  <record>        one generation's records: an import writes a new generation
//                                                   and switches to it in one conditional write (all or nothing)
//   APPROVAL_POLICY  CURRENT | DEFAULT              the policy staff set, or the default the demo data loads
//   ROLE#<role>  USER#<userId>                      who holds a role: approvers are mailed by role
//   gsi1  OWNER#<id>#QUOTES (a rep's quotes by time), APPROVALS#<role> (quotes awaiting that role)
//   gsi2  QUOTES#<yyyy-mm> (quotes by month created), DUE#QUOTE_EXPIRY and DUE#QUOTE_FOLLOW_UP (work
//         queues by due instant: a sweep queries only what is due), QUOTES_SENT#<yyyy-mm> (report cohorts)
//   gsi3  QUOTE#<id>, ORDER#<id> (lookup by id)
//
// Mail and links (shared/mail.ts, shared/suppression.ts, shared/links.ts):
//   MAIL#<kind>#<ids>             MARKER   one mail's send claim (lease) and outcome: a mail is sent once
//   SUPPRESSED#<address>          ADDRESS  an address not to mail (hard bounce, complaint)
//   MAIL_QUOTA#<kind>#<address>   <date>   mails of one kind to one address that Istanbul day, expires by TTL
//   USED_LINK#<purpose>#<jti>     USED     a spent single-use token, expires with the token

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

export interface Key {
  pk: string;
  sk: string;
}

/** Sorts lexically in time order: ISO-8601 UTC timestamps and ULIDs both do. */
const at = (occurredAt: string, id: string) => `${occurredAt}#${id}`;

const catalogueGeneration = (kind: string, generation: number) => `CATALOGUE#${kind}#G${String(generation).padStart(6, '0')}`;

export const keys = {
  customer: (customerId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: 'PROFILE' }),
  customerPartition: (customerId: string) => `CUSTOMER#${customerId}`,
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
    gsi2pk: `LEADS#${status}`,
    gsi2sk: at(createdAt, leadId),
  }),
  leadsByStatusPartition: (status: string) => `LEADS#${status}`,
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

  idempotencyPartition: (functionName: string) => `IDEMPOTENCY#${functionName}`,

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
  quoteQueueItem: (customerId: string, quoteId: string, queue: 'approval' | 'expiry' | 'follow-up'): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `QUOTE#${quoteId}#QUEUE#${queue}`,
  }),
  quotesAwaitingApproval: (role: string, submittedAt: string, quoteId: string) => ({
    gsi1pk: `APPROVALS#${role}`,
    gsi1sk: at(submittedAt, quoteId),
  }),
  quotesAwaitingApprovalPartition: (role: string) => `APPROVALS#${role}`,
  quotesDueToExpire: (expiresAt: string, quoteId: string) => ({ gsi2pk: 'DUE#QUOTE_EXPIRY', gsi2sk: at(expiresAt, quoteId) }),
  quotesDueToExpirePartition: () => 'DUE#QUOTE_EXPIRY',
  quotesDueForFollowUp: (dueAt: string, quoteId: string) => ({ gsi2pk: 'DUE#QUOTE_FOLLOW_UP', gsi2sk: at(dueAt, quoteId) }),
  quotesDueForFollowUpPartition: () => 'DUE#QUOTE_FOLLOW_UP',
  /** Everything due at or before `instant` sorts before this bound. */
  dueBefore: (instant: string) => `${instant}#\uffff`,
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
  | 'quote-queue'
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
  | 'used-link';
