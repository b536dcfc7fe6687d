// The call center's requests: recorded for a customer and sent to their dealer (the dealer made an
// owner of the customer, `RequestCreated` in the outbox, a quote request's draft quote and the stored
// Idempotency-Key answer all in ONE transaction), then moved along their lifecycle by the dealer.

import { addBusinessMinutes, officeHours, type WorkingHours } from '../../shared/business-hours.js';
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { getCustomer, ownershipItem } from '../../shared/customer.js';
import { type TransactItem, transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { advance, refuseStale } from '../../shared/entity.js';
import type { Role } from '../../shared/http.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, records, type Text } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, ProblemError, ValidationError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { sweep } from '../../shared/work-queue.js';
import { exportCatalogue, getProducts } from '../catalogue/public.js';
import { catalogue } from '../event-table.js';
import { getRoutingRules, loadUnits } from '../order-routing/public.js';
import { draftQuote } from '../quote-approval/public.js';
import { appointmentProblems } from './domain/appointment.js';
import { afterDecline, chooseDealer, dealersToLoad, type RequestFacts } from './domain/dealer-choice.js';
import type { CreateRequestInput, RequestActionInput } from './domain/request-input.js';
import { checkActionInput, type RequestAction, requestLifecycle } from './domain/request-lifecycle.js';
import type { OwnedCustomer } from './request-access.js';
import { acceptQueue, type CustomerRequest, type DraftQuoteOutcome, requests } from './request-store.js';

/** Business hours a dealer has to accept a request before it is reminded (REQUEST_ACCEPT_HOURS, default 4). */
export const acceptWithinHours = () => config.requestAcceptHours();

export interface Recorded {
  requestId: string;
  customerId: string;
  kind: CustomerRequest['kind'];
  status: 'open';
  seq: number;
  unitId: string;
  ruleId: string;
  fallback: boolean;
  appointmentAt?: string;
  draftQuote?: DraftQuoteOutcome;
}

/** The rep a quote request's draft belongs to: the customer's first owner (by id) who is a rep. */
const quoteOwnerOf = async (customer: OwnedCustomer) => {
  for (const ownerId of [...(customer.ownerIds ?? [])].sort()) {
    const user = await getUser(ownerId);
    if (user?.role === 'rep') return { userId: user.userId, teamId: user.teamId };
  }
  return undefined;
};

/** The first TRY price list (by id) valid today that prices the product. */
const defaultPriceList = async (sku: string, now: Date) => {
  const today = istanbulDate(now);
  const lists = await exportCatalogue('priceLists');
  return lists
    .filter(
      (list) =>
        list.currency === 'TRY' &&
        list.validFrom <= today &&
        today <= list.validTo &&
        list.prices.some((p) => p.sku === sku),
    )
    .sort((a, b) => a.id.localeCompare(b.id))[0]?.id;
};

/**
 * A quote request's draft quote for the customer's rep, priced by quote-approval's own creation path,
 * as writes for the request's transaction; or why there is none (no rep owns the customer, no price
 * list prices the product, the customer has no e-mail address…): the request goes to the dealer anyway.
 */
const draftFor = async (customer: OwnedCustomer, details: CreateRequestInput['details'], now: Date) => {
  const skipped = (reason: string) => ({
    outcome: { skipped: reason } as DraftQuoteOutcome,
    items: [] as TransactItem[],
  });
  const owner = await quoteOwnerOf(customer);
  if (!owner) return skipped('no-rep-owns-customer');
  const sku = details.sku!;
  const priceListId = details.priceListId ?? (await defaultPriceList(sku, now));
  if (!priceListId) return skipped('price-list-not-found');
  try {
    const { quote, items } = await draftQuote(
      {
        customerId: customer.customerId,
        priceListId,
        lines: [{ sku, quantity: details.quantity ?? 1, discountBp: 0 }],
      },
      owner,
      now,
    );
    return { outcome: { quoteId: quote.quoteId } as DraftQuoteOutcome, items };
  } catch (error) {
    if (error instanceof ProblemError && error.status === 422) return skipped(error.code);
    throw error;
  }
};

/** The rules, what they look at for this customer and request, and the dealers they may choose from. */
const routingInputs = async (
  customer: Pick<OwnedCustomer, 'city' | 'region' | 'preferredDealerId'> | undefined,
  kind: CustomerRequest['kind'],
  details: CreateRequestInput['details'],
) => {
  const productCategory = details.sku ? (await getProducts([details.sku])).get(details.sku)?.category : undefined;
  const rules = await getRoutingRules();
  if (!rules) throw new Error('No routing rules: load the default rules or PUT /routing-rules');
  const facts: RequestFacts = {
    kind,
    productCategory,
    city: customer?.city,
    region: customer?.region,
    preferredDealerId: customer?.preferredDealerId,
  };
  return { rules, facts, units: await loadUnits(dealersToLoad(rules, facts)) };
};

/** When a dealer should have accepted a request it gets now: so many of its business hours later. */
const acceptByFor = (unit: { hours?: WorkingHours } | undefined, now: Date) =>
  addBusinessMinutes(now, acceptWithinHours() * 60, unit?.hours ?? officeHours).toISOString();

/**
 * Records a request once per Idempotency-Key (the route runs it inside its `once`): chooses the
 * dealer, and writes the request, the dealer's ownership of the customer, `RequestCreated`, a quote
 * request's draft quote and the stored answer in one transaction, so racing duplicates leave one
 * request and one draft.
 */
export const recordRequest = async (
  customer: OwnedCustomer,
  input: CreateRequestInput,
  actorId: string,
  record: Recorder = noRecord,
  now = clockNow(),
): Promise<Recorded> => {
  const { kind, details } = input;
  const { rules, facts, units } = await routingInputs(customer, kind, details);
  const decision = chooseDealer(rules, facts, units, now);
  const dealer = units.get(decision.unitId);
  const appointmentAt = input.appointmentAt ? new Date(input.appointmentAt) : undefined;
  if (appointmentAt) {
    const problems = appointmentProblems(appointmentAt, dealer?.hours ?? officeHours, now);
    if (problems.length) throw new ValidationError(problems);
  }
  const acceptBy = acceptByFor(dealer, now);
  const draft = kind === 'quote' ? await draftFor(customer, details, now) : undefined;
  const at = now.toISOString();
  const request: CustomerRequest = {
    requestId: newId(),
    customerId: customer.customerId,
    kind,
    details,
    channel: input.channel,
    status: 'open',
    seq: 1,
    unitId: decision.unitId,
    routing: {
      ruleId: decision.ruleId,
      fallback: decision.fallback,
      skipped: decision.skipped,
      tried: [decision.unitId],
    },
    createdBy: actorId,
    acceptBy,
    ...(appointmentAt ? { appointmentAt: appointmentAt.toISOString() } : {}),
    draftQuote: draft?.outcome,
    createdAt: at,
    updatedAt: at,
  };
  const quoteId = draft && 'quoteId' in draft.outcome ? draft.outcome.quoteId : undefined;
  const answer: Recorded = {
    requestId: request.requestId,
    customerId: request.customerId,
    kind,
    status: 'open',
    seq: 1,
    unitId: decision.unitId,
    ruleId: decision.ruleId,
    fallback: decision.fallback,
    appointmentAt: request.appointmentAt,
    draftQuote: draft?.outcome,
  };
  const event = outboxPut(
    catalogue.RequestCreated,
    {
      requestId: request.requestId,
      customerId: request.customerId,
      kind,
      unitId: decision.unitId,
      ruleId: decision.ruleId,
      fallback: decision.fallback,
      actorId,
      quoteId,
    },
    now,
  );
  const saved = await transact(
    requests.createItems(request, {
      enqueue: [acceptQueue.at(request.requestId, acceptBy, { unitId: decision.unitId })],
      events: [event],
      also: [
        ownershipItem(customer.customerId, { unitId: decision.unitId }),
        ...(draft?.items ?? []),
        ...record(answer),
      ],
    }),
  );
  // The customer was erased meanwhile, or a duplicate with the same key won (its answer is replayed).
  if (!saved.ok) {
    throw new ConflictError('intake-contended', {
      en: 'The customer was changed by another request meanwhile; try again.',
      tr: 'Müşteri bu arada başka bir istekle değiştirildi; yeniden deneyin.',
    });
  }
  return answer;
};

export interface Mover {
  actorId: string;
  role: Role;
}

export interface Moved {
  requestId: string;
  status: CustomerRequest['status'];
  seq: number;
  /** The dealer it is with now: another one after a decline passed it on. */
  unitId: string;
  scheduledAt?: string;
  outcome?: CustomerRequest['outcome'];
}

const changed = (message: Text) => new ConflictError('request-changed', message);

const statusEvent = (
  found: CustomerRequest,
  to: CustomerRequest['status'],
  action: string,
  actorId: string,
  now: Date,
) =>
  outboxPut(
    catalogue.RequestStatusChanged,
    {
      requestId: found.requestId,
      customerId: found.customerId,
      unitId: found.unitId,
      from: found.status,
      to,
      action,
      actorId,
    },
    now,
  );

/**
 * A decline another dealer can take: the request is open again at that dealer, with a new acceptance
 * target in its hours, `RequestPassedOn` (its people are mailed) and the decline in the history.
 */
const passOn = async (found: CustomerRequest, input: RequestActionInput, mover: Mover, now: Date) => {
  const { rules, facts, units } = await routingInputs(await getCustomer(found.customerId), found.kind, found.details);
  const tried = found.routing.tried ?? [found.unitId];
  const next = afterDecline(rules, facts, units, tried, now);
  if (next.to === 'call-center') return undefined;
  const { decision } = next;
  const acceptBy = acceptByFor(units.get(decision.unitId), now);
  const after = advance(found, {
    status: 'open',
    unitId: decision.unitId,
    routing: {
      ruleId: decision.ruleId,
      fallback: false,
      skipped: decision.skipped,
      tried: [...tried, decision.unitId],
    },
    acceptBy,
    declineReason: input.reason,
    updatedAt: now.toISOString(),
  });
  const effects = {
    history: { actorId: mover.actorId, action: 'decline', via: 'api' as const, note: input.reason },
    enqueue: [acceptQueue.at(found.requestId, acceptBy, { unitId: decision.unitId })],
    events: [
      outboxPut(
        catalogue.RequestPassedOn,
        {
          requestId: found.requestId,
          customerId: found.customerId,
          fromUnitId: found.unitId,
          unitId: decision.unitId,
          ruleId: decision.ruleId,
          actorId: mover.actorId,
        },
        now,
      ),
    ],
  };
  return { after, effects };
};

/**
 * Moves a request by `action` if it is still as read: its history and its event in the same
 * transaction. A decline sends it on to the next dealer by the routing rules when one takes it, else
 * back to the call center (declined); either way one conditional write, so a retry moves nothing more.
 */
export const actOnRequest = async (
  found: CustomerRequest,
  action: RequestAction,
  input: RequestActionInput,
  mover: Mover,
  record: Recorder = noRecord,
  now = clockNow(),
): Promise<Moved> => {
  // A stale screen is told so before anything about what it sent.
  refuseStale(found, input.seq, 'request-changed', records.request);
  checkActionInput(action, input, now);
  const to = requestLifecycle.apply(found.status, action, mover.role);
  const passed = action === 'decline' ? await passOn(found, input, mover, now) : undefined;
  const after =
    passed?.after ??
    advance(found, {
      status: to,
      updatedAt: now.toISOString(),
      ...(input.at ? { scheduledAt: new Date(input.at).toISOString() } : {}),
      ...(input.reason ? { declineReason: input.reason } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
    });
  const answer: Moved = {
    requestId: found.requestId,
    status: after.status,
    seq: after.seq,
    unitId: after.unitId,
    scheduledAt: after.scheduledAt,
    outcome: after.outcome,
  };
  const note = input.reason ?? input.note;
  const moved = await requests.move(
    found,
    after,
    passed
      ? { ...passed.effects, also: record(answer) }
      : {
          history: { actorId: mover.actorId, action, via: 'api', ...(note ? { note } : {}) },
          // Any move takes it out of open, so the acceptance reminder is no longer owed.
          dequeue: [acceptQueue.name],
          events: [statusEvent(found, to, action, mover.actorId, now)],
          also: record(answer),
        },
  );
  if (!moved) throw changed(changedMeanwhile(records.request));
  return answer;
};

// ---- the acceptance reminder --------------------------------------------------------------------

const SWEEP_BATCH = 100;

/**
 * Open requests past their `acceptBy`: `RequestAcceptanceOverdue` once each (the dealer's people are
 * reminded), claimed with the placement so overlapping sweeps act once. Reads only what is due.
 */
export const remindUnaccepted = async (now = clockNow()) => {
  const { due, acted, dropped } = await sweep(acceptQueue, now, SWEEP_BATCH, async ({ entity }) => {
    const found = await requests.get(entity);
    if (found?.status !== 'open') return 'drop';
    const event = outboxPut(
      catalogue.RequestAcceptanceOverdue,
      { requestId: found.requestId, customerId: found.customerId, unitId: found.unitId, acceptBy: found.acceptBy },
      now,
    );
    return { writes: [requests.unchangedCheck(found), event] };
  });
  return { due, reminded: acted, dropped };
};
