// The opportunity use cases: open one (staff, or a converted lead exactly once), change its figures,
// move it along its stages, attach quotes (recorded on both sides in one transaction), win it once
// when an attached quote is accepted or ordered, and the pipeline by reach.

import { clockNow } from '../../shared/clock.js';
import { readFollowingMerge } from '../../shared/customer.js';
import { putNew, type TransactItem, transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { advance, type HistoryEntry, refuseStale } from '../../shared/entity.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, justProcessed, records, type Text } from '../../shared/messages.js';
import type { Money } from '../../shared/money.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { DAY_MS, istanbulDate } from '../../shared/time.js';
import { catalogue, type EventDetail } from '../event-table.js';
import { getLeadByKey } from '../lead-capture/public.js';
import { getQuote, type Quote, quoteAttachedItems } from '../quote-approval/public.js';
import {
  defaultProbability,
  isOpen,
  lostReasonOf,
  type OpenStage,
  probabilityAfterMove,
  refuseClosed,
  type Stage,
  type StageAction,
  targetOf,
} from './domain/stages.js';
import { opportunitiesKeys } from './keys.js';
import { getOpportunity, type Opportunity, opportunities } from './opportunity-store.js';

/** How far ahead a new opportunity is expected to close when nobody says. */
const DEFAULT_CLOSE_DAYS = 30;
/** A consumer re-reads and tries again this often when a person changed the opportunity meanwhile. */
const ATTEMPTS = 3;

export class OpportunityChangedError extends ConflictError {
  constructor(message: Text = changedMeanwhile(records.opportunity)) {
    super('opportunity-changed', message);
  }
}

export const refuseStaleOpportunity = (o: Opportunity, seq: number | undefined) => {
  refuseStale(o, seq, 'opportunity-changed', records.opportunity);
};

/** Who makes a change: for the history, and the stored answer of the request that makes it. */
export interface Who {
  actorId: string;
  via: 'api' | 'event';
  record?: Recorder;
}

const ref = (o: Opportunity) => ({ opportunityId: o.opportunityId, customerId: o.customerId, ownerId: o.ownerId });

const openedEvent = (o: Opportunity, now: Date) =>
  outboxPut(
    catalogue.OpportunityOpened,
    { ...ref(o), stage: o.status, amount: o.amount.amount, currency: o.amount.currency, leadId: o.leadId },
    now,
  );

const stageEvent = (before: Opportunity, after: Opportunity, who: Who, now: Date) =>
  outboxPut(
    catalogue.OpportunityStageChanged,
    {
      ...ref(after),
      from: before.status,
      to: after.status,
      amount: after.amount.amount,
      currency: after.amount.currency,
      probability: after.probability,
      actorId: who.actorId,
      via: who.via,
      quoteId: after.wonQuoteId,
    },
    now,
  );

const history = (who: Who, action: string, note?: string): HistoryEntry => ({
  actorId: who.actorId,
  action,
  via: who.via,
  ...(note ? { note } : {}),
});

const defaultCloseDate = (now: Date) => istanbulDate(new Date(now.getTime() + DEFAULT_CLOSE_DAYS * DAY_MS));

export interface OpenInput {
  customerId: string;
  name: string;
  amount: Money;
  stage?: OpenStage;
  probability?: number;
  expectedCloseDate?: string;
}

const newOpportunity = (
  input: OpenInput & { ownerId: string; teamId?: string; leadId?: string },
  now: Date,
): Opportunity => {
  const at = now.toISOString();
  const stage = input.stage ?? 'prospecting';
  return {
    opportunityId: newId(),
    customerId: input.customerId,
    name: input.name,
    amount: input.amount,
    status: stage,
    seq: 1,
    probability: input.probability ?? defaultProbability[stage],
    ...(input.probability !== undefined ? { probabilitySet: true } : {}),
    expectedCloseDate: input.expectedCloseDate ?? defaultCloseDate(now),
    ownerId: input.ownerId,
    teamId: input.teamId,
    leadId: input.leadId,
    quoteIds: [],
    createdAt: at,
    updatedAt: at,
  };
};

/** Staff open an opportunity for a customer they may see (the handler checks), once per Idempotency-Key. */
export const openOpportunity = async (
  input: OpenInput,
  owner: { userId: string; teamId?: string },
  now = clockNow(),
  record: Recorder = noRecord,
) => {
  const o = newOpportunity({ ...input, ownerId: owner.userId, teamId: owner.teamId }, now);
  const saved = await transact([...opportunities.createItems(o, { events: [openedEvent(o, now)] }), ...record(o)]);
  // Only the stored answer can have stopped it: a duplicate with the same key got there first.
  if (!saved.ok) throw new ConflictError('request-in-progress', justProcessed);
  return o;
};

/**
 * On a lead converted: its customer's opportunity, owned by the lead's owner (or whoever converted
 * it, when the lead sat with a dealer or a queue). The marker keyed by the lead id is put only if
 * absent in the same transaction, so a redelivered event, or two racing, make one opportunity.
 */
export const openFromLead = async (
  changed: EventDetail<'LeadStatusChanged'>,
  now = clockNow(),
): Promise<'opened' | 'exists' | 'no-lead'> => {
  const lead = await readFollowingMerge(changed.customerId, (id) => getLeadByKey(id, changed.leadId));
  if (!lead) return 'no-lead';
  const ownerId = lead.owner?.type === 'user' ? lead.owner.id : changed.actorId;
  const teamId =
    lead.owner?.type === 'user' && lead.owner.teamId ? lead.owner.teamId : (await getUser(ownerId))?.teamId;
  const subject = lead.company ?? lead.name;
  const o = newOpportunity(
    {
      customerId: lead.customerId,
      name: lead.productInterest ? `${subject}: ${lead.productInterest}` : subject,
      // What the lead is worth is not known yet: the owner sets it as the needs become clear.
      amount: { amount: 0, currency: 'TRY' },
      ownerId,
      teamId,
      leadId: lead.leadId,
    },
    now,
  );
  const marker = putNew({
    ...opportunitiesKeys.opportunityFromLead(lead.customerId, lead.leadId),
    type: 'opportunity-source',
    leadId: lead.leadId,
    opportunityId: o.opportunityId,
    createdAt: o.createdAt,
  });
  const saved = await transact([marker, ...opportunities.createItems(o, { events: [openedEvent(o, now)] })]);
  return saved.ok ? 'opened' : 'exists';
};

// ---- changes by staff ---------------------------------------------------------------------------------

export interface OpportunityPatch {
  seq?: number;
  name?: string;
  amount?: Money;
  /** `null`: back to the stage's default. */
  probability?: number | null;
  expectedCloseDate?: string;
}

const save = async (
  before: Opportunity,
  after: Opportunity,
  writes: { history: HistoryEntry; events?: TransactItem[]; also?: TransactItem[] },
) => {
  if (!(await opportunities.move(before, after, writes))) throw new OpportunityChangedError();
  return after;
};

/** Name, amount, probability, expected close: guarded by seq like every change. A closed sale keeps its figures. */
export const updateOpportunity = async (o: Opportunity, patch: OpportunityPatch, who: Who, now = clockNow()) => {
  refuseStaleOpportunity(o, patch.seq);
  if (!isOpen(o.status)) refuseClosed(o.status);
  const { seq: _, probability, ...fields } = patch;
  const after = advance(o, {
    ...fields,
    ...(probability === null
      ? { probability: defaultProbability[o.status], probabilitySet: undefined }
      : probability !== undefined
        ? { probability, probabilitySet: true }
        : {}),
    updatedAt: now.toISOString(),
  });
  return save(o, after, { history: history(who, 'update'), also: who.record?.(after) });
};

/** The opportunity after moving to `to`: the stage's probability, and what a closed sale records. */
const moved = (o: Opportunity, to: Stage, now: Date, extra: Partial<Opportunity> = {}): Opportunity => {
  const { probabilitySet: _, ...rest } = o;
  return advance(rest as Opportunity, {
    status: to,
    probability: probabilityAfterMove(to),
    updatedAt: now.toISOString(),
    ...(isOpen(to) ? {} : { closedAt: now.toISOString() }),
    ...extra,
  });
};

/** advance, back, win, lose: a guarded move with its history and `OpportunityStageChanged`. */
export const changeStage = async (
  o: Opportunity,
  action: StageAction,
  input: { seq?: number; lostReason?: string },
  who: Who,
  now = clockNow(),
) => {
  refuseStaleOpportunity(o, input.seq);
  const to = targetOf(o.status, action);
  const after = moved(o, to, now, to === 'lost' ? { lostReason: lostReasonOf(input.lostReason) } : {});
  return save(o, after, {
    history: history(who, action, after.lostReason),
    events: [stageEvent(o, after, who, now)],
    also: who.record?.(after),
  });
};

// ---- quotes -------------------------------------------------------------------------------------------

const quoteNotFound = () =>
  new ProblemError(
    422,
    'quote-not-found',
    {
      en: "There is no such quote of this opportunity's customer.",
      tr: 'Bu fırsatın müşterisinde böyle bir teklif yok.',
    },
    [
      {
        path: 'quoteId',
        message: { en: 'No such quote for this customer.', tr: 'Bu müşteride böyle bir teklif yok.' },
      },
    ],
  );

const attachedElsewhere = (quote: Quote) =>
  new ConflictError('quote-attached-elsewhere', {
    en: `Quote ${quote.quoteId} belongs to opportunity ${quote.opportunityId}.`,
    tr: `${quote.quoteId} teklifi ${quote.opportunityId} fırsatına bağlı.`,
  });

const withQuote = (o: Opportunity, quoteId: string, now: Date): Opportunity =>
  advance(o, { quoteIds: [...o.quoteIds, quoteId], updatedAt: now.toISOString() });

/**
 * Attaches a quote of the same customer: the opportunity lists it and the quote names the
 * opportunity, both guarded moves in one transaction. Attaching it again changes nothing.
 */
export const attachQuote = async (
  o: Opportunity,
  quote: Quote | undefined,
  who: Who,
  now = clockNow(),
): Promise<Opportunity> => {
  if (!quote || quote.customerId !== o.customerId) throw quoteNotFound();
  if (quote.opportunityId && quote.opportunityId !== o.opportunityId) throw attachedElsewhere(quote);
  if (!isOpen(o.status)) refuseClosed(o.status);
  const listed = o.quoteIds.includes(quote.quoteId);
  if (listed && quote.opportunityId) return o;
  const after = listed ? o : withQuote(o, quote.quoteId, now);
  const quoteSide = quote.opportunityId ? [] : quoteAttachedItems(quote, o.opportunityId, who, now);
  const opportunitySide = listed
    ? [opportunities.unchangedCheck(o)]
    : opportunities.moveItems(o, after, { history: history(who, 'attach-quote', quote.quoteId) });
  const saved = await transact([...opportunitySide, ...quoteSide, ...(who.record?.(after) ?? [])]);
  if (!saved.ok) {
    if (saved.reasons[0]) throw new OpportunityChangedError();
    throw new ConflictError('quote-changed', {
      en: 'The quote was changed meanwhile; try again.',
      tr: 'Teklif bu arada değiştirildi; yeniden deneyin.',
    });
  }
  return after;
};

/** Re-reads and retries a consumer's change when a person moved the opportunity meanwhile. */
const withRetries = async (read: () => Promise<Opportunity | undefined>, act: (o: Opportunity) => Promise<boolean>) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const o = await read();
    if (!o || (await act(o))) return;
  }
  throw new OpportunityChangedError({
    en: 'The opportunity kept changing while an event was applied; the event is retried.',
    tr: 'Bir olay uygulanırken fırsat değişip durdu; olay yeniden denenecek.',
  });
};

/**
 * On QuoteAccepted, or OrderCreated from a quote: the quote's opportunity is won, once. A won or lost
 * opportunity stays as it is, so the second of the two events (or a redelivery) changes nothing.
 */
export const winFromQuote = async (customerId: string, quoteId: string, now = clockNow()) => {
  const quote = await getQuote(customerId, quoteId);
  if (!quote?.opportunityId) return;
  const who: Who = { actorId: 'system', via: 'event' };
  await withRetries(
    () => getOpportunity(customerId, quote.opportunityId!),
    async (o) => {
      if (!isOpen(o.status)) return true;
      const after = moved(o, 'won', now, {
        wonQuoteId: quoteId,
        quoteIds: o.quoteIds.includes(quoteId) ? o.quoteIds : [...o.quoteIds, quoteId],
      });
      return opportunities.move(o, after, {
        history: history(who, 'win', quoteId),
        events: [stageEvent(o, after, who, now)],
      });
    },
  );
};
