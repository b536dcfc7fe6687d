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
  consentChannelPrefix: (channel: string) => `CONSENT#${channel}#`,
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
  | 'assignment-rules';
