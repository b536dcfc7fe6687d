// Cases in the one table: the case beside its customer, its history and its place in the SLA
// due-time queue; reads for staff; lists by unit or by status.

import type { Ownership } from '../../shared/access.js';
import { readFollowingMerge } from '../../shared/customer.js';
import { findById, getMany } from '../../shared/db.js';
import { defineEntity, fromItem, type HistoryEntry } from '../../shared/entity.js';
import type { Language } from '../../shared/language.js';
import { type Filter, queryAll, queryPage } from '../../shared/query.js';
import { byAssignee, byState, type Key, keys } from '../../shared/table.js';
import { defineDueQueue } from '../../shared/work-queue.js';
import type { CaseCategory, CasePriority, caseChannels, caseTypes } from './domain/case-input.js';
import { activeStatuses, type CaseStatus, caseStatuses } from './domain/case-lifecycle.js';
import type { Route } from './domain/routing.js';
import type { Deadline, SlaState } from './domain/sla.js';
import { complaintEscalationKeys } from './keys.js';

export interface SurveyAnswer {
  score: number;
  comment?: string;
  answeredAt: string;
}

export interface Case {
  caseId: string;
  /** What the customer quotes on the phone: the day it was opened and a part of its id. */
  caseNumber: string;
  customerId: string;
  /** `type` on the intake; every item's `type` attribute is its item type, so it is stored under this name. */
  caseType: (typeof caseTypes)[number];
  category: CaseCategory;
  priority: CasePriority;
  channel: (typeof caseChannels)[number];
  subject: string;
  description?: string;
  relatedOrderId?: string;
  relatedQuoteId?: string;
  language: Language;
  status: CaseStatus;
  seq: number;
  departmentId: string;
  unit: Route['unit'];
  routeRule: Route['rule'];
  /** Who opened it (a user id, or `web`): an agent follows the cases they opened. */
  openedBy: string;
  /**
   * Who to answer: the contact details the unit works the case with (absent on older cases). The unit
   * handles the case, not the customer's record, so it reads them here.
   */
  contact?: { name: string; email?: string; phone?: string };
  sla: SlaState;
  acknowledgedAt?: string;
  /** Business minutes from opening to the first response (acknowledgement), for reports. */
  firstResponseMinutes?: number;
  resolvedAt?: string;
  /** Business minutes from opening to the (latest) resolution, the paused time not counted. */
  resolutionMinutes?: number;
  closedAt?: string;
  survey?: SurveyAnswer;
  createdAt: string;
  updatedAt: string;
}

export const cases = defineEntity<Case>({
  type: 'case',
  key: (c) => complaintEscalationKeys.case(c.customerId, c.caseId),
  indexes: (c) => ({
    ...complaintEscalationKeys.caseById(c.caseId),
    ...complaintEscalationKeys.casesByUnit(c.unit.id, c.createdAt, c.caseId),
    ...complaintEscalationKeys.casesByStatus(c.status, c.createdAt, c.caseId),
  }),
});

/** Whose a case is: the agent who opened it and the department or dealer it was routed to. */
export const caseOwnership = (c: Case): Ownership => ({ ownerId: c.openedBy, unitId: c.unit.id });

/** The SLA queue: one placement per case, at its next warning or escalation. */
export const slaQueue = defineDueQueue<Deadline>('case-sla');

export const getCase = async (caseId: string): Promise<Case | undefined> => {
  const item = await findById(complaintEscalationKeys.caseById(caseId));
  return item ? fromItem<Case>(item) : undefined;
};

/** The case as stored now (strongly consistent), for a guarded move; also when its customer was merged since the id was learned. */
export const getCaseByKey = (customerId: string, caseId: string) =>
  readFollowingMerge(customerId, (id) => cases.get(complaintEscalationKeys.case(id, caseId)));

export interface CaseMove extends HistoryEntry {
  at: string;
  from: CaseStatus;
  to: CaseStatus;
}

export const getCaseHistory = async (c: Case): Promise<CaseMove[]> =>
  (
    await queryAll({
      partition: keys.customerPartition(c.customerId),
      range: { prefix: keys.historyPrefix(cases.key(c)) },
      order: 'oldest',
    })
  ).map((item) => {
    const { entityType: _, ...move } = fromItem<CaseMove & { entityType: string }>(item);
    return move;
  });

export interface CaseQuery {
  /** One customer's cases, every status unless one is named. */
  customerId?: string;
  unitId?: string;
  ownerId?: string;
  status?: CaseStatus;
  /** Only cases opened at or before this instant (ISO UTC). */
  createdBefore?: string;
  limit: number;
  cursor?: string;
}

/**
 * A customer's cases from their partition; a unit's from its index partition; everyone else's from
 * the status partitions. Lists other than a customer's hold the active statuses unless one is named.
 * What the partition does not key on (the viewer's unit or own cases, the status) is filtered.
 */
export const listCases = async (query: CaseQuery) => {
  const byCustomer = query.customerId !== undefined;
  const byUnit = !byCustomer && query.unitId !== undefined;
  const conditions: string[] = [];
  const filter: Required<Filter> = { expression: '', names: {}, values: {} };
  const statuses = query.status ? [query.status] : byCustomer ? [] : activeStatuses;
  if ((byCustomer || byUnit) && statuses.length) {
    conditions.push(`#status IN (${statuses.map((_, i) => `:status${i}`).join(', ')})`);
    filter.names['#status'] = 'status';
    statuses.forEach((status, i) => {
      filter.values[`:status${i}`] = status;
    });
  }
  if (byCustomer) {
    // The partition also holds the cases' history and queue items, and the customer's other records.
    conditions.push('#type = :case');
    filter.names['#type'] = 'type';
    filter.values[':case'] = cases.type;
    if (query.unitId) {
      conditions.push('#unit.id = :unit');
      filter.names['#unit'] = 'unit';
      filter.values[':unit'] = query.unitId;
    }
  }
  if (query.ownerId) {
    conditions.push('openedBy = :owner');
    filter.values[':owner'] = query.ownerId;
  }
  // The index lists are ranged by creation time; a customer's partition is keyed by id.
  if (byCustomer && query.createdBefore) {
    conditions.push('createdAt <= :before');
    filter.values[':before'] = query.createdBefore;
  }
  filter.expression = conditions.join(' AND ');
  const page = await queryPage({
    ...(byCustomer
      ? {
          partition: keys.customerPartition(query.customerId!),
          range: { prefix: complaintEscalationKeys.casesPrefix() },
        }
      : byUnit
        ? { index: byAssignee, partition: complaintEscalationKeys.casesByUnitPartition(query.unitId!) }
        : { index: byState, partition: statuses.flatMap((s) => complaintEscalationKeys.casesByStatusPartitions(s)) }),
    ...(!byCustomer && query.createdBefore ? { range: { to: query.createdBefore } } : {}),
    limit: query.limit,
    cursor: query.cursor,
    filter: conditions.length ? filter : undefined,
  });
  return { cases: page.items.map((item) => fromItem<Case>(item)), next: page.next };
};

/**
 * Cases with a running SLA clock, soonest due first (the late ones on top): the SLA queue's index
 * paged in due order, each case read by its key. The viewer's scope and a status are checked on the
 * case itself, so a page may hold fewer than `limit` and still have a cursor. A stopped clock is
 * not in the queue: those cases are in the creation-time lists.
 */
export const listCasesByDue = async (query: Omit<CaseQuery, 'customerId'>) => {
  const page = await queryPage({
    index: byState,
    partition: keys.dueInPartitions(slaQueue.name),
    order: 'oldest',
    limit: query.limit,
    cursor: query.cursor,
  });
  const keyOf = (key: Key) => `${key.pk}\n${key.sk}`;
  const found = new Map(
    (await getMany(page.items.map((item) => item.entity as Key))).map((item) => [
      keyOf(item as unknown as Key),
      fromItem<Case>(item),
    ]),
  );
  const cases = page.items
    .map((item) => found.get(keyOf(item.entity as Key)))
    .filter((c): c is Case => c !== undefined)
    .filter(
      (c) =>
        (!query.unitId || c.unit.id === query.unitId) &&
        (!query.ownerId || c.openedBy === query.ownerId) &&
        (!query.status || c.status === query.status) &&
        (!query.createdBefore || c.createdAt <= query.createdBefore),
    );
  return { cases, next: page.next };
};

/** Every case opened within the range (ISO UTC instants, inclusive), whatever its status now. */
export const casesOpenedBetween = async (from: string, to: string, max = 10_000) =>
  (
    await queryAll(
      {
        index: byState,
        partition: caseStatuses.flatMap((s) => complaintEscalationKeys.casesByStatusPartitions(s)),
        range: { from, to },
        order: 'oldest',
      },
      max,
    )
  ).map((item) => fromItem<Case>(item));
