// A purchase request's moves, made by the purchasing unit: ordered from a supplier, received, or
// cancelled. Each is a guarded write on the request's status and seq, with its history, its event and
// the stored Idempotency-Key answer in one transaction. A receipt also moves the order's stock check
// (guarded on its own seq): the check counts the requests received, and the last one clears the order's
// shortfall, so two receipts of one order at once cannot both miss that they were the last.
import { clockNow } from '../../shared/clock.js';
import { findById, transact } from '../../shared/db.js';
import { advance } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { byAssignee } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { catalogue } from '../event-table.js';
import {
  activePurchaseStatuses,
  checkPurchaseInput,
  type PurchaseAction,
  type PurchaseActionInput,
  type PurchaseStatus,
  purchaseLifecycle,
} from './domain/purchase-lifecycle.js';
import { erpKeys } from './keys.js';
import { type PurchaseRequest, purchaseRequests, purchaseSlaQueue, type StockCheck, stockChecks } from './stock.js';

export const purchaseRequestNamed = { en: 'The purchase request', tr: 'Satın alma talebi' };

/** Where a request is now, as a 409 tells it: the caller need not read it again to see what it may do. */
export const currentOf = (request: PurchaseRequest) => ({
  status: request.status,
  seq: request.seq,
  // No move is kept to a role (the route's scope and the unit decide), so any role lists them all.
  allowedMoves: purchaseLifecycle.movesFor(request.status, 'manager'),
});

const changed = (request: PurchaseRequest) =>
  new ConflictError(
    'purchase-request-changed',
    {
      en: `${purchaseRequestNamed.en} is ${request.status} at seq ${request.seq} now; reload it.`,
      tr: `${purchaseRequestNamed.tr} şu an "${purchaseLifecycle.tr.states[request.status]}" durumunda (${
        request.seq
      }. sürüm); yeniden yükleyin.`,
    },
    { current: currentOf(request) },
  );

/** The request by its id, as stored now (the index copy may lag: re-read by key). */
export const findPurchaseRequest = async (purchaseRequestId: string) => {
  const indexed = await findById(erpKeys.purchaseById(purchaseRequestId));
  if (!indexed) return undefined;
  const found = purchaseRequests.read(indexed);
  return purchaseRequests.get(purchaseRequests.key(found));
};

/** A unit's purchase requests that still need it (open, then ordered), oldest first in each. */
export const activePurchaseRequests = async (unitId: string, limit = 500) =>
  (
    await Promise.all(
      activePurchaseStatuses.map((status) =>
        queryAll(
          { index: byAssignee, partition: erpKeys.purchasesByUnitPartition(unitId, status), order: 'oldest' },
          limit,
        ),
      ),
    )
  )
    .flat()
    .map((item) => purchaseRequests.read(item));

export interface Mover {
  actorId: string;
}

const MAX_TRIES = 5;

/** The request after `action`: its new status and what the action records on it. */
const movedTo = (
  found: PurchaseRequest,
  action: PurchaseAction,
  to: PurchaseStatus,
  input: PurchaseActionInput,
  at: string,
) => {
  const recorded: Record<PurchaseAction, Partial<PurchaseRequest>> = {
    order: { supplierRef: input.supplierRef, expectedOn: input.expectedOn, orderedAt: at },
    receive: { receivedAt: at },
    cancel: { cancelledAt: at, cancelReason: input.reason },
  };
  return advance(found, { status: to, updatedAt: at, overdueAt: undefined, ...recorded[action] });
};

/** A receipt's move of the order's stock check: one more received, the shortfall cleared by the last. */
const receiptOfCheck = (check: StockCheck, purchaseRequestId: string, at: string) => {
  const received = [...new Set([...(check.receivedPurchaseIds ?? []), purchaseRequestId])];
  const all = check.purchaseRequestIds ?? [];
  const cleared = all.length > 0 && all.every((id) => received.includes(id));
  return advance(check, { receivedPurchaseIds: received, ...(cleared ? { shortfallClearedAt: at } : {}) });
};

/**
 * Moves a purchase request by `action` if it is still as read (`input.seq` when the caller sent the seq
 * it saw). Refusals are 409s carrying where the request is now; a receipt that lost only the race on
 * the order's stock check (another request of the order received at the same moment) tries again.
 */
export const actOnPurchaseRequest = async (
  read: PurchaseRequest,
  action: PurchaseAction,
  input: PurchaseActionInput,
  mover: Mover,
  record: Recorder,
  now = clockNow(),
) => {
  let found = read;
  for (let attempt = 1; ; attempt++) {
    if (input.seq !== undefined && input.seq !== found.seq) throw changed(found);
    let to: PurchaseStatus;
    try {
      to = purchaseLifecycle.apply(found.status, action);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new ConflictError(error.code, error.detail, { current: currentOf(found) });
    }
    checkPurchaseInput(action, input, istanbulDate(now));
    const after = movedTo(found, action, to, input, now.toISOString());
    const check =
      action === 'receive' ? await stockChecks.get(erpKeys.stockCheck(found.customerId, found.orderId)) : undefined;
    if (action === 'receive' && check?.status !== 'checked') {
      // A request is made only by a decided check: a missing one is a broken record, not a caller's error.
      throw new Error(`The stock check of order ${found.orderId} is missing`);
    }
    const checkAfter = check ? receiptOfCheck(check, found.purchaseRequestId, after.updatedAt) : undefined;
    const answer = { ...after, shortfallCleared: Boolean(checkAfter?.shortfallClearedAt) };
    const note = input.note ?? input.reason;
    const events = [
      outboxPut(
        catalogue.PurchaseRequestMoved,
        {
          orderId: found.orderId,
          customerId: found.customerId,
          purchaseRequestId: found.purchaseRequestId,
          unitId: found.unitId,
          from: found.status,
          to,
          action,
          actorId: mover.actorId,
        },
        now,
      ),
    ];
    if (checkAfter?.shortfallClearedAt && !check?.shortfallClearedAt) {
      events.push(
        outboxPut(catalogue.StockShortfallCleared, { orderId: found.orderId, customerId: found.customerId }, now),
      );
    }
    const items = [
      ...purchaseRequests.moveItems(found, after, {
        history: { actorId: mover.actorId, action, via: 'api', ...(note ? { note } : {}) },
        // Only an open request runs the SLA clock: any move ends it.
        dequeue: [purchaseSlaQueue.name],
        events,
      }),
      ...(check && checkAfter ? stockChecks.moveItems(check, checkAfter) : []),
      ...record(answer),
    ];
    if ((await transact(items)).ok) return answer;
    const stored = await purchaseRequests.get(purchaseRequests.key(found));
    if (!stored) throw new Error(`Purchase request ${found.purchaseRequestId} vanished while it was moved`);
    // The request itself moved on: that is the caller's answer. Else only the check was contended.
    if (stored.status !== found.status || stored.seq !== found.seq || attempt >= MAX_TRIES) throw changed(stored);
    found = stored;
  }
};
