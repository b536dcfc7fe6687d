// Requests in the one table: each beside its customer (`REQUEST#<id>` in the customer's partition)
// with its history; a dealer's requests by status (gsi1), every request by status (gsi2, sharded),
// and by id (gsi3).

import { readFollowingMerge } from '../../shared/customer.js';
import { findById } from '../../shared/db.js';
import { defineEntity, fromItem } from '../../shared/entity.js';
import { type Filter, queryPage } from '../../shared/query.js';
import { byAssignee, byState, keys } from '../../shared/table.js';
import { defineDueQueue } from '../../shared/work-queue.js';
import type { Skipped } from '../order-routing/public.js';
import type { ContactChannel, CreateRequestInput, RequestKind, RequestOutcome } from './domain/request-input.js';
import { activeRequestStatuses, type RequestStatus } from './domain/request-lifecycle.js';
import { callCenterKeys } from './keys.js';

/** What a quote request did about its draft quote: made it, or why not. */
export type DraftQuoteOutcome = { quoteId: string } | { skipped: string };

export interface CustomerRequest {
  requestId: string;
  customerId: string;
  kind: RequestKind;
  details: CreateRequestInput['details'];
  channel: ContactChannel;
  status: RequestStatus;
  seq: number;
  /** The dealer it went to (or the fallback unit), the rule that chose it and the candidates passed over. */
  unitId: string;
  /** `tried`: every dealer it was sent to, in order (absent on requests recorded before declines passed them on). */
  routing: { ruleId: string; fallback: boolean; skipped: Skipped[]; tried?: string[] };
  /** The agent who recorded it. */
  createdBy: string;
  /** When the dealer should have accepted it by (business hours); a reminder goes out then. */
  acceptBy: string;
  /** The time booked with the customer (inside the dealer's hours when booked), ISO UTC. */
  appointmentAt?: string;
  scheduledAt?: string;
  declineReason?: string;
  /** What came of it, as the dealer reported when done. */
  outcome?: RequestOutcome;
  draftQuote?: DraftQuoteOutcome;
  createdAt: string;
  updatedAt: string;
}

export const requests = defineEntity<CustomerRequest>({
  type: 'request',
  key: (r) => callCenterKeys.request(r.customerId, r.requestId),
  number: (r) => ({ kind: 'request', id: r.requestId, customerId: r.customerId }),
  indexes: (r) => ({
    ...callCenterKeys.requestById(r.requestId),
    ...callCenterKeys.requestsByUnit(r.unitId, r.status, r.createdAt, r.requestId),
    ...callCenterKeys.requestsByStatus(r.status, r.createdAt, r.requestId),
  }),
});

/** Open requests by the instant their dealer should have accepted them. */
export const acceptQueue = defineDueQueue<{ unitId: string }>('request-accept');

export const findRequest = async (requestId: string): Promise<CustomerRequest | undefined> => {
  const item = await findById(callCenterKeys.requestById(requestId));
  return item ? fromItem<CustomerRequest>(item) : undefined;
};

/** The request as stored now (strongly consistent), for a guarded move; also when its customer was merged since the id was learned. */
export const getRequest = (customerId: string, requestId: string) =>
  readFollowingMerge(customerId, (id) => requests.get(callCenterKeys.request(id, requestId)));

export const getRequestHistory = (r: CustomerRequest) => requests.history<RequestStatus>(r);

export interface RequestQuery {
  status?: RequestStatus;
  /** One dealer's requests: its index partitions. */
  unitId?: string;
  /** One customer's requests: their partition. */
  customerId?: string;
  /** Only those this agent recorded. */
  createdBy?: string;
  limit: number;
  cursor?: string;
}

/**
 * A dealer's requests from its index partitions, a customer's from their partition, everyone's from
 * the status partitions; newest first, the active statuses unless one is named. What the partition
 * does not key on (the customer, the agent, the status in a customer's partition) is a filter.
 */
export const listRequests = async (query: RequestQuery) => {
  const statuses = query.status ? [query.status] : activeRequestStatuses;
  const conditions: string[] = [];
  const filter: Required<Filter> = { expression: '', names: {}, values: {} };
  const where = (condition: string, values: Record<string, unknown>, names: Record<string, string> = {}) => {
    conditions.push(condition);
    Object.assign(filter.values, values);
    Object.assign(filter.names, names);
  };
  const byUnit = query.unitId !== undefined;
  const byCustomer = !byUnit && query.customerId !== undefined;
  if (byCustomer) {
    // The partition holds the customer's other records and the requests' history too.
    where('#type = :request', { ':request': requests.type }, { '#type': 'type' });
    where(
      `#status IN (${statuses.map((_, i) => `:status${i}`).join(', ')})`,
      Object.fromEntries(statuses.map((s, i) => [`:status${i}`, s])),
      {
        '#status': 'status',
      },
    );
  } else if (query.customerId) where('customerId = :customer', { ':customer': query.customerId });
  if (query.createdBy) where('createdBy = :agent', { ':agent': query.createdBy });
  filter.expression = conditions.join(' AND ');
  const page = await queryPage({
    ...(byUnit
      ? { index: byAssignee, partition: statuses.map((s) => callCenterKeys.requestsByUnitPartition(query.unitId!, s)) }
      : byCustomer
        ? { partition: keys.customerPartition(query.customerId!), range: { prefix: callCenterKeys.requestsPrefix() } }
        : { index: byState, partition: statuses.flatMap((s) => callCenterKeys.requestsByStatusPartitions(s)) }),
    limit: query.limit,
    cursor: query.cursor,
    filter: conditions.length ? filter : undefined,
  });
  return { requests: page.items.map((item) => fromItem<CustomerRequest>(item)), next: page.next };
};
