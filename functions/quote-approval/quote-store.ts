// Quotes and orders in the one table. A quote lives in its customer's partition; every change is
// one transaction that puts the whole new quote on the condition that it is still in the status,
// version and seq it was read in, together with its work-queue items and its outbox events.
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, findById, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import type { Money } from '../../shared/money.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import { ValidationError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';
import { queryAll } from './query-all.js';
import type { ApprovalStep } from './domain/approval-policy.js';
import type { QuoteState, QuoteStatus } from './domain/lifecycle.js';
import type { PaymentTerms, QuoteFigures, QuoteLine } from './domain/quote-builder.js';
import { istanbulMonth } from '../../shared/time.js';
import type { QuoteSummary } from './domain/reports.js';

export interface ApprovalRecord {
  step: number;
  role: string;
  userId: string;
  via: 'api' | 'link';
  at: string;
}

export interface Quote extends QuoteState, QuoteFigures {
  quoteId: string;
  customerId: string;
  ownerId: string;
  /** The owner's team when the quote was created: whose manager sees it. */
  teamId?: string;
  /** Counts every change to this version: a write based on a stale read is refused. */
  seq: number;
  language: 'tr' | 'en';
  priceListId: string;
  /** The last Istanbul calendar day the customer may accept. */
  validUntil: string;
  /** The first instant it no longer may (ISO UTC). */
  expiresAt: string;
  paymentTerms?: PaymentTerms;
  notes?: string;
  /** What the policy asked for at submit: the steps, their roles, rules and reasons. */
  approvalSteps?: ApprovalStep[];
  approvals: ApprovalRecord[];
  rejection?: ApprovalRecord & { reason: string };
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  approvedAt?: string;
  sentAt?: string;
  sentBy?: 'auto' | 'staff';
  /** When the customer's mail went out, after the quote was marked sent. */
  mailedAt?: string;
  mailMessageId?: string;
  answeredAt?: string;
  answer?: { via: 'link' | 'staff'; actorId?: string };
  expiredAt?: string;
  orderId?: string;
}

export type QueueName = 'approval' | 'expiry' | 'follow-up';

export interface QueueItem {
  queue: QueueName;
  quoteId: string;
  customerId: string;
  version: number;
  /** When the item falls due (expiry, follow-up) or was queued (approval). */
  at: string;
  role?: string;
}

export interface Order {
  orderId: string;
  quoteId: string;
  quoteVersion: number;
  customerId: string;
  ownerId: string;
  teamId?: string;
  status: 'new';
  currency: string;
  language: 'tr' | 'en';
  lines: QuoteLine[];
  totals: Quote['totals'];
  grandTotalTry: Money;
  paymentPlan: Quote['paymentPlan'];
  createdAt: string;
}

const indexAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type'] as const;

const strip = <T>(item: Record<string, unknown>): T => {
  const copy = { ...item };
  for (const name of indexAttributes) delete copy[name];
  return copy as T;
};

const quoteItem = (q: Quote) => ({
  ...keys.quote(q.customerId, q.quoteId),
  ...keys.quoteById(q.quoteId),
  ...keys.quotesByOwner(q.ownerId, q.createdAt, q.quoteId),
  ...keys.quotesByMonth(istanbulMonth(q.createdAt), q.createdAt, q.quoteId),
  type: 'quote',
  ...q,
});

const queueItem = (q: Quote, queue: QueueName, at: string, role?: string) => {
  const index =
    queue === 'approval'
      ? keys.quotesAwaitingApproval(role!, at, q.quoteId)
      : queue === 'expiry'
        ? keys.quotesDueToExpire(at, q.quoteId)
        : keys.quotesDueForFollowUp(at, q.quoteId);
  const item: QueueItem = { queue, quoteId: q.quoteId, customerId: q.customerId, version: q.version, at, role };
  return { ...keys.quoteQueueItem(q.customerId, q.quoteId, queue), ...index, type: 'quote-queue', ...item };
};

/** What the reports count of a sent quote, in the cohort of the month it was (last) sent. */
const reportItem = (q: Quote) => {
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
    discountBp: q.totals.discountBp,
    marginBp: q.totals.marginBp,
  };
  return {
    ...keys.quoteReport(q.customerId, q.quoteId),
    ...keys.quotesSentIn(istanbulMonth(q.sentAt!), q.sentAt!, q.quoteId),
    type: 'quote-report',
    customerId: q.customerId,
    ...summary,
  };
};

// ---- what a change writes besides the quote ---------------------------------------------------------

export interface SideEffects {
  enqueue?: { queue: QueueName; at: string; role?: string }[];
  dequeue?: QueueName[];
  /** Rewrite the quote's report entry from the quote as saved. */
  report?: boolean;
  events?: TransactItem[];
}

const sideItems = (q: Quote, effects: SideEffects): TransactItem[] => [
  ...(effects.dequeue ?? [])
    .filter((queue) => !effects.enqueue?.some((e) => e.queue === queue))
    .map((queue): TransactItem => ({ Delete: { TableName: tableName(), Key: keys.quoteQueueItem(q.customerId, q.quoteId, queue) } })),
  ...(effects.enqueue ?? []).map((e): TransactItem => ({ Put: { TableName: tableName(), Item: queueItem(q, e.queue, e.at, e.role) } })),
  ...(effects.report ? [{ Put: { TableName: tableName(), Item: reportItem(q) } }] : []),
  ...(effects.events ?? []),
];

const unchanged = (before: Quote) => ({
  ConditionExpression: '#status = :status AND version = :version AND seq = :seq',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':status': before.status, ':version': before.version, ':seq': before.seq },
});

export const saveNewQuote = async (quote: Quote, effects: SideEffects) => {
  const result = await transact([putNew(quoteItem(quote)), ...sideItems(quote, effects)]);
  if (!result.ok) throw new Error(`quote ${quote.quoteId} exists already`);
};

/** Saves `after` only if the stored quote is still `before`; `ok: false` when someone else got there first. */
export const saveQuote = async (before: Quote, after: Quote, effects: SideEffects = {}) =>
  transact([
    { Put: { TableName: tableName(), Item: quoteItem(after), ...unchanged(before) } },
    ...sideItems(after, effects),
  ]);

/** A revision: the old version is frozen under its own key, the head becomes the new draft. */
export const saveRevision = async (before: Quote, after: Quote, effects: SideEffects) =>
  transact([
    { Put: { TableName: tableName(), Item: quoteItem(after), ...unchanged(before) } },
    putNew({ ...keys.quoteVersion(before.customerId, before.quoteId, before.version), type: 'quote-version', ...before }),
    ...sideItems(after, effects),
  ]);

// ---- reads ------------------------------------------------------------------------------------------

export const getQuote = async (customerId: string, quoteId: string): Promise<Quote | undefined> => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.quote(customerId, quoteId), ConsistentRead: true }),
  );
  return found.Item ? strip<Quote>(found.Item) : undefined;
};

/** By id alone (the API's paths): the index finds the customer, then a consistent read. */
export const findQuote = async (quoteId: string): Promise<Quote | undefined> => {
  const customerId = (await findById(keys.quoteById(quoteId), 'customerId'))?.customerId as string | undefined;
  return customerId ? getQuote(customerId, quoteId) : undefined;
};

export const getQuoteVersion = async (quote: Quote, version: number): Promise<Quote | undefined> => {
  if (version === quote.version) return quote;
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.quoteVersion(quote.customerId, quote.quoteId, version) }),
  );
  return found.Item ? strip<Quote>(found.Item) : undefined;
};

export const getOrder = async (customerId: string, orderId: string): Promise<Order | undefined> => {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.order(customerId, orderId), ConsistentRead: true }));
  return found.Item ? strip<Order>(found.Item) : undefined;
};

export interface QuoteQuery {
  ownerId?: string;
  teamId?: string;
  status?: QuoteStatus;
  customerId?: string;
  /** ISO UTC instants, both inclusive (the list handlers turn dates into Istanbul days). */
  from?: string;
  to?: string;
  limit: number;
  /** As a previous page returned it. */
  cursor?: string;
}

const MONTH_CURSOR = '_month';

const previousMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

const foreignCursor = () => new ValidationError([{ path: 'cursor', message: 'This cursor belongs to another query.' }]);

/** Filters on what the chosen index does not key on. */
const filters = (query: QuoteQuery, skip: 'owner' | 'customer' | 'none', input: QueryCommandInput) => {
  const conditions: string[] = ['#type = :type'];
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ...input.ExpressionAttributeValues, ':type': 'quote' };
  if (query.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.teamId) {
    conditions.push('teamId = :team');
    values[':team'] = query.teamId;
  }
  if (query.ownerId && skip !== 'owner') {
    conditions.push('ownerId = :owner');
    values[':owner'] = query.ownerId;
  }
  if (skip === 'customer' && (query.from || query.to)) {
    conditions.push('createdAt BETWEEN :from AND :to');
  }
  return { ...input, FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
};

const bounds = (query: QuoteQuery) => ({ ':from': query.from ?? '0', ':to': `${query.to ?? '9'}\uffff` });

/** One partition: the customer's, or the owner's on gsi1. */
const listPartition = async (query: QuoteQuery) => {
  const base = { TableName: tableName(), ScanIndexForward: false, Limit: query.limit };
  const byCustomer = query.customerId !== undefined;
  const partition = byCustomer ? keys.customerPartition(query.customerId!) : keys.quotesByOwnerPartition(query.ownerId!);
  const cursor = decodeCursor(query.cursor, byCustomer ? ['pk', 'sk'] : ['pk', 'sk', 'gsi1pk', 'gsi1sk']);
  if (cursor && (byCustomer ? cursor.pk : cursor.gsi1pk) !== partition) throw foreignCursor();
  const input: QueryCommandInput = byCustomer
    ? filters(query, 'customer', {
        ...base,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': partition,
          ':prefix': keys.quotesPrefix(),
          ...(query.from || query.to ? bounds(query) : {}),
        },
      })
    : filters(query, 'owner', {
        ...base,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ...bounds(query) },
      });
  const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: cursor }));
  return { quotes: (page.Items ?? []).map((item) => strip<Quote>(item)), next: encodeCursor(page.LastEvaluatedKey) };
};

/** A month-walk cursor: the month to go on in, and where in it (none: from its start). */
const monthCursor = (cursor: string | undefined, first: string, last: string) => {
  if (!cursor) return { month: first, start: undefined };
  let decoded: Record<string, string> | undefined;
  try {
    decoded = decodeCursor(cursor, [MONTH_CURSOR]);
  } catch {
    decoded = decodeCursor(cursor, [MONTH_CURSOR, 'pk', 'sk', 'gsi2pk', 'gsi2sk']);
  }
  const { [MONTH_CURSOR]: month, ...start } = decoded!;
  const inRange = /^\d{4}-\d{2}$/.test(month!) && month! <= first && month! >= last;
  if (!inRange || (start.gsi2pk !== undefined && start.gsi2pk !== keys.quotesByMonthPartition(month!))) throw foreignCursor();
  return { month: month!, start: Object.keys(start).length ? start : undefined };
};

/**
 * Newest first. By customer: their partition. By owner: the owner index. Otherwise the month
 * index, walked back from the month of `to` (or now) to the month of `from` (or a year before).
 */
export const listQuotes = async (query: QuoteQuery, now = new Date()) => {
  if (query.customerId || query.ownerId) return listPartition(query);
  const toInstant = query.to ?? now.toISOString();
  const fromInstant = query.from ?? new Date(Date.parse(toInstant.slice(0, 10)) - 365 * 24 * 3600 * 1000).toISOString();
  const lastMonth = istanbulMonth(fromInstant);
  const firstMonth = istanbulMonth(toInstant);
  let { month, start } = monthCursor(query.cursor, firstMonth, lastMonth);
  const quotes: Quote[] = [];
  while (month >= lastMonth) {
    const page = await db().send(
      new QueryCommand({
        ...filters(query, 'none', {
          TableName: tableName(),
          ScanIndexForward: false,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.quotesByMonthPartition(month), ...bounds(query) },
        }),
        Limit: query.limit - quotes.length,
        ExclusiveStartKey: start,
      }),
    );
    quotes.push(...(page.Items ?? []).map((item) => strip<Quote>(item)));
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (!start) month = previousMonth(month);
    if (quotes.length >= query.limit) break;
  }
  return { quotes, next: month >= lastMonth ? encodeCursor({ ...(start ?? {}), [MONTH_CURSOR]: month }) : undefined };
};

/** Quotes waiting for `role` to approve, oldest first. */
export const awaitingApproval = async (role: string, limit: number) =>
  (
    await queryAll(
      {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.quotesAwaitingApprovalPartition(role) },
        Limit: limit,
      },
      limit,
    )
  ).map((item) => strip<QueueItem>(item));

/** The queue's items due at or before `now`, oldest first: only what is due is read. */
export const dueItems = async (queue: 'expiry' | 'follow-up', now: Date, limit: number) =>
  (
    await queryAll(
      {
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :due',
        ExpressionAttributeValues: {
          ':pk': queue === 'expiry' ? keys.quotesDueToExpirePartition() : keys.quotesDueForFollowUpPartition(),
          ':due': keys.dueBefore(now.toISOString()),
        },
        Limit: limit,
      },
      limit,
    )
  ).map((item) => strip<QueueItem>(item));

/** Drops a queue item that no longer means anything (its quote moved on). */
export const dropQueueItem = (item: QueueItem) =>
  transact([{ Delete: { TableName: tableName(), Key: keys.quoteQueueItem(item.customerId, item.quoteId, item.queue) } }]);

/**
 * Takes a follow-up off its queue, once: the delete is conditional on the item still being there
 * and the quote still being sent at that version, and carries the event.
 */
export const takeFollowUp = (item: QueueItem, event: TransactItem) =>
  transact([
    {
      Delete: {
        TableName: tableName(),
        Key: keys.quoteQueueItem(item.customerId, item.quoteId, 'follow-up'),
        ConditionExpression: 'attribute_exists(pk) AND version = :version',
        ExpressionAttributeValues: { ':version': item.version },
      },
    },
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.quote(item.customerId, item.quoteId),
        ConditionExpression: '#status = :sent AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':version': item.version },
      },
    },
    event,
  ]);

/** The report entries of quotes sent in the given Istanbul months. */
export const sentInMonths = async (months: readonly string[]) =>
  (
    await Promise.all(
      months.map((month) =>
        queryAll({
          TableName: tableName(),
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.quotesSentInPartition(month) },
        }),
      ),
    )
  )
    .flat()
    .map((item) => strip<QuoteSummary & { quoteId: string; teamId?: string }>(item));

/**
 * The order of an accepted quote, once: its key is derived from the quote, it is written only if
 * absent, and the quote records it in the same transaction. A second attempt changes nothing.
 */
export const saveOrder = (quote: Quote, order: Order, event: TransactItem) =>
  transact([
    putNew({ ...keys.order(order.customerId, order.orderId), ...keys.orderById(order.orderId), type: 'order', ...order }),
    {
      Update: {
        TableName: tableName(),
        Key: keys.quote(quote.customerId, quote.quoteId),
        UpdateExpression: 'SET orderId = :orderId',
        ConditionExpression: '#status = :accepted AND version = :version AND attribute_not_exists(orderId)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':orderId': order.orderId, ':accepted': 'accepted', ':version': quote.version },
      },
    },
    event,
  ]);
