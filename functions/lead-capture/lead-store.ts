// Lead data in the one table: capture (customer, markers, lead, consent evidence and events in one
// transaction), reads for staff, and guarded status changes.
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EventFacts } from '../../events/catalogue.js';
import { db, findById, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import { ValidationError } from '../../shared/problems.js';
import { outboxPut } from '../../shared/outbox.js';
import { type Key, keys } from '../../shared/table.js';
import type { AssignTarget } from './domain/assignment.js';
import { CONSENT_REQUEST_TTL_SECONDS, type ConsentChannel, consentAddress } from '../../shared/consent.js';
import { type Contact, consentsGiven, type LeadSubmission } from './domain/lead-submission.js';
import type { LeadStatus } from './domain/lead-status.js';
import type { Language } from '../../shared/language.js';

export interface Lead {
  leadId: string;
  customerId: string;
  status: LeadStatus;
  version: number;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  sector?: string;
  city?: string;
  region?: string;
  productInterest?: string;
  message?: string;
  language: Language;
  source?: string;
  utm?: Record<string, string>;
  owner?: { type: AssignTarget['type'] | 'queue'; id: string; ruleId: string; teamId?: string };
  createdAt: string;
  updatedAt: string;
}

export interface ContactMatch {
  /** The e-mail's customer, else the phone's. */
  customerId?: string;
  /** Contact details no customer has claimed yet: a capture claims them for its customer. */
  unclaimed: { email: boolean; phone: boolean };
}

export const matchContact = async (contact: Contact): Promise<ContactMatch> => {
  const owner = async (key: Key | undefined) =>
    key
      ? ((await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item?.customerId as
          | string
          | undefined)
      : undefined;
  const [byEmail, byPhone] = await Promise.all([
    owner(contact.emailKey ? keys.emailMarker(contact.emailKey) : undefined),
    owner(contact.phone ? keys.phoneMarker(contact.phone) : undefined),
  ]);
  return {
    customerId: byEmail ?? byPhone,
    unclaimed: { email: Boolean(contact.emailKey) && !byEmail, phone: Boolean(contact.phone) && !byPhone },
  };
};

/** Uniqueness markers, each guarded: if another capture claims the detail first, the transaction fails and is retried. */
const markerItems = (contact: Contact, customerId: string, which: ContactMatch['unclaimed']): TransactItem[] => [
  ...(which.email && contact.emailKey
    ? [putNew({ ...keys.emailMarker(contact.emailKey), type: 'email-marker', customerId })]
    : []),
  ...(which.phone && contact.phone ? [putNew({ ...keys.phoneMarker(contact.phone), type: 'phone-marker', customerId })] : []),
];

export interface CaptureContext {
  submission: LeadSubmission;
  contact: Contact;
  ip: string;
  now: Date;
}

const utmOf = (s: LeadSubmission) => {
  const utm = Object.fromEntries(
    (['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const)
      .filter((field) => s[field])
      .map((field) => [field.slice(4), s[field]!]),
  );
  return Object.keys(utm).length ? utm : undefined;
};

/** The lead, its consent evidence and its events: the part of a capture that does not depend on the customer being new. */
const leadItems = (customerId: string, newCustomer: boolean, { submission: s, contact, ip, now }: CaptureContext) => {
  const leadId = newId();
  const at = now.toISOString();
  const lead: Lead = {
    leadId,
    customerId,
    status: 'new',
    version: 1,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: s.company,
    sector: s.sector,
    city: s.city,
    region: s.region,
    productInterest: s.productInterest,
    message: s.message,
    language: s.language,
    source: s.source,
    utm: utmOf(s),
    createdAt: at,
    updatedAt: at,
  };
  const items: TransactItem[] = [
    putNew({
      ...keys.lead(customerId, leadId),
      ...keys.leadsByStatus('new', at, leadId),
      ...keys.leadById(leadId),
      type: 'lead',
      ...lead,
    }),
    outboxPut('LeadCaptured', { leadId, customerId, newCustomer, language: s.language }, now),
    ...consentsGiven(s).flatMap((channel) => consentItems(customerId, leadId, channel, contact, s, ip, now)),
  ];
  return { leadId, items };
};

/**
 * Evidence for the consent ledger (append-only), naming the address or number the box was ticked
 * for: consent belongs to that detail, whichever customer the capture matched on. E-mail marketing
 * consent from a web form is only *requested* here: it counts once the link mailed to that very
 * address is followed (double opt-in).
 */
const consentItems = (
  customerId: string,
  leadId: string,
  channel: ConsentChannel,
  contact: Contact,
  s: LeadSubmission,
  ip: string,
  now: Date,
): TransactItem[] => {
  const at = now.toISOString();
  const action = channel === 'email' ? 'requested' : 'granted';
  // The schema refuses a ticked box without its detail, so the address is there.
  const address = consentAddress(channel, (channel === 'email' ? contact.emailKey : contact.phone) ?? '');
  const evidence = {
    type: 'consent',
    customerId,
    channel,
    address,
    topic: 'all',
    action,
    via: 'form',
    source: s.source ?? 'web-form',
    textVersion: s.consentTextVersion,
    ip,
    leadId,
    occurredAt: at,
  };
  const ledger = putNew({ ...keys.consentEntry(customerId, channel, at, newId()), ...evidence });
  if (action === 'granted') return [ledger, outboxPut('ConsentGranted', { customerId, channel, via: 'form' }, now)];
  const requestId = newId();
  return [
    ledger,
    putNew({
      ...keys.consentRequest(requestId),
      ...evidence,
      requestId,
      language: s.language,
      expiresAt: Math.floor(now.getTime() / 1000) + CONSENT_REQUEST_TTL_SECONDS,
    }),
    outboxPut('ConsentRequested', { customerId, requestId, channel }, now),
  ];
};

/** New person: the customer and its uniqueness markers are created with the lead, or nothing is. */
export const saveWithNewCustomer = async (capture: CaptureContext) => {
  const customerId = newId();
  const { contact, submission: s, now } = capture;
  const at = now.toISOString();
  const markers = markerItems(contact, customerId, { email: true, phone: true });
  const { leadId, items } = leadItems(customerId, true, capture);
  const customer = putNew({
    ...keys.customer(customerId),
    type: 'customer',
    customerId,
    name: contact.name,
    email: contact.email,
    emailKey: contact.emailKey,
    phone: contact.phone,
    company: s.company,
    sector: s.sector,
    city: s.city,
    region: s.region,
    language: s.language,
    leadCount: 1,
    lastLeadAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  const result = await transact([customer, ...markers, ...items]);
  return result.ok ? { saved: true as const, leadId } : { saved: false as const };
};

/**
 * Known person: the lead joins their partition and claims the contact details nobody holds yet, so
 * the next lead with only those details finds this customer too. The profile itself is not
 * overwritten by an anonymous form.
 */
export const saveForCustomer = async (match: Required<ContactMatch>, capture: CaptureContext) => {
  const { customerId } = match;
  const { leadId, items } = leadItems(customerId, false, capture);
  const touch: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.customer(customerId),
      UpdateExpression: 'SET lastLeadAt = :at, updatedAt = :at ADD leadCount :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': capture.now.toISOString(), ':one': 1 },
    },
  };
  const result = await transact([touch, ...markerItems(capture.contact, customerId, match.unclaimed), ...items]);
  return result.ok ? { saved: true as const, leadId } : { saved: false as const };
};

// ---- reads ---------------------------------------------------------------------------------------

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, type, ...rest } = item;
  return rest as T;
};

export const getLead = async (leadId: string): Promise<Lead | undefined> => {
  const item = await findById(keys.leadById(leadId));
  return item ? stripKeys<Lead>(item) : undefined;
};

export const getLeadByKey = async (customerId: string, leadId: string): Promise<Lead | undefined> => {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.lead(customerId, leadId) }));
  return found.Item ? stripKeys<Lead>(found.Item) : undefined;
};

export interface LeadNote {
  noteId: string;
  leadId: string;
  text: string;
  authorId: string;
  createdAt: string;
}

export const getLeadNotes = async (customerId: string, leadId: string): Promise<LeadNote[]> => {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customerPartition(customerId), ':prefix': keys.leadNotesPrefix(leadId) },
    }),
  );
  return (found.Items ?? []).map((item) => stripKeys<LeadNote>(item));
};

export interface LeadQuery {
  ownerId?: string;
  status?: LeadStatus;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/**
 * By owner (gsi1) or by status (gsi2), newest first, within an optional time range. Filtering by
 * both uses the owner index and filters status, which stays cheap: one owner's leads are few.
 */
export const listLeads = async (query: LeadQuery) => {
  const byOwner = query.ownerId !== undefined;
  const [index, pkName, skName] = byOwner ? ['gsi1', 'gsi1pk', 'gsi1sk'] : ['gsi2', 'gsi2pk', 'gsi2sk'];
  const partition = byOwner
    ? keys.leadsByOwnerPartition(query.ownerId!)
    : keys.leadsByStatusPartition(query.status ?? 'new');
  const from = query.from ?? '0';
  const to = `${query.to ?? '9'}\uffff`;
  // A cursor is only good for the query that returned it: same index, same partition, same range.
  const cursor = decodeCursor(query.cursor, ['pk', 'sk', pkName, skName]);
  if (cursor && (cursor[pkName] !== partition || cursor[skName]! < from || cursor[skName]! > to)) {
    throw new ValidationError([{ path: 'cursor', message: 'This cursor belongs to another query.' }]);
  }
  const values: Record<string, unknown> = { ':pk': partition, ':from': from, ':to': to };
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: index,
    KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: query.limit,
    ExclusiveStartKey: cursor,
  };
  if (byOwner && query.status) {
    input.FilterExpression = '#status = :status';
    input.ExpressionAttributeNames = { '#status': 'status' };
    values[':status'] = query.status;
  }
  const page = await db().send(new QueryCommand(input));
  return { leads: (page.Items ?? []).map((item) => stripKeys<Lead>(item)), next: encodeCursor(page.LastEvaluatedKey) };
};

// ---- writes by staff and consumers --------------------------------------------------------------

/** Moves the lead only if it is still in `from` at `version`: two agents at once → one wins. */
export const saveStatusChange = async (lead: Lead, to: LeadStatus, actorId: string, now: Date) => {
  const at = now.toISOString();
  const moved = keys.leadsByStatus(to, lead.createdAt, lead.leadId);
  return transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.lead(lead.customerId, lead.leadId),
        UpdateExpression: 'SET #status = :to, version = :next, updatedAt = :at, gsi2pk = :gsi2pk',
        ConditionExpression: '#status = :from AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':from': lead.status,
          ':version': lead.version,
          ':next': lead.version + 1,
          ':at': at,
          ':gsi2pk': moved.gsi2pk,
        },
      },
    },
    outboxPut('LeadStatusChanged', { leadId: lead.leadId, customerId: lead.customerId, from: lead.status, to, actorId }, now),
  ]);
};

export const saveNote = async (lead: Lead, text: string, authorId: string, now: Date) => {
  const noteId = newId();
  const note: LeadNote = { noteId, leadId: lead.leadId, text, authorId, createdAt: now.toISOString() };
  await transact([
    putNew({ ...keys.leadNote(lead.customerId, lead.leadId, noteId), type: 'lead-note', customerId: lead.customerId, ...note }),
    outboxPut('LeadNoteAdded', { leadId: lead.leadId, customerId: lead.customerId, noteId, actorId: authorId }, now),
  ]);
  return note;
};

/** Records the owner once: a redelivered LeadCaptured finds the owner set and changes nothing. */
export const saveAssignment = async (lead: Lead, facts: EventFacts<'LeadAssigned'>, now: Date) => {
  const owner = { type: facts.ownerType, id: facts.ownerId, ruleId: facts.ruleId, teamId: facts.teamId };
  return transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.lead(lead.customerId, lead.leadId),
        UpdateExpression: 'SET #owner = :owner, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#owner)',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: {
          ':owner': owner,
          ...Object.fromEntries(
            Object.entries(keys.leadsByOwner(facts.ownerId, lead.createdAt, lead.leadId)).map(([k, v]) => [`:${k}`, v]),
          ),
          ':at': now.toISOString(),
        },
      },
    },
    outboxPut('LeadAssigned', facts, now),
  ]);
};
