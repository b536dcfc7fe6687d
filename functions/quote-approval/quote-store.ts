// Quotes in the one table. A quote lives in its customer's partition; every change is one guarded
// move (shared/entity.ts): the whole new quote, on the condition that it is still in the status and
// at the seq it was read in, with its history, its work-queue placements, its report line and its
// outbox events in the same transaction.

import type { Ownership } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { readFollowingMerge } from '../../shared/customer.js';
import { findById, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { advance, defineEntity, fromItem, type HistoryEntry, type MoveEffects } from '../../shared/entity.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import type { Language } from '../../shared/language.js';
import { type Filter, type Page, queryAll, queryPage, type SortBy } from '../../shared/query.js';
import { byAssignee, byState, keys } from '../../shared/table.js';
import { istanbulMonth } from '../../shared/time.js';
import { defineDueQueue, defineInbox } from '../../shared/work-queue.js';
import type { ApprovalStep } from './domain/approval-policy.js';
import type { QuoteState, QuoteStatus } from './domain/lifecycle.js';
import { marginTryOf, type PaymentTerms, type QuoteFigures } from './domain/quote-builder.js';
import type { QuoteSummary } from './domain/reports.js';
import { quoteApprovalKeys } from './keys.js';

export interface ApprovalRecord {
  step: number;
  role: string;
  userId: string;
  via: 'api' | 'link';
  at: string;
}

/** Who sent a quote: the automatic sender, staff by e-mail, or staff recording it posted as a letter. */
export type SentBy = 'auto' | 'staff' | 'post';

export interface Quote extends QuoteState, QuoteFigures {
  quoteId: string;
  customerId: string;
  ownerId: string;
  /** The owner's team when the quote was created: whose manager sees it. */
  teamId?: string;
  /** Counts every change to this version: a write based on a stale read is refused. */
  seq: number;
  language: Language;
  priceListId: string;
  /** The last Istanbul calendar day the customer may accept. */
  validUntil: string;
  /** The first instant it no longer may (ISO UTC). */
  expiresAt: string;
  paymentTerms?: PaymentTerms;
  notes?: string;
  deliveryTerms?: string;
  /** The discount on the whole quote as asked, in basis points (its amounts are in the lines and totals). */
  quoteDiscountBp?: number;
  /** What the policy asked for at submit: the steps, their roles, rules and reasons. */
  approvalSteps?: ApprovalStep[];
  approvals: ApprovalRecord[];
  rejection?: ApprovalRecord & { reason: string };
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  approvedAt?: string;
  sentAt?: string;
  /** `post`: it went as a letter (no mail owed). */
  sentBy?: SentBy;
  /** When the customer's mail went out, after the quote was marked sent. */
  mailedAt?: string;
  /** When it was last recorded as posted to the customer as a letter. */
  postedAt?: string;
  mailMessageId?: string;
  answeredAt?: string;
  answer?: { via: 'link' | 'staff'; actorId?: string };
  expiredAt?: string;
  orderId?: string;
  /** The sales opportunity it belongs to (functions/opportunities records it on both sides). */
  opportunityId?: string;
}

export const quotes = defineEntity<Quote>({
  type: 'quote',
  key: (q) => quoteApprovalKeys.quote(q.customerId, q.quoteId),
  number: (q) => ({ kind: 'quote', id: q.quoteId, customerId: q.customerId }),
  indexes: (q) => ({
    ...quoteApprovalKeys.quoteById(q.quoteId),
    ...quoteApprovalKeys.quotesByOwner(q.ownerId, q.createdAt, q.quoteId),
    ...quoteApprovalKeys.quotesByMonth(istanbulMonth(q.createdAt), q.createdAt, q.quoteId),
  }),
});

/** Whose a quote is: its owner and the owner's team. */
export const quoteOwnership = (q: Quote): Ownership => ({ ownerId: q.ownerId, teamId: q.teamId });

/** What a queue entry of a quote carries: enough to find it and to tell whether it is still the same version. */
export interface QuoteRef {
  customerId: string;
  quoteId: string;
  version: number;
}

/** Quotes waiting for a role's approval, by role. */
export const approvalInbox = defineInbox<QuoteRef & { role: string }>('quote-approval');
/** Approved and sent quotes by the instant they lapse. */
export const expiryQueue = defineDueQueue<QuoteRef>('quote-expiry');
/** Sent quotes by the instant their owner should chase an answer. */
export const followUpQueue = defineDueQueue<QuoteRef>('quote-follow-up');

export const quoteRef = (q: Quote): QuoteRef => ({ customerId: q.customerId, quoteId: q.quoteId, version: q.version });

/** What the reports count of a sent quote, in the cohort of the month it was (last) sent. */
const reportItem = (q: Quote): TransactItem => {
  const summary: QuoteSummary & { quoteId: string; teamId?: string } = {
    quoteId: q.quoteId,
    owner: q.ownerId,
    teamId: q.teamId,
    status: q.status,
    sentAt: q.sentAt,
    answeredAt: q.answeredAt,
    currency: q.currency,
    grandTotal: q.totals.grandTotal,
    grandTotalTry: q.grandTotalTry,
    netTotalTry: q.netTotalTry,
    marginTry: marginTryOf(q).marginTry,
    discountBp: q.totals.discountBp,
    marginBp: q.totals.marginBp,
  };
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...quoteApprovalKeys.quoteReport(q.customerId, q.quoteId),
        ...quoteApprovalKeys.quotesSentIn(istanbulMonth(q.sentAt!), q.sentAt!, q.quoteId),
        type: 'quote-report',
        customerId: q.customerId,
        ...summary,
      },
    },
  };
};

export interface QuoteEffects extends Omit<MoveEffects, 'history' | 'also'> {
  /** Rewrite the quote's report entry from the quote as saved. */
  report?: boolean;
  /** A revision freezes the version it replaces under its own key. */
  freeze?: Quote;
}

/** Who makes a change, and the stored answer of the request that makes it. */
export interface Change {
  history: HistoryEntry;
  record: Recorder;
}

const extras = (after: Quote, effects: QuoteEffects, answer: unknown, record: Recorder): TransactItem[] => [
  ...(effects.report ? [reportItem(after)] : []),
  ...(effects.freeze
    ? [
        putNew({
          ...quoteApprovalKeys.quoteVersion(effects.freeze.customerId, effects.freeze.quoteId, effects.freeze.version),
          type: 'quote-version',
          ...effects.freeze,
        }),
      ]
    : []),
  ...record(answer),
];

/** The writes that create a quote, for a caller that saves it in a transaction of its own. */
export const newQuoteItems = (quote: Quote, effects: QuoteEffects, record: Recorder) => {
  const { report: _, freeze: __, ...queues } = effects;
  return quotes.createItems(quote, { ...queues, also: extras(quote, effects, quote, record) });
};

/** The writes that move `before` to `after`, guarded; for sweeps that add their claim. */
export const quoteMoveItems = (before: Quote, after: Quote, effects: QuoteEffects, change: Change) => {
  const { report: _, freeze: __, ...queues } = effects;
  return quotes.moveItems(before, after, {
    ...queues,
    history: change.history,
    also: extras(after, effects, after, change.record),
  });
};

/**
 * The quote's side of the transaction that creates its order: it records the order's id, guarded by
 * the quote's status and seq, so one accepted quote is one order whatever retries.
 */
export const quoteOrderedItems = (quote: Quote, orderId: string) =>
  quotes.moveItems(quote, advance(quote, { orderId }));

/** The quote's side of attaching it to an opportunity: it names the opportunity, guarded by its seq. */
export const quoteAttachedItems = (
  quote: Quote,
  opportunityId: string,
  by: Pick<HistoryEntry, 'actorId' | 'via'>,
  now: Date,
) =>
  quoteMoveItems(
    quote,
    { ...quote, opportunityId, seq: quote.seq + 1, updatedAt: now.toISOString() },
    {},
    {
      history: { actorId: by.actorId, action: 'attach-opportunity', via: by.via, note: opportunityId },
      record: noRecord,
    },
  );

/** Saves `after` only if the stored quote is still `before`; `false` when someone else got there first. */
export const saveQuote = async (before: Quote, after: Quote, effects: QuoteEffects, change: Change) =>
  (await transact(quoteMoveItems(before, after, effects, change))).ok;

// ---- reads ------------------------------------------------------------------------------------------

/** As stored now (consistent), also when its customer was merged since the caller learned the id. */
export const getQuote = (customerId: string, quoteId: string) =>
  readFollowingMerge(customerId, (id) => quotes.get(quoteApprovalKeys.quote(id, quoteId)));

/** By id alone (the API's paths): the index finds the customer, then a consistent read. */
export const findQuote = async (quoteId: string): Promise<Quote | undefined> => {
  const customerId = (await findById(quoteApprovalKeys.quoteById(quoteId), 'customerId'))?.customerId as
    | string
    | undefined;
  return customerId ? getQuote(customerId, quoteId) : undefined;
};

export const getQuoteVersion = async (quote: Quote, version: number): Promise<Quote | undefined> => {
  if (version === quote.version) return quote;
  return quotes.get(quoteApprovalKeys.quoteVersion(quote.customerId, quote.quoteId, version), false);
};

/** The quote's history, oldest first. */
export const getQuoteHistory = (quote: Quote) => quotes.history(quote);

export interface QuoteQuery {
  ownerId?: string;
  teamId?: string;
  status?: QuoteStatus;
  customerId?: string;
  /** ISO UTC instants, both inclusive (the list handlers turn dates into Istanbul days). */
  from?: string;
  to?: string;
  /** Newest first (the default) or oldest first. */
  order?: 'newest' | 'oldest';
  /** In this order instead of by creation time (by value: see shared/list-export). */
  sortBy?: SortBy;
  currency?: string;
  limit: number;
  /** As a previous page returned it. */
  cursor?: string;
}

const previousMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

/** Filters on what the chosen index does not key on. */
const filterOf = (query: QuoteQuery, keyedOn: 'owner' | 'customer' | 'month'): Filter => {
  const conditions: string[] = ['#type = :type'];
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'quote' };
  if (query.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.teamId) {
    conditions.push('teamId = :team');
    values[':team'] = query.teamId;
  }
  if (query.currency) {
    conditions.push('currency = :currency');
    values[':currency'] = query.currency;
  }
  if (query.ownerId && keyedOn !== 'owner') {
    conditions.push('ownerId = :owner');
    values[':owner'] = query.ownerId;
  }
  if (keyedOn === 'customer' && (query.from || query.to)) {
    conditions.push('createdAt BETWEEN :from AND :to');
    values[':from'] = query.from ?? '0';
    values[':to'] = `${query.to ?? '9'}\uffff`;
  }
  return { expression: conditions.join(' AND '), names, values };
};

const quotesOf = (page: Page<Record<string, unknown>>) => ({
  quotes: page.items.map((item) => fromItem<Quote>(item)),
  next: page.next,
});

/**
 * Newest first. By customer: their partition. By owner: the owner index. Otherwise the month
 * cohorts in turn, from the month of `to` (or now) back to the month of `from` (or a year before).
 */
export const listQuotes = async (query: QuoteQuery, now = clockNow()) => {
  const range = { from: query.from, to: query.to };
  const { order = 'newest', sortBy } = query;
  if (query.customerId) {
    const partition = keys.customerPartition(query.customerId);
    const page = await queryPage({
      partition,
      range: { prefix: quoteApprovalKeys.quotesPrefix() },
      order,
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf(query, 'customer'),
      sortBy,
    });
    return quotesOf(page);
  }
  if (query.ownerId) {
    const partition = quoteApprovalKeys.quotesByOwnerPartition(query.ownerId);
    return quotesOf(
      await queryPage({
        index: byAssignee,
        partition,
        range,
        order,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf(query, 'owner'),
        sortBy,
      }),
    );
  }
  const toInstant = query.to ?? now.toISOString();
  const fromInstant = query.from ?? new Date(Date.parse(toInstant.slice(0, 10)) - 365 * 24 * 3600 * 1000).toISOString();
  const months: string[] = [];
  for (let month = istanbulMonth(toInstant); month >= istanbulMonth(fromInstant); month = previousMonth(month))
    months.push(month);
  const page = await queryPage({
    index: byState,
    // Months in turn, newest first, or oldest first for the oldest quotes first.
    partition: (order === 'oldest' ? [...months].reverse() : months).map((month) =>
      quoteApprovalKeys.quotesByMonthPartition(month),
    ),
    inTurn: true,
    range,
    order,
    limit: query.limit,
    cursor: query.cursor,
    filter: filterOf(query, 'month'),
    sortBy,
  });
  return quotesOf(page);
};

/** The report entries of quotes sent in the given Istanbul months. */
export const sentInMonths = async (months: readonly string[]) =>
  (
    await Promise.all(
      months.map((month) =>
        queryAll({ index: byState, partition: quoteApprovalKeys.quotesSentInPartition(month) }, 100_000),
      ),
    )
  )
    .flat()
    .map((item) => fromItem<QuoteSummary & { quoteId: string; teamId?: string }>(item));
