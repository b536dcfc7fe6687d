// Lead data in the one table: capture (customer, markers, lead, consent evidence, events and the
// stored answer in one transaction), reads for staff, and guarded moves with history.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Ownership } from '../../shared/access.js';
import { ownershipItem } from '../../shared/customer.js';
import { db, findById, itemExists, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { advance, defineEntity, fromItem, type HistoryEntry } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError } from '../../shared/problems.js';
import { type Filter, queryAll, queryPage } from '../../shared/query.js';
import { byAssignee, byState, keys } from '../../shared/table.js';
import type { Found } from '../customers/public.js';
import { catalogue, type EventFacts } from '../event-table.js';
import type { AssignmentRule, AssignTarget } from './domain/assignment.js';
import { type LeadStatus, leadStatuses } from './domain/lead-status.js';
import type { LeadSubmission } from './domain/lead-submission.js';
import { leadCaptureKeys } from './keys.js';

export interface Lead {
  leadId: string;
  customerId: string;
  status: LeadStatus;
  /** The stale-write token: counts every change. */
  seq: number;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  sector?: string;
  city?: string;
  region?: string;
  productInterest?: string;
  /** The dealer the person chose on the form (a directory dealer). */
  preferredDealerId?: string;
  message?: string;
  language: Language;
  source?: string;
  utm?: Record<string, string>;
  owner?: { type: AssignTarget['type'] | 'queue'; id: string; ruleId: string; teamId?: string };
  createdAt: string;
  updatedAt: string;
}

export const leads = defineEntity<Lead>({
  type: 'lead',
  key: (lead) => leadCaptureKeys.lead(lead.customerId, lead.leadId),
  number: (lead) => ({ kind: 'lead', id: lead.leadId, customerId: lead.customerId }),
  indexes: (lead) => ({
    ...leadCaptureKeys.leadById(lead.leadId),
    ...leadCaptureKeys.leadsByStatus(lead.status, lead.createdAt, lead.leadId),
    ...(lead.owner ? leadCaptureKeys.leadsByOwner(lead.owner.id, lead.createdAt, lead.leadId) : {}),
  }),
});

/** Whose a lead is, for access: its owner, the owner's team, and the dealer it was routed to. */
export const leadOwnership = (lead: Lead): Ownership => ({
  ownerId: lead.owner?.id,
  teamId: lead.owner?.teamId,
  unitId: lead.owner?.type === 'dealer' ? lead.owner.id : undefined,
});

export interface CaptureContext {
  submission: LeadSubmission;
  now: Date;
  /** The capture's answer, stored with it when the request has an Idempotency-Key. */
  record: Recorder;
}

const utmOf = (s: LeadSubmission) => {
  const utm = Object.fromEntries(
    (['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const)
      .filter((field) => s[field])
      .map((field) => [field.slice(4), s[field]!]),
  );
  return Object.keys(utm).length ? utm : undefined;
};

/** The lead, its event and the stored answer: the capture's own part of the customer intake's transaction. */
export const leadItems = (leadId: string, found: Found, { submission: s, now, record }: CaptureContext) => {
  const { customerId, created: newCustomer } = found;
  const at = now.toISOString();
  const lead: Lead = {
    leadId,
    customerId,
    status: 'new',
    seq: 1,
    name: s.name,
    email: s.email,
    phone: found.contact.phone,
    company: s.company,
    sector: s.sector,
    city: s.city,
    region: s.region,
    productInterest: s.productInterest,
    preferredDealerId: s.preferredDealerId,
    message: s.message,
    language: s.language,
    source: s.source,
    utm: utmOf(s),
    createdAt: at,
    updatedAt: at,
  };
  return [
    ...leads.createItems(lead, {
      events: [outboxPut(catalogue.LeadCaptured, { leadId, customerId, newCustomer, language: s.language }, now)],
    }),
    ...record({ leadId, status: 'new' }),
  ];
};

/**
 * A known person's profile with one more lead. The profile itself is not overwritten by an
 * anonymous form: a preferred dealer the form names is kept only when the customer has none yet.
 */
export const leadTouch = (customerId: string, dealer: string | undefined, now: Date): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.customer(customerId),
    UpdateExpression: `SET lastLeadAt = :at, updatedAt = :at${
      dealer ? ', preferredDealerId = if_not_exists(preferredDealerId, :dealer)' : ''
    } ADD leadCount :one`,
    ConditionExpression: itemExists,
    ExpressionAttributeValues: {
      ':at': now.toISOString(),
      ':one': 1,
      ...(dealer ? { ':dealer': dealer } : {}),
    },
  },
});

// ---- reads ---------------------------------------------------------------------------------------

/** The assignment rules staff keep, in order. */
export const getAssignmentRules = async (): Promise<AssignmentRule[]> =>
  ((await db().send(new GetCommand({ TableName: tableName(), Key: leadCaptureKeys.assignmentRules() }))).Item?.rules as
    | AssignmentRule[]
    | undefined) ?? [];

export const getLead = async (leadId: string): Promise<Lead | undefined> => {
  const item = await findById(leadCaptureKeys.leadById(leadId));
  return item ? fromItem<Lead>(item) : undefined;
};

export const getLeadByKey = (customerId: string, leadId: string) => leads.get(leadCaptureKeys.lead(customerId, leadId));

export interface LeadNote {
  noteId: string;
  leadId: string;
  text: string;
  authorId: string;
  createdAt: string;
}

export const getLeadNotes = async (customerId: string, leadId: string): Promise<LeadNote[]> =>
  (
    await queryAll({
      partition: keys.customerPartition(customerId),
      range: { prefix: leadCaptureKeys.leadNotesPrefix(leadId) },
      order: 'oldest',
    })
  ).map((item) => fromItem<LeadNote>(item));

export interface LeadMove extends HistoryEntry {
  at: string;
  from: LeadStatus;
  to: LeadStatus;
}

/** The lead's status history, oldest first. */
export const getLeadHistory = async (lead: Lead): Promise<LeadMove[]> =>
  (
    await queryAll({
      partition: keys.customerPartition(lead.customerId),
      range: { prefix: keys.historyPrefix(leads.key(lead)) },
      order: 'oldest',
    })
  ).map((item) => {
    const { entityType: _, ...move } = fromItem<LeadMove & { entityType: string }>(item);
    return move;
  });

export interface LeadQuery {
  ownerId?: string;
  teamId?: string;
  unitId?: string;
  status?: LeadStatus;
  from?: string;
  to?: string;
  sort?: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
}

/**
 * By owner (gsi1) or by status (gsi2, over its shards; without a status, every status's shards
 * merged), newest first, within an optional time range. Whatever the index does not key on is
 * filtered: one owner's leads are few, and a team manager's list is the status queues filtered to
 * the team.
 */
export const listLeads = async (query: LeadQuery) => {
  const byOwner = query.ownerId !== undefined;
  const conditions: string[] = [];
  const filter: Required<Filter> = { expression: '', names: {}, values: {} };
  if (byOwner && query.status) {
    conditions.push('#status = :status');
    filter.names['#status'] = 'status';
    filter.values[':status'] = query.status;
  }
  if (query.teamId) {
    conditions.push('#owner.teamId = :team');
    filter.values[':team'] = query.teamId;
  }
  if (query.unitId) {
    conditions.push('#owner.id = :unit');
    filter.values[':unit'] = query.unitId;
  }
  if (query.teamId || query.unitId) filter.names['#owner'] = 'owner';
  filter.expression = conditions.join(' AND ');
  const page = await queryPage({
    index: byOwner ? byAssignee : byState,
    partition: byOwner
      ? leadCaptureKeys.leadsByOwnerPartition(query.ownerId!)
      : (query.status ? [query.status] : leadStatuses).flatMap((status) =>
          leadCaptureKeys.leadsByStatusPartitions(status),
        ),
    range: { from: query.from, to: query.to },
    order: query.sort ?? 'newest',
    limit: query.limit,
    cursor: query.cursor,
    filter: conditions.length ? filter : undefined,
  });
  return { leads: page.items.map((item) => fromItem<Lead>(item)), next: page.next };
};

// ---- writes by staff and consumers --------------------------------------------------------------

/** Moves the lead only if it is still in its status at its seq: two agents at once → one wins. */
export const saveStatusChange = async (lead: Lead, to: LeadStatus, history: HistoryEntry, now: Date) => {
  const after = advance(lead, { status: to, updatedAt: now.toISOString() });
  const moved = await leads.move(lead, after, {
    history,
    events: [
      outboxPut(
        catalogue.LeadStatusChanged,
        { leadId: lead.leadId, customerId: lead.customerId, from: lead.status, to, actorId: history.actorId },
        now,
      ),
    ],
  });
  return moved ? after : undefined;
};

export const saveNote = async (lead: Lead, text: string, authorId: string, now: Date, record: Recorder) => {
  const noteId = newId();
  const note: LeadNote = { noteId, leadId: lead.leadId, text, authorId, createdAt: now.toISOString() };
  const saved = await transact([
    putNew({
      ...leadCaptureKeys.leadNote(lead.customerId, lead.leadId, noteId),
      type: 'lead-note',
      customerId: lead.customerId,
      ...note,
    }),
    outboxPut(
      catalogue.LeadNoteAdded,
      { leadId: lead.leadId, customerId: lead.customerId, noteId, actorId: authorId },
      now,
    ),
    ...record(note),
  ]);
  // Only the stored answer can have stopped it: a duplicate with the same key got there first.
  if (!saved.ok)
    throw new ConflictError('request-in-progress', {
      en: 'A request with this Idempotency-Key was just processed.',
      tr: 'Bu Idempotency-Key ile bir istek az önce işlendi.',
    });
  return note;
};

/**
 * Records the owner once: the write holds only while the lead has no owner and is at the seq it
 * was read in, so a redelivered LeadCaptured, or a racing one, changes nothing.
 */
export const saveAssignment = async (lead: Lead, facts: EventFacts<'LeadAssigned'>, now: Date) => {
  const owner = { type: facts.ownerType, id: facts.ownerId, ruleId: facts.ruleId, teamId: facts.teamId };
  // Not a change a screen could be stale about: the seq stays, and the write holds only at it.
  const after: Lead = { ...lead, owner, updatedAt: now.toISOString() };
  const saved = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: leads.item(after),
        ConditionExpression: '#seq = :seq AND attribute_not_exists(#owner)',
        ExpressionAttributeNames: { '#owner': 'owner', '#seq': 'seq' },
        ExpressionAttributeValues: { ':seq': lead.seq },
      },
    },
    ownershipItem(lead.customerId, leadOwnership(after)),
    outboxPut(catalogue.LeadAssigned, facts, now),
  ]);
  return saved.ok;
};

/** What an analytics period reads at most: a bound on one report's cost. */
const MAX_LEADS = 20_000;

/** Leads created in the range, every status, with when each first left `new`. */
export const leadsCreatedBetween = async (
  from: string,
  to: string,
): Promise<(Lead & { firstResponseAt?: string })[]> => {
  const found = (
    await Promise.all(
      leadStatuses.map((status) =>
        queryAll(
          {
            index: byState,
            partition: leadCaptureKeys.leadsByStatusPartitions(status),
            range: { from, to },
            order: 'oldest',
          },
          MAX_LEADS,
        ),
      ),
    )
  )
    .flat()
    .map((item) => leads.read(item));
  return Promise.all(
    found.map(async (lead) =>
      lead.status === 'new'
        ? lead
        : { ...lead, firstResponseAt: (await getLeadHistory(lead)).find((move) => move.from === 'new')?.at },
    ),
  );
};
