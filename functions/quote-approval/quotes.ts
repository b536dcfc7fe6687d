// The quote use cases: create and edit a draft, submit it to the policy, approve or reject a step,
// record the customer's answer, revise, expire, follow up, and turn an accepted quote into an order.
// Each reads the quote, lets the domain decide the move, and saves it with a conditional write.

import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { getCustomer, noSuchCustomer } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { type HistoryEntry, refuseStale } from '../../shared/entity.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, records } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, ForbiddenError, ProblemError } from '../../shared/problems.js';
import { addMonths, istanbulDate, parseIsoDate } from '../../shared/time.js';
import { sweep } from '../../shared/work-queue.js';
import type { PriceList } from '../catalogue/public.js';
import { getFxRates, getPriceList, getProducts } from '../catalogue/public.js';
import { catalogue } from '../event-table.js';
import { getRecipes, skusOf } from '../recipes/public.js';
import { getApprovalPolicy } from './approval-policy-store.js';
import { evaluatePolicy, policyFacts } from './domain/approval-policy.js';
import { IllegalTransitionError, quoteLifecycle, transition } from './domain/lifecycle.js';
import { buildQuote, type LineInput, type PaymentTerms } from './domain/quote-builder.js';
import { expiresAt, isExpired } from './domain/quote-expiry.js';
import type { CreateQuoteInput, EditQuoteInput } from './domain/quote-input.js';
import {
  type ApprovalRecord,
  approvalInbox,
  expiryQueue,
  followUpQueue,
  getQuote,
  newQuoteItems,
  type Quote,
  type QuoteEffects,
  quoteMoveItems,
  quoteRef,
  quotes,
  type SentBy,
  saveQuote,
} from './quote-store.js';

const DEFAULT_VALIDITY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days after sending with no answer before the owner is reminded, once. */
export const followUpDays = () => config.quoteFollowUpDays();

export const noEmailToSend = {
  en: 'The customer has no e-mail address to send the quote to.',
  tr: 'Müşterinin teklifin gönderileceği bir e-posta adresi yok.',
};

export class QuoteChangedError extends ConflictError {
  constructor() {
    super('quote-changed', changedMeanwhile(records.quote));
  }
}

export const refuseStaleQuote = (quote: Quote, seq: number | undefined) => {
  refuseStale(quote, seq, 'quote-changed', records.quote);
};

/** Who makes a change (for the quote's history) and, for an API call with an Idempotency-Key, its stored answer. */
export interface Who {
  actorId: string;
  via?: HistoryEntry['via'];
  note?: string;
  record?: Recorder;
}

const system: Who = { actorId: 'system' };

const save = async (before: Quote, after: Quote, effects: QuoteEffects, action: string, who: Who) => {
  const history = { actorId: who.actorId, action, via: who.via ?? 'api', ...(who.note ? { note: who.note } : {}) };
  if (!(await saveQuote(before, after, effects, { history, record: who.record ?? noRecord })))
    throw new QuoteChangedError();
  return after;
};

/** Queue placements for a quote as it is saved. */
const expiryOf = (q: Quote) => expiryQueue.at(q.quoteId, q.expiresAt, quoteRef(q));
const approvalBy = (q: Quote, role: string, since: string) =>
  approvalInbox.for(role, q.quoteId, since, { ...quoteRef(q), role });

const ref = (q: Quote) => ({ quoteId: q.quoteId, customerId: q.customerId, quoteVersion: q.version });

// ---- drafts ---------------------------------------------------------------------------------------

interface PricingInput {
  priceListId: string;
  lines: readonly LineInput[];
  paymentTerms?: PaymentTerms;
  quoteDiscountBp?: number;
}

const price = async (input: PricingInput, quoteDate: string) => {
  // Independent reads go together; only the FX rates need both.
  const [priceList, recipes] = await Promise.all([
    getPriceList(input.priceListId),
    getRecipes(input.lines.map((line) => line.sku)),
  ]);
  const componentSkus = [...recipes.values()].flatMap((recipe) => skusOf(recipe.components));
  const products = await getProducts([...input.lines.map((line) => line.sku), ...componentSkus]);
  if (!priceList) {
    throw new ProblemError(
      422,
      'price-list-not-found',
      { en: `There is no price list ${input.priceListId}.`, tr: `${input.priceListId} diye bir fiyat listesi yok.` },
      [{ path: 'priceListId', message: { en: 'No such price list.', tr: 'Böyle bir fiyat listesi yok.' } }],
    );
  }
  const ownCosts = [...recipes.values()].flatMap((recipe) =>
    recipe.components.flatMap((c) => [c.unitCost, ...c.alternatives.map((a) => a.unitCost)]),
  );
  const currencies = [
    priceList.currency,
    ...[...products.values()].map((p) => p.cost.currency),
    ...ownCosts.flatMap((cost) => (cost ? [cost.currency] : [])),
  ];
  const rates = await getFxRates(currencies, quoteDate);
  return { priceList, figures: buildQuote({ ...input, products, recipes, priceList, rates, quoteDate }) };
};

const defaultValidity = (quoteDate: string, priceList: PriceList) => {
  const thirtyDays = new Date(parseIsoDate(quoteDate).getTime() + DEFAULT_VALIDITY_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return thirtyDays < priceList.validTo ? thirtyDays : priceList.validTo;
};

const checkValidity = (validUntil: string, quoteDate: string) => {
  if (validUntil < quoteDate) {
    throw new ProblemError(
      422,
      'invalid-validity',
      { en: 'A quote must be valid at least through today.', tr: 'Teklif en az bugünün sonuna kadar geçerli olmalı.' },
      [{ path: 'validUntil', message: { en: `On or after ${quoteDate}.`, tr: `${quoteDate} ya da sonrası.` } }],
    );
  }
  if (validUntil > addMonths(quoteDate, 12)) {
    throw new ProblemError(
      422,
      'invalid-validity',
      { en: 'A quote may be valid for a year at most.', tr: 'Teklif en çok bir yıl geçerli olabilir.' },
      [
        {
          path: 'validUntil',
          message: { en: `On or before ${addMonths(quoteDate, 12)}.`, tr: `${addMonths(quoteDate, 12)} ya da öncesi.` },
        },
      ],
    );
  }
};

export interface Owner {
  userId: string;
  teamId?: string;
}

/** A new draft and the writes that create it with its `QuoteCreated`, without saving them. */
export const draftQuote = async (
  input: CreateQuoteInput,
  owner: Owner,
  now = clockNow(),
  record: Recorder = noRecord,
) => {
  const customer = await getCustomer(input.customerId);
  if (!customer) {
    throw noSuchCustomer();
  }
  if (!customer.email) {
    throw new ProblemError(422, 'customer-has-no-email', noEmailToSend, [
      {
        path: 'customerId',
        message: {
          en: 'Record an e-mail address for this customer first.',
          tr: 'Önce bu müşterinin e-posta adresini kaydedin.',
        },
      },
    ]);
  }
  const quoteDate = istanbulDate(now);
  const { priceList, figures } = await price(input, quoteDate);
  const validUntil = input.validUntil ?? defaultValidity(quoteDate, priceList);
  checkValidity(validUntil, quoteDate);
  const at = now.toISOString();
  const quote: Quote = {
    quoteId: newId(),
    // The customer as found: an id merged into another names the kept one.
    customerId: customer.customerId,
    ownerId: owner.userId,
    teamId: owner.teamId,
    status: 'draft',
    version: 1,
    seq: 1,
    language: input.language ?? customer.language,
    priceListId: input.priceListId,
    validUntil,
    expiresAt: expiresAt(validUntil),
    paymentTerms: input.paymentTerms,
    notes: input.notes,
    ...(input.deliveryTerms ? { deliveryTerms: input.deliveryTerms } : {}),
    ...(input.quoteDiscountBp ? { quoteDiscountBp: input.quoteDiscountBp } : {}),
    approvals: [],
    createdAt: at,
    updatedAt: at,
    ...figures,
  };
  const { grandTotal } = quote.totals;
  const event = outboxPut(
    catalogue.QuoteCreated,
    { ...ref(quote), ownerId: owner.userId, currency: quote.currency, grandTotal: grandTotal.amount },
    now,
  );
  return { quote, items: newQuoteItems(quote, { events: [event] }, record) };
};

/**
 * What a draft from this input would hold, priced by the same path as creating it, stored nowhere:
 * the quote builder shows its totals and KDV as the PDF will print them. The FX date is the quote date.
 */
export const previewQuote = async (input: CreateQuoteInput, now = clockNow()) => {
  const customer = await getCustomer(input.customerId);
  if (!customer) throw noSuchCustomer();
  const quoteDate = istanbulDate(now);
  const { priceList, figures } = await price(input, quoteDate);
  const validUntil = input.validUntil ?? defaultValidity(quoteDate, priceList);
  checkValidity(validUntil, quoteDate);
  const language = input.language ?? customer.language;
  return {
    ...figures,
    fxDate: quoteDate,
    validUntil,
    language,
    priceListId: input.priceListId,
    ...(input.quoteDiscountBp ? { quoteDiscountBp: input.quoteDiscountBp } : {}),
  };
};

export const createQuote = async (
  input: CreateQuoteInput,
  owner: Owner,
  now = clockNow(),
  record: Recorder = noRecord,
): Promise<Quote> => {
  const { quote, items } = await draftQuote(input, owner, now, record);
  if (!(await transact(items)).ok) throw new Error(`quote ${quote.quoteId} exists already`);
  return quote;
};

export const editQuote = async (
  quote: Quote,
  patch: EditQuoteInput,
  now = clockNow(),
  who: Who = system,
): Promise<Quote> => {
  if (quote.status !== 'draft') {
    throw new IllegalTransitionError({
      en: `A ${quote.status} quote cannot be edited; revise it to make a new draft.`,
      tr: `"${quoteLifecycle.tr.states[quote.status]}" durumundaki teklif düzenlenemez; yeni bir taslak için revize edin.`,
    });
  }
  refuseStaleQuote(quote, patch.seq);
  const paymentTerms = patch.paymentTerms === null ? undefined : (patch.paymentTerms ?? quote.paymentTerms);
  const quoteDiscountBp = patch.quoteDiscountBp ?? quote.quoteDiscountBp;
  const quoteDate = istanbulDate(now);
  const { figures } = await price(
    {
      priceListId: patch.priceListId ?? quote.priceListId,
      lines:
        patch.lines ??
        quote.lines.map(({ sku, quantity, discountBp, componentChoices }) => ({
          sku,
          quantity,
          discountBp,
          ...(componentChoices ? { components: componentChoices } : {}),
        })),
      paymentTerms,
      quoteDiscountBp,
    },
    quoteDate,
  );
  const validUntil = patch.validUntil ?? quote.validUntil;
  checkValidity(validUntil, quoteDate);
  const after: Quote = {
    ...quote,
    ...figures,
    priceListId: patch.priceListId ?? quote.priceListId,
    language: patch.language ?? quote.language,
    validUntil,
    expiresAt: expiresAt(validUntil),
    paymentTerms,
    notes: patch.notes === null ? undefined : (patch.notes ?? quote.notes),
    deliveryTerms: patch.deliveryTerms === null ? undefined : (patch.deliveryTerms ?? quote.deliveryTerms),
    quoteDiscountBp: quoteDiscountBp || undefined,
    seq: quote.seq + 1,
    updatedAt: now.toISOString(),
  };
  return save(quote, after, {}, 'edit', who);
};

// ---- approval --------------------------------------------------------------------------------------

export const submitQuote = async (
  quote: Quote,
  seq: number | undefined,
  now = clockNow(),
  who: Who = system,
): Promise<Quote> => {
  refuseStaleQuote(quote, seq);
  const submitted = transition(quote, { type: 'submit' }).quote;
  if (isExpired(quote.validUntil, now)) {
    throw new ProblemError(
      422,
      'validity-passed',
      {
        en: `The quote was valid until ${quote.validUntil}; edit validUntil first.`,
        tr: `Teklif ${quote.validUntil} tarihine kadar geçerliydi; önce geçerlilik tarihini düzenleyin.`,
      },
      [{ path: 'validUntil', message: { en: 'In the past.', tr: 'Geçmişte.' } }],
    );
  }
  const policy = await getApprovalPolicy();
  if (!policy)
    throw new ConflictError('no-approval-policy', {
      en: 'No approval policy is set; an admin sets one with PUT /approval-policy.',
      tr: 'Onay kuralı tanımlı değil; bir yönetici PUT /approval-policy ile tanımlar.',
    });
  const decision = evaluatePolicy(policy.rules, policyFacts(quote.totals, quote.netTotalTry));
  const at = now.toISOString();
  const base: Quote = { ...submitted, seq: quote.seq + 1, updatedAt: at, submittedAt: at, approvals: [] };
  const submittedEvent = outboxPut(
    catalogue.QuoteSubmitted,
    {
      ...ref(quote),
      ownerId: quote.ownerId,
      currency: quote.currency,
      grandTotal: quote.totals.grandTotal.amount,
      netTotalTry: quote.netTotalTry.amount,
      discountBp: quote.totals.discountBp,
      marginBp: quote.totals.marginBp,
      autoApproved: decision.autoApproved,
      steps: decision.autoApproved ? [] : decision.steps.map(({ role, ruleIds }) => ({ role, ruleIds })),
    },
    now,
  );
  if (decision.autoApproved) {
    const after: Quote = { ...transition(base, { type: 'autoApprove' }).quote, approvalSteps: [], approvedAt: at };
    return save(
      quote,
      after,
      {
        enqueue: [expiryOf(after)],
        events: [
          submittedEvent,
          outboxPut(catalogue.QuoteApproved, { ...ref(quote), ownerId: quote.ownerId, by: 'policy' }, now),
        ],
      },
      'submit',
      who,
    );
  }
  const { steps } = decision;
  const after: Quote = {
    ...transition(base, { type: 'requireApproval', steps: steps.length }).quote,
    approvalSteps: steps,
  };
  return save(
    quote,
    after,
    {
      enqueue: [approvalBy(after, steps[0]!.role, at)],
      events: [
        submittedEvent,
        outboxPut(
          catalogue.QuoteApprovalRequested,
          { ...ref(quote), step: 0, steps: steps.length, role: steps[0]!.role, ruleIds: steps[0]!.ruleIds },
          now,
        ),
      ],
    },
    'submit',
    who,
  );
};

export interface Approver {
  userId: string;
  role: string;
}

export type Decision = { type: 'approve' } | { type: 'reject'; reason: string };

/**
 * Approves or rejects the step awaiting approval. `step`, when given, is the step the approver was
 * shown: if another approver has decided it meanwhile, this is a conflict, not a second approval.
 */
export const decideQuote = async (
  quote: Quote,
  decision: Decision,
  approver: Approver,
  options: { via: 'api' | 'link'; step?: number; seq?: number; record?: Recorder },
  now = clockNow(),
): Promise<Quote> => {
  const who: Who = { actorId: approver.userId, via: options.via, record: options.record };
  if (quote.status !== 'pending_approval' || !quote.approval || !quote.approvalSteps) {
    throw new IllegalTransitionError({
      en: `This quote is ${quote.status}: it is not awaiting approval.`,
      tr: `Bu teklif "${quoteLifecycle.tr.states[quote.status]}" durumunda: onay beklemiyor.`,
    });
  }
  refuseStaleQuote(quote, options.seq);
  const current = quote.approval.approved;
  const step = quote.approvalSteps[current]!;
  if (options.step !== undefined && options.step !== current) {
    throw new ConflictError('step-already-decided', {
      en: `Step ${options.step + 1} is not the one awaiting approval; step ${current + 1} (${step.role}) is.`,
      tr: `Onay bekleyen adım ${options.step + 1}. adım değil; ${current + 1}. adım (${step.role}).`,
    });
  }
  if (approver.role !== step.role)
    throw new ForbiddenError({
      en: `Step ${current + 1} needs the approval of a ${step.role}.`,
      tr: `${current + 1}. adımı bir ${step.role} onaylamalı.`,
    });
  if (approver.userId === quote.ownerId)
    throw new ForbiddenError({ en: 'Nobody approves their own quote.', tr: 'Kimse kendi teklifini onaylayamaz.' });
  const at = now.toISOString();
  const record: ApprovalRecord = { step: current, role: step.role, userId: approver.userId, via: options.via, at };
  const given = { ...ref(quote), step: current, role: step.role, approverId: approver.userId, via: options.via };
  if (decision.type === 'reject') {
    const moved = transition(quote, { type: 'reject', reason: decision.reason }).quote;
    const after: Quote = {
      ...moved,
      seq: quote.seq + 1,
      updatedAt: at,
      rejection: { ...record, reason: moved.rejectionReason! },
    };
    return save(
      quote,
      after,
      {
        dequeue: [approvalInbox.name],
        events: [outboxPut(catalogue.QuoteRejected, { ...given, ownerId: quote.ownerId }, now)],
      },
      'reject',
      { ...who, note: moved.rejectionReason },
    );
  }
  const moved = transition(quote, { type: 'approve', step: current }).quote;
  const final = moved.status === 'approved';
  const after: Quote = {
    ...moved,
    seq: quote.seq + 1,
    updatedAt: at,
    approvals: [...quote.approvals, record],
    ...(final ? { approvedAt: at } : {}),
  };
  if (final) {
    return save(
      quote,
      after,
      {
        dequeue: [approvalInbox.name],
        enqueue: [expiryOf(after)],
        events: [
          outboxPut(catalogue.QuoteApprovalGiven, { ...given, final }, now),
          outboxPut(catalogue.QuoteApproved, { ...ref(quote), ownerId: quote.ownerId, by: 'approvers' }, now),
        ],
      },
      'approve',
      who,
    );
  }
  const next = quote.approvalSteps[current + 1]!;
  return save(
    quote,
    after,
    {
      enqueue: [approvalBy(after, next.role, at)],
      events: [
        outboxPut(catalogue.QuoteApprovalGiven, { ...given, final }, now),
        outboxPut(
          catalogue.QuoteApprovalRequested,
          {
            ...ref(quote),
            step: current + 1,
            steps: quote.approvalSteps.length,
            role: next.role,
            ruleIds: next.ruleIds,
          },
          now,
        ),
      ],
    },
    'approve',
    who,
  );
};

// ---- the customer ----------------------------------------------------------------------------------

/** Records that the quote went to the customer; the caller has mailed it. */
/** The send transition (approved → sent) e-mail and post share: its queues, its report line and QuoteSent. */
const sending = (quote: Quote, by: SentBy, now: Date) => {
  const at = now.toISOString();
  const after: Quote = {
    ...transition(quote, { type: 'send' }).quote,
    seq: quote.seq + 1,
    updatedAt: at,
    sentAt: at,
    sentBy: by,
  };
  const effects: QuoteEffects = {
    enqueue: [
      expiryOf(after),
      followUpQueue.at(quote.quoteId, new Date(now.getTime() + followUpDays() * DAY_MS).toISOString(), quoteRef(after)),
    ],
    report: true,
    events: [
      outboxPut(
        catalogue.QuoteSent,
        {
          ...ref(quote),
          ownerId: quote.ownerId,
          currency: quote.currency,
          grandTotal: quote.totals.grandTotal.amount,
          grandTotalTry: quote.grandTotalTry.amount,
          validUntil: quote.validUntil,
          expiresAt: quote.expiresAt,
          by,
        },
        now,
      ),
    ],
  };
  return { after, effects };
};

export const markSent = (quote: Quote, by: 'auto' | 'staff', now = clockNow(), who: Who = system) => {
  const { after, effects } = sending(quote, by, now);
  return save(quote, after, effects, 'send', who);
};

/**
 * The quote's side of posting it as a letter, guarded by its seq, for the letters' transaction: an
 * approved quote moves to sent by the same transition as e-mail (so it is sent once, whichever way goes
 * first); a sent or accepted one (a copy by post) only records when it was posted.
 */
export const quotePostedItems = (quote: Quote, actorId: string, now: Date) => {
  const at = now.toISOString();
  const sent = quote.status === 'approved' ? sending(quote, 'post', now) : undefined;
  const after: Quote = sent ? sent.after : { ...quote, seq: quote.seq + 1, updatedAt: at };
  return quoteMoveItems(quote, { ...after, postedAt: at }, sent?.effects ?? {}, {
    history: { actorId, action: sent ? 'send' : 'post', via: 'api', note: 'sent by post' },
    record: noRecord,
  });
};

/** Notes the customer's mail as gone, so a retry of the send does not mail them again. */
export const markMailed = (quote: Quote, messageId: string, now = clockNow()) =>
  save(
    quote,
    { ...quote, seq: quote.seq + 1, mailedAt: now.toISOString(), mailMessageId: messageId },
    {},
    'mailed',
    system,
  );

export const answerQuote = async (
  quote: Quote,
  answer: 'accept' | 'decline',
  by: { via: 'link' | 'staff'; actorId?: string; seq?: number; record?: Recorder },
  now = clockNow(),
): Promise<Quote> => {
  refuseStaleQuote(quote, by.seq);
  const moved = transition(quote, { type: answer }).quote;
  // The sweep may not have run yet: a quote past its validity is not accepted.
  if (isExpired(quote.validUntil, now))
    throw new ConflictError('quote-expired', {
      en: `The quote was valid until ${quote.validUntil}.`,
      tr: `Teklif ${quote.validUntil} tarihine kadar geçerliydi.`,
    });
  const at = now.toISOString();
  const after: Quote = {
    ...moved,
    seq: quote.seq + 1,
    updatedAt: at,
    answeredAt: at,
    answer: { via: by.via, actorId: by.actorId },
  };
  const facts = {
    ...ref(quote),
    ownerId: quote.ownerId,
    via: by.via,
    currency: quote.currency,
    grandTotal: quote.totals.grandTotal.amount,
  };
  return save(
    quote,
    after,
    {
      dequeue: [expiryQueue.name, followUpQueue.name],
      report: true,
      events: [
        answer === 'accept'
          ? outboxPut(catalogue.QuoteAccepted, facts, now)
          : outboxPut(catalogue.QuoteDeclined, facts, now),
      ],
    },
    answer,
    {
      actorId: by.actorId ?? `customer:${quote.customerId}`,
      via: by.via === 'link' ? 'link' : 'api',
      record: by.record,
    },
  );
};

// ---- revisions and the end of a quote's life -----------------------------------------------------------

export const reviseQuote = async (
  quote: Quote,
  seq: number | undefined,
  now = clockNow(),
  who: Who = system,
): Promise<Quote> => {
  refuseStaleQuote(quote, seq);
  const { quote: moved } = transition(quote, { type: 'revise' });
  const {
    approvalSteps: _steps,
    rejection: _rejection,
    submittedAt: _submitted,
    approvedAt: _approved,
    sentAt: _sent,
    sentBy: _sentBy,
    mailedAt: _mailed,
    mailMessageId: _messageId,
    answeredAt: _answered,
    answer: _answer,
    expiredAt: _expired,
    ...draft
  } = moved;
  // seq goes on counting across versions, so a screen of the old version is stale for the new one.
  const after: Quote = { ...draft, seq: quote.seq + 1, approvals: [], updatedAt: now.toISOString() };
  return save(
    quote,
    after,
    {
      dequeue: [approvalInbox.name, expiryQueue.name, followUpQueue.name],
      freeze: quote,
      events: [
        outboxPut(
          catalogue.QuoteRevised,
          {
            ...ref(after),
            ownerId: quote.ownerId,
            previousStatus: quote.status as 'rejected' | 'sent' | 'declined' | 'expired',
          },
          now,
        ),
      ],
    },
    'revise',
    who,
  );
};

/** How many due items one run takes on (well within a 10 s timeout); the rest wait for the next run. */
const SWEEP_BATCH = 100;

const sweeper = { actorId: 'system', via: 'sweep' as const, action: '' };

/** The expiry sweep: reads only the queue entries due by `now`, and expires their quotes. */
export const expireDueQuotes = async (now = clockNow()) => {
  const { due, acted, dropped } = await sweep(expiryQueue, now, SWEEP_BATCH, async ({ data }) => {
    const quote = await getQuote(data.customerId, data.quoteId);
    const live = quote && quote.version === data.version && (quote.status === 'approved' || quote.status === 'sent');
    if (!live) return 'drop';
    const at = now.toISOString();
    const after: Quote = {
      ...transition(quote, { type: 'expire' }).quote,
      seq: quote.seq + 1,
      updatedAt: at,
      expiredAt: at,
    };
    const event = outboxPut(
      catalogue.QuoteExpired,
      { ...ref(quote), ownerId: quote.ownerId, previousStatus: quote.status as 'approved' | 'sent' },
      now,
    );
    const effects = {
      dequeue: [expiryQueue.name, followUpQueue.name],
      report: quote.sentAt !== undefined,
      events: [event],
    };
    return {
      writes: quoteMoveItems(quote, after, effects, { history: { ...sweeper, action: 'expire' }, record: noRecord }),
    };
  });
  return { due, expired: acted, dropped };
};

/** Quotes sent N days ago and not answered: each owner hears about each quote once. */
export const followUpDueQuotes = async (now = clockNow()) => {
  const { due, acted, dropped } = await sweep(followUpQueue, now, SWEEP_BATCH, async ({ data }) => {
    const quote = await getQuote(data.customerId, data.quoteId);
    if (quote?.status !== 'sent' || quote.version !== data.version || !quote.sentAt) return 'drop';
    // No change to the quote itself: only that it is still as read when the reminder goes out.
    const event = outboxPut(
      catalogue.QuoteFollowUpDue,
      { ...ref(quote), ownerId: quote.ownerId, sentAt: quote.sentAt },
      now,
    );
    return { writes: [quotes.unchangedCheck(quote), event] };
  });
  return { due, reminded: acted, dropped };
};
