// The order use cases: orders in (from an accepted quote, or from a shop, an ERP or the call center
// through POST /orders), routed to a unit by the rules, moved through their lifecycle by staff and
// units, and re-routed once when a unit lets its acknowledgement SLA pass.

import type { Viewer } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { getCustomer } from '../../shared/customer.js';
import type { Unit } from '../../shared/directory.js';
import { advance, type HistoryEntry, refuseStale } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { type IdempotencyScope, noRecord, once, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, records } from '../../shared/messages.js';
import { type Money, money, multiply, sum } from '../../shared/money.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { sweep } from '../../shared/work-queue.js';
import { convertOn, FxRateNotFoundError, getFxRates, getProducts } from '../catalogue/public.js';
import { takeIn } from '../customers/public.js';
import { catalogue } from '../event-table.js';
import type { Quote } from '../quote-approval/public.js';
import { ackDueAt, routedNote } from './domain/ack-deadline.js';
import { type OrderStatus, orderLifecycle } from './domain/lifecycle.js';
import type { OrderIntake, StatusChange } from './domain/order-input.js';
import { type OrderFacts, type RoutingDecision, route, unitsToLoad } from './domain/routing.js';
import {
  ackQueue,
  type Order,
  type OrderLine,
  type OrderRouting,
  openOrderCount,
  orders,
  saveOrderFromQuote,
} from './order-store.js';
import { getRoutingRules, loadUnits, type StoredRules } from './rules-store.js';

/** The category routing goes by: that of the line worth most whose product the catalogue knows. */
const withCategories = async <L extends OrderLine>(lines: L[]) => {
  const products = await getProducts(lines.map((line) => line.sku));
  const categorised = lines.map((line) => ({ ...line, category: products.get(line.sku)?.category }));
  const main = [...categorised].filter((line) => line.category).sort((a, b) => b.total.amount - a.total.amount)[0];
  return { lines: categorised, category: main?.category };
};

const createdEvent = (order: Order, now: Date) =>
  outboxPut(
    catalogue.OrderCreated,
    {
      orderId: order.orderId,
      quoteId: order.quoteId,
      quoteVersion: order.quoteVersion,
      channel: order.channel,
      customerId: order.customerId,
      ownerId: order.ownerId,
      currency: order.currency,
      lines: order.lines.map((l) => {
        const quoted = l as Partial<Quote['lines'][number]>;
        return {
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: l.unitPrice.amount,
          discount: quoted.discount?.amount ?? 0,
          net: quoted.net?.amount ?? l.total.amount,
          tax: quoted.tax?.amount ?? 0,
          total: l.total.amount,
        };
      }),
      totals: {
        subtotal: order.totals.subtotal?.amount ?? order.totals.grandTotal.amount,
        discountTotal: order.totals.discountTotal?.amount ?? 0,
        netTotal: order.totals.netTotal?.amount ?? order.totals.grandTotal.amount,
        taxTotal: order.totals.taxTotal?.amount ?? 0,
        grandTotal: order.totals.grandTotal.amount,
      },
      grandTotalTry: order.grandTotalTry?.amount ?? (order.currency === 'TRY' ? order.totals.grandTotal.amount : 0),
    },
    now,
  );

/** The total in TRY at the rate of the order's Istanbul day; unknown when the catalogue has no rate. */
const inTry = async (total: Money, now: Date) => {
  const date = istanbulDate(now);
  try {
    return convertOn(total, 'TRY', await getFxRates([total.currency], date), date);
  } catch (error) {
    if (error instanceof FxRateNotFoundError) return undefined;
    throw error;
  }
};

// ---- orders in --------------------------------------------------------------------------------

/** The order of an accepted quote: its id is the quote's, so it exists once whatever retries. */
export const orderFromQuote = async (quote: Quote, now = clockNow()) => {
  if (quote.status !== 'accepted' || quote.orderId) return undefined;
  const [customer, { category }] = await Promise.all([getCustomer(quote.customerId), withCategories(quote.lines)]);
  const at = now.toISOString();
  const order: Order = {
    orderId: quote.quoteId,
    quoteId: quote.quoteId,
    quoteVersion: quote.version,
    channel: 'quote',
    customerId: quote.customerId,
    ownerId: quote.ownerId,
    teamId: quote.teamId,
    status: 'received',
    seq: 1,
    currency: quote.currency,
    language: quote.language,
    lines: quote.lines,
    totals: quote.totals,
    grandTotalTry: quote.grandTotalTry,
    paymentPlan: quote.paymentPlan,
    contact: customer && {
      name: customer.name,
      company: customer.company,
      email: customer.email,
      phone: customer.phone,
    },
    city: customer?.city,
    region: customer?.region,
    category,
    preferredDealerId: customer?.preferredDealerId,
    createdAt: at,
    updatedAt: at,
  };
  return (await saveOrderFromQuote(quote, order, createdEvent(order, now))) ? order : undefined;
};

/** An order another module places for a known customer, its lines priced (by an agreement or a standing order). */
export interface PlacedOrder {
  orderId: string;
  customerId: string;
  /** Exactly one of the two: what placed it. */
  agreementId?: string;
  standingOrderId?: string;
  ownerId: string;
  teamId?: string;
  currency: string;
  lines: { sku: string; quantity: number; unitPrice: Money }[];
  requestedDate?: string;
}

/**
 * The writes that create such an order and its OrderCreated (routed from there like any order), for
 * the placing module's own transaction: the order is put only if its id is free, so the caller's
 * conditions and this one decide together whether it exists. Undefined when the customer is gone.
 */
export const placedOrderItems = async (placed: PlacedOrder, now = clockNow()) => {
  const customer = await getCustomer(placed.customerId);
  if (!customer) return undefined;
  const { lines, category } = await withCategories(
    placed.lines.map((l) => ({ ...l, total: multiply(l.unitPrice, l.quantity) })),
  );
  const grandTotal = sum(
    lines.map((l) => l.total),
    placed.currency,
  );
  const at = now.toISOString();
  const order: Order = {
    orderId: placed.orderId,
    customerId: placed.customerId,
    agreementId: placed.agreementId,
    standingOrderId: placed.standingOrderId,
    status: 'received',
    seq: 1,
    channel: placed.agreementId ? 'agreement' : 'standing-order',
    ownerId: placed.ownerId,
    teamId: placed.teamId,
    currency: placed.currency,
    language: customer.language ?? 'tr',
    lines,
    totals: { grandTotal },
    grandTotalTry: await inTry(grandTotal, now),
    contact: { name: customer.name, company: customer.company, email: customer.email, phone: customer.phone },
    city: customer.city,
    region: customer.region,
    category,
    preferredDealerId: customer.preferredDealerId,
    requestedDate: placed.requestedDate,
    createdAt: at,
    updatedAt: at,
  };
  return { order, items: orders.createItems(order, { events: [createdEvent(order, now)] }) };
};

export interface Received {
  orderId: string;
  customerId: string;
  status: 'received';
}

/**
 * An order from a shop, an ERP or the call center: the customer found by e-mail or phone, or
 * created, by the customers' intake; the order, its event and the stored answer in its transaction.
 * Matching grants nothing: neither the submitter nor the unit the order is routed to becomes an owner
 * of the customer, and the submitter keeps no rights to the order itself (see orderOwnership).
 */
export const intakeOrder = (
  intake: OrderIntake,
  actor: Actor,
  idempotencyKey: string,
  now = clockNow(),
): Promise<Received> => {
  const scope: IdempotencyScope = { route: 'POST /orders', caller: actor.keyId, key: idempotencyKey, request: intake };
  return once(scope, async (record) => {
    const currency = intake.lines[0]!.currency;
    const { lines, category } = await withCategories(
      intake.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: money(l.unitPrice, currency),
        total: multiply(money(l.unitPrice, currency), l.quantity),
      })),
    );
    const grandTotal = sum(
      lines.map((l) => l.total),
      currency,
    );
    const grandTotalTry = await inTry(grandTotal, now);
    const at = now.toISOString();
    const { customer, delivery } = intake;
    const person = { ...customer, city: delivery.city, region: delivery.region };
    return takeIn(
      {
        person,
        readProfile: true,
        work: ({ customerId, profile: known }) => {
          const order: Order = {
            orderId: newId(),
            customerId,
            status: 'received',
            seq: 1,
            channel: intake.channel,
            externalRef: intake.externalRef,
            ownerId: actor.userId,
            currency,
            language: known?.language ?? customer.language,
            lines,
            totals: { grandTotal },
            grandTotalTry,
            delivery,
            // What the submitter gave, not the matched profile's: the unit learns nothing more of the customer.
            contact: { name: customer.name, company: customer.company, email: customer.email, phone: customer.phone },
            city: delivery.city,
            region: delivery.region,
            category,
            preferredDealerId: known?.preferredDealerId ?? customer.preferredDealerId,
            requestedDate: intake.requestedDate,
            createdAt: at,
            updatedAt: at,
          };
          const answer: Received = { orderId: order.orderId, customerId, status: 'received' };
          return {
            items: [...orders.createItems(order, { events: [createdEvent(order, now)] }), ...record(answer)],
            answer,
          };
        },
      },
      now,
    );
  });
};

// ---- routing ------------------------------------------------------------------------------------

const factsOf = (order: Order): OrderFacts => ({
  city: order.city,
  region: order.region,
  category: order.category,
  preferredDealerId: order.preferredDealerId,
});

/** The rules, the units they name and the open-order counts of those with a capacity, then the decision. */
const decide = async (order: Order, now: Date, tried: string[] = []) => {
  const rules = await getRoutingRules();
  if (!rules) throw new Error('No routing rules: load the default rules or PUT /routing-rules');
  const units = await loadUnits(unitsToLoad(rules, factsOf(order)));
  const counts = await Promise.all(
    [...units.values()]
      .filter((unit) => unit.capacity !== undefined)
      .map(async (unit) => [unit.unitId, await openOrderCount(unit.unitId, unit.capacity!)] as const),
  );
  const decision = route(rules, factsOf(order), { units, openOrders: new Map(counts), now, tried });
  return { rules, decision, unit: units.get(decision.unitId) };
};

/** Whether the routing can still be re-routed: once, and never away from the fallback queue. */
const reroutable = (decision: RoutingDecision, step: number) => !decision.fallback && step === 1;

const routingOf = (
  decision: RoutingDecision,
  rules: StoredRules,
  unit: Unit | undefined,
  step: number,
  tried: string[],
  now: Date,
): OrderRouting => ({
  unitId: decision.unitId,
  ruleId: decision.ruleId,
  fallback: decision.fallback,
  step,
  skipped: decision.skipped,
  rulesSeq: rules.seq,
  routedAt: now.toISOString(),
  ackDueAt:
    reroutable(decision, step) && unit?.ackSlaMinutes !== undefined ? ackDueAt(unit, now).toISOString() : undefined,
  tried: [...tried, decision.unitId],
});

const system = (action: string, via: HistoryEntry['via'], note?: string): HistoryEntry => ({
  actorId: 'system',
  action,
  via,
  note,
});

/** Routes a received order (on OrderCreated). Idempotent by its move: a routed order is left alone. */
export const routeOrder = async (order: Order, now = clockNow()) => {
  if (order.status !== 'received') return undefined;
  const { rules, decision, unit } = await decide(order, now);
  const routing = routingOf(decision, rules, unit, 1, [], now);
  const after = advance(order, {
    status: 'routed' as const,
    routing,
    unitId: decision.unitId,
    updatedAt: now.toISOString(),
  });
  const moved = await orders.move(order, after, {
    history: system('route', 'event', routedNote(decision.ruleId, decision.unitId, routing.ackDueAt)),
    enqueue: routing.ackDueAt
      ? [ackQueue.at(order.orderId, routing.ackDueAt, { step: 1, unitId: decision.unitId })]
      : [],
    events: [
      outboxPut(
        catalogue.OrderRouted,
        {
          orderId: order.orderId,
          customerId: order.customerId,
          unitId: decision.unitId,
          ruleId: decision.ruleId,
          fallback: decision.fallback,
          step: 1,
          rulesSeq: rules.seq,
          skipped: decision.skipped.length,
        },
        now,
      ),
    ],
  });
  return moved ? after : undefined;
};

/**
 * The SLA sweep: each routed order its unit has not acknowledged in time goes, once, to the next
 * eligible unit, or to the fallback queue when none is left. Reads only what is due.
 */
export const rerouteOverdue = (now = clockNow(), limit = 100) =>
  sweep(ackQueue, now, limit, async (entry) => {
    const order = await orders.get(entry.entity);
    if (order?.status !== 'routed' || order.routing?.step !== entry.data.step) return 'drop';
    const previous = order.routing;
    const { rules, decision, unit } = await decide(order, now, previous.tried);
    const routing = {
      ...routingOf(decision, rules, unit, previous.step + 1, previous.tried, now),
      reroutedBecause: 'ack-sla-missed' as const,
    };
    const after = advance(order, { routing, unitId: decision.unitId, updatedAt: now.toISOString() });
    return {
      writes: orders.moveItems(order, after, {
        history: system(
          'reroute',
          'sweep',
          `acknowledgement SLA missed by ${previous.unitId}; ${routedNote(decision.ruleId, decision.unitId, routing.ackDueAt)}`,
        ),
        dequeue: [ackQueue.name],
        events: [
          outboxPut(
            catalogue.OrderRerouted,
            {
              orderId: order.orderId,
              customerId: order.customerId,
              fromUnitId: previous.unitId,
              unitId: decision.unitId,
              ruleId: decision.ruleId,
              fallback: decision.fallback,
              step: routing.step,
              reason: 'ack-sla-missed',
            },
            now,
          ),
        ],
      }),
    };
  });

// ---- moves by staff and units -------------------------------------------------------------------

export interface Mover {
  actorId: string;
  role?: Actor['role'];
  via: 'api' | 'link';
}

/**
 * Moves the order to `change.status` if its lifecycle allows (409 `illegal-transition` naming what
 * is allowed), as a guarded write with one history item, its event, and its leaving the SLA queue.
 */
export const changeStatus = async (
  order: Order,
  change: StatusChange,
  mover: Mover,
  record: Recorder = noRecord,
  now = clockNow(),
): Promise<Order> => {
  refuseStale(order, change.seq, 'order-changed', records.order);
  const action = orderLifecycle.actionTo(order.status, change.status);
  const to: OrderStatus = orderLifecycle.apply(order.status, action, mover.role);
  const after = advance(order, {
    status: to,
    updatedAt: now.toISOString(),
    ...(to === 'acknowledged' ? { acknowledgedAt: now.toISOString() } : {}),
  });
  const moved = await orders.move(order, after, {
    history: { actorId: mover.actorId, action, via: mover.via, note: change.note },
    dequeue: [ackQueue.name],
    events: [
      outboxPut(
        catalogue.OrderStatusChanged,
        {
          orderId: order.orderId,
          customerId: order.customerId,
          from: order.status,
          to,
          actorId: mover.actorId,
          via: mover.via,
          unitId: order.unitId,
        },
        now,
      ),
    ],
    also: record(after),
  });
  if (!moved) throw new ConflictError('order-changed', changedMeanwhile(records.order));
  return after;
};

/** A viewer's move: who they are for the history, and their role for the lifecycle's role checks. */
export const moverOf = (viewer: Viewer): Mover => ({
  actorId: viewer.actor.userId,
  role: viewer.actor.role,
  via: 'api',
});
