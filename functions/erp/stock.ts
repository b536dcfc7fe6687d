// Stock through the firm's ERP: an order's lines checked once when the order is created (its
// confirmation), what the ERP can fill reserved there, and each shortfall a purchase request routed to
// the purchasing unit with its own SLA. When the ERP does not answer, the check waits as `pending` in a
// due-time queue and a sweep asks again; it is decided once, never on a guess. Every write is guarded:
// the check is put only if absent or moved only from the state it was read in, and each purchase request
// (one per order and product) only if absent, so a redelivered event or overlapping sweeps decide once.
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { type TransactItem, transact } from '../../shared/db.js';
import { advance, defineEntity } from '../../shared/entity.js';
import { newId } from '../../shared/ids.js';
import { outboxPut } from '../../shared/outbox.js';
import { queryAll } from '../../shared/query.js';
import { byAssignee } from '../../shared/table.js';
import { defineDueQueue, sweep } from '../../shared/work-queue.js';
import { catalogue } from '../event-table.js';
import { getRoutingRules, loadUnits } from '../order-routing/public.js';
import type { PurchaseStatus } from './domain/purchase-lifecycle.js';
import { type LineStock, nextStockTry, purchaseDueAt, stockPlan, toPurchase, toReserve } from './domain/stock.js';
import { configuredErp, type ErpAdapter, ErpUnavailableError } from './erp-adapter.js';
import { erpKeys } from './keys.js';

export interface StockCheck {
  orderId: string;
  customerId: string;
  /** `pending`: the ERP has not answered yet; `checked`: decided, once. */
  status: 'pending' | 'checked';
  seq: number;
  /** The order's lines as the check asks about them. */
  lines: { sku: string; quantity: number }[];
  attempts: number;
  lastTriedAt: string;
  /** Why the last try got no answer (while pending). */
  lastError?: string;
  /** Per product, once checked. */
  stock?: LineStock[];
  purchaseRequestIds?: string[];
  /** The purchase requests received so far; when they are all of them, the shortfall is cleared. */
  receivedPurchaseIds?: string[];
  shortfallClearedAt?: string;
  createdAt: string;
  checkedAt?: string;
}

export interface PurchaseRequest {
  purchaseRequestId: string;
  orderId: string;
  customerId: string;
  sku: string;
  /** The shortfall to buy in. */
  quantity: number;
  /** What the order asked for, and what the ERP could promise of it. */
  ordered: number;
  available: number;
  status: PurchaseStatus;
  seq: number;
  /** The purchasing unit, or the routing rules' fallback queue when the directory has no such unit. */
  unitId: string;
  fallback: boolean;
  requestedAt: string;
  dueAt: string;
  /** When the SLA sweep found it still open past its due time (cleared when it leaves open). */
  overdueAt?: string;
  /** Once ordered: the supplier's reference and the day they expect to deliver (Istanbul). */
  supplierRef?: string;
  expectedOn?: string;
  orderedAt?: string;
  receivedAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  updatedAt: string;
}

export const stockChecks = defineEntity<StockCheck>({
  type: 'erp-stock-check',
  key: (c) => erpKeys.stockCheck(c.customerId, c.orderId),
});

export const purchaseRequests = defineEntity<PurchaseRequest>({
  type: 'purchase-request',
  key: (p) => erpKeys.purchaseRequest(p.customerId, p.orderId, p.sku),
  indexes: (p) => ({
    ...erpKeys.purchaseById(p.purchaseRequestId),
    ...erpKeys.purchasesByUnit(p.unitId, p.status, p.requestedAt, p.purchaseRequestId),
  }),
});

/** Checks the ERP did not answer, by when to ask again. */
export const stockRetryQueue = defineDueQueue<{ attempt: number }>('erp-stock-retry');
/** Open purchase requests, by when their SLA runs out. */
export const purchaseSlaQueue = defineDueQueue<{ unitId: string }>('purchase-sla');

/** Where purchase requests go now: the purchasing unit, or the routing rules' fallback queue. */
const purchasingUnit = async () => {
  const unitId = config.purchasingUnitId();
  const unit = (await loadUnits([unitId])).get(unitId);
  if (unit) return { unitId, fallback: false, hours: unit.hours };
  const rules = await getRoutingRules();
  if (!rules) throw new Error('No purchasing unit and no routing rules: load the default rules or add the unit');
  const fallback = (await loadUnits([rules.fallbackUnitId])).get(rules.fallbackUnitId);
  return { unitId: rules.fallbackUnitId, fallback: true, hours: fallback?.hours };
};

/** The purchase requests of a decided check, with their SLA placements and events. */
const purchaseItems = async (check: StockCheck, plan: LineStock[], now: Date) => {
  const short = toPurchase(plan);
  if (!short.length) return { ids: [], items: [] as TransactItem[] };
  const unit = await purchasingUnit();
  const at = now.toISOString();
  const dueAt = purchaseDueAt(unit.hours, now).toISOString();
  const requests = short.map(
    (line): PurchaseRequest => ({
      purchaseRequestId: newId(),
      orderId: check.orderId,
      customerId: check.customerId,
      sku: line.sku,
      quantity: line.purchase,
      ordered: line.quantity,
      available: line.available ?? 0,
      status: 'open',
      seq: 1,
      unitId: unit.unitId,
      fallback: unit.fallback,
      requestedAt: at,
      dueAt,
      updatedAt: at,
    }),
  );
  return {
    ids: requests.map((r) => r.purchaseRequestId),
    items: requests.flatMap((request) =>
      purchaseRequests.createItems(request, {
        enqueue: [purchaseSlaQueue.at(request.purchaseRequestId, dueAt, { unitId: unit.unitId })],
        events: [
          outboxPut(
            catalogue.PurchaseRequested,
            {
              orderId: request.orderId,
              customerId: request.customerId,
              purchaseRequestId: request.purchaseRequestId,
              sku: request.sku,
              quantity: request.quantity,
              unitId: request.unitId,
              fallback: request.fallback,
              dueAt,
            },
            now,
          ),
        ],
      }),
    ),
  };
};

type Attempt = { outcome: 'checked' | 'waiting'; after: StockCheck; writes: (before?: StockCheck) => TransactItem[] };

/**
 * Asks the ERP about the check's lines and reserves what it can fill (the reservation is the order's
 * id, so asking again reserves nothing twice). The writes are the decided check with its purchase
 * requests, or the check still pending with its next try; `before` absent: the check is new.
 */
const attempt = async (check: StockCheck, erp: ErpAdapter, now: Date): Promise<Attempt> => {
  const at = now.toISOString();
  const tried = { attempts: check.attempts + 1, lastTriedAt: at };
  const write = (after: StockCheck, effects: Parameters<typeof stockChecks.moveItems>[2]) => (before?: StockCheck) =>
    before ? stockChecks.moveItems(before, after, effects) : stockChecks.createItems(after, effects);
  try {
    const plan = stockPlan(check.lines, await erp.available(check.lines.map((line) => line.sku)));
    const reserve = toReserve(plan);
    if (reserve.length) await erp.reserve({ reservationId: check.orderId, lines: reserve });
    const purchases = await purchaseItems(check, plan, now);
    const after: StockCheck = {
      ...advance(check, { status: 'checked', ...tried, stock: plan, purchaseRequestIds: purchases.ids, checkedAt: at }),
      lastError: undefined,
    };
    const event = outboxPut(
      catalogue.StockChecked,
      {
        orderId: check.orderId,
        customerId: check.customerId,
        reserved: reserve.length,
        purchaseRequests: purchases.ids.length,
        attempts: after.attempts,
      },
      now,
    );
    return {
      outcome: 'checked',
      after,
      writes: write(after, { dequeue: [stockRetryQueue.name], events: [event], also: purchases.items }),
    };
  } catch (error) {
    if (!(error instanceof ErpUnavailableError)) throw error;
    const after = advance(check, { ...tried, lastError: error.message });
    const retry = stockRetryQueue.at(check.orderId, nextStockTry(now).toISOString(), { attempt: after.attempts });
    return { outcome: 'waiting', after, writes: write(after, { enqueue: [retry] }) };
  }
};

export type CheckOutcome = 'off' | 'exists' | 'checked' | 'waiting';

/**
 * On OrderCreated: the order's stock checked once. A redelivered event (or a retried confirmation)
 * finds the check there and changes nothing; two deliveries at once both ask, and only one check is put.
 */
export const checkOrderStock = async (
  order: { orderId: string; customerId: string; lines: readonly { sku: string; quantity: number }[] },
  now = clockNow(),
  erp = configuredErp(),
): Promise<CheckOutcome> => {
  if (!erp) return 'off';
  const key = erpKeys.stockCheck(order.customerId, order.orderId);
  if (await stockChecks.get(key)) return 'exists';
  const fresh: StockCheck = {
    orderId: order.orderId,
    customerId: order.customerId,
    status: 'pending',
    seq: 0,
    lines: order.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    attempts: 0,
    lastTriedAt: now.toISOString(),
    createdAt: now.toISOString(),
  };
  const tried = await attempt(fresh, erp, now);
  return (await transact(tried.writes())).ok ? tried.outcome : 'exists';
};

/**
 * The retry sweep: each pending check whose next try is due asks the ERP again. Once the ERP fails to
 * answer in a run, the rest wait for the next run rather than each waiting out its own timeout.
 */
export const retryPendingStock = async (now = clockNow(), limit = 100, erp = configuredErp()) => {
  if (!erp) return { due: 0, acted: 0, dropped: 0, checked: 0, waiting: 0 };
  let erpDown = false;
  const outcomes = { checked: 0, waiting: 0 };
  const result = await sweep(stockRetryQueue, now, limit, async (entry) => {
    const check = await stockChecks.get(entry.entity);
    if (check?.status !== 'pending') return 'drop';
    if (erpDown) return 'later';
    const tried = await attempt(check, erp, now);
    if (tried.outcome === 'waiting') erpDown = true;
    outcomes[tried.outcome]++;
    return { writes: tried.writes(check) };
  });
  return { ...result, ...outcomes };
};

/** The SLA sweep: an open purchase request past its due time is marked overdue and announced, once. */
export const markOverduePurchases = (now = clockNow(), limit = 100) =>
  sweep(purchaseSlaQueue, now, limit, async (entry) => {
    const request = await purchaseRequests.get(entry.entity);
    if (request?.status !== 'open' || request.overdueAt) return 'drop';
    const after = advance(request, { overdueAt: now.toISOString(), updatedAt: now.toISOString() });
    return {
      writes: purchaseRequests.moveItems(request, after, {
        history: { actorId: 'system', action: 'sla-missed', via: 'sweep' },
        dequeue: [purchaseSlaQueue.name],
        events: [
          outboxPut(
            catalogue.PurchaseRequestOverdue,
            {
              orderId: request.orderId,
              customerId: request.customerId,
              purchaseRequestId: request.purchaseRequestId,
              unitId: request.unitId,
              dueAt: request.dueAt,
            },
            now,
          ),
        ],
      }),
    };
  });

export const getStockCheck = (customerId: string, orderId: string) =>
  stockChecks.get(erpKeys.stockCheck(customerId, orderId));

/** An order's purchase requests, as stored now. */
export const purchaseRequestsOf = async (customerId: string, orderId: string) =>
  (
    await queryAll({
      partition: erpKeys.stockCheck(customerId, orderId).pk,
      range: { prefix: erpKeys.purchasesOfOrderPrefix(orderId) },
      consistent: true,
    })
  )
    // Their queue placements share the prefix.
    .filter((item) => item.type === purchaseRequests.type)
    .map((item) => purchaseRequests.read(item));

/** A unit's open purchase requests, oldest first. */
export const openPurchaseRequests = async (unitId: string, limit = 500) =>
  (
    await queryAll(
      { index: byAssignee, partition: erpKeys.purchasesByUnitPartition(unitId, 'open'), order: 'oldest' },
      limit,
    )
  ).map((item) => purchaseRequests.read(item));
