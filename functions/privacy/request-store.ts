// The record of every access and erasure request: who asked about which customer, through which
// route, when, and what came of it. Written with putNew (a request is recorded once, never changed);
// kept outside the customer's partition, so erasing the person keeps the proof that they were erased.
import { putNew, type TransactItem } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { queryPage } from '../../shared/query.js';
import { byState } from '../../shared/table.js';
import { privacyKeys } from './keys.js';

export interface PrivacyRequest {
  requestId: string;
  kind: 'access' | 'erasure';
  customerId: string;
  /** The staff member who asked, and the route they asked through. */
  actorId: string;
  route: string;
  at: string;
  /** What came of it: items exported, or deleted, kept anonymised, kept as they were. */
  counts: Record<string, number>;
}

/**
 * Writes that belong with a request's record (the subject request it closes, given the record's id):
 * all or none; `refused` is the error when one of their conditions fails.
 */
export interface WrittenWith {
  items: TransactItem[];
  refused: () => Error;
}

export const requestItem = (request: PrivacyRequest): TransactItem =>
  putNew({
    ...privacyKeys.privacyRequest(request.requestId),
    ...privacyKeys.privacyRequestList(request.at, request.requestId),
    type: 'privacy-request',
    ...request,
  });

/** The requests, newest first. */
export const listRequests = async (limit: number, cursor?: string) => {
  const page = await queryPage({
    index: byState,
    partition: privacyKeys.privacyRequestListPartition(),
    order: 'newest',
    limit,
    cursor,
  });
  return { items: page.items.map((item) => fromItem<PrivacyRequest>(item)), nextCursor: page.next };
};
