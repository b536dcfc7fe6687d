// The points ledger in the member's partition: an account item (balance, the lots still open by lapse
// day; versioned by seq), one item per month of figures, and one entry per posting. Every posting is
// ONE transaction: the entry, put only if its key is free (the key names the order and direction, the
// redemption, the reward or the lapse day, so the entry is its own applied marker), the account, put
// only at the seq it was read at, and the month's figures added to. A redelivered event finds its
// entry and changes nothing; two postings racing on one account leave one to read again. The account
// stays small whatever the member's age (one write unit covers 1 KB), as every posting rewrites it.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, itemAbsent, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { defineEntity } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { type RuleDocument, readRules, replaceRules, type StoredRules } from '../../shared/rule-document.js';
import { byState, fromItem } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { catalogue, type EventDetail } from '../event-table.js';
import { getOrder, type Order } from '../order-routing/public.js';
import { type Coupon, couponItems } from './coupon-store.js';
import { newCouponCode } from './domain/coupon.js';
import { type EarningLine, expiresOn, inTryAt, netOfGross, pointsFor } from './domain/earning.js';
import {
  balanceOf,
  earn,
  type Lots,
  lapse,
  lotsTotal,
  type MonthFigures,
  NotEnoughPointsError,
  reverse,
  rewardsIn,
  spend,
} from './domain/ledger.js';
import { defaultLoyaltyRules, type LoyaltyRules } from './domain/rules.js';
import { type EntrySource, loyaltyKeys } from './keys.js';

// ---- the rules ---------------------------------------------------------------------------------

const rulesDocument: RuleDocument<LoyaltyRules> = {
  key: loyaltyKeys.rules(),
  type: 'loyalty-rules',
  defaults: defaultLoyaltyRules,
  stale: () =>
    new ConflictError('loyalty-rules-changed', {
      en: 'The loyalty rules were changed meanwhile; read them again.',
      tr: 'Sadakat kuralları bu arada değiştirildi; yeniden yükleyin.',
    }),
};

export const getLoyaltyRules = (): Promise<StoredRules<LoyaltyRules>> => readRules(rulesDocument);

export const setLoyaltyRules = (rules: LoyaltyRules, seq: number, actorId: string, now = clockNow()) =>
  replaceRules(rulesDocument, rules, seq, actorId, now);

// ---- the account and its entries -----------------------------------------------------------------

export interface LoyaltyAccount extends Lots {
  customerId: string;
  status: 'active';
  seq: number;
  balance: number;
  /**
   * Month figures of an account written before they had items of their own: the next posting moves
   * them out (`moveMonthsOut`); the reports add them until then.
   */
  months?: Record<string, MonthFigures>;
  rewardsIssued: number;
  createdAt: string;
  updatedAt: string;
}

export type EntryKind = EntrySource['kind'];

export interface LedgerEntry {
  customerId: string;
  kind: EntryKind;
  /** Signed: what the entry adds to the balance. */
  points: number;
  at: string;
  month: string;
  orderId?: string;
  /** An earning's lapse day (its lot). */
  expiresOn?: string;
  redemptionId?: string;
  rewardId?: string;
  /** A reward's coupon code. */
  code?: string;
  /** The order a redemption was made against, as the till names it. */
  orderRef?: string;
  /** Which lots a spend took from. */
  taken?: Record<string, number>;
  rulesSeq?: number;
}

export const accounts = defineEntity<LoyaltyAccount>({
  type: 'loyalty-account',
  key: (a) => loyaltyKeys.account(a.customerId),
  indexes: (a) => loyaltyKeys.members(a.customerId),
});

const entryItem = (entry: LedgerEntry, source: EntrySource) =>
  putNew({ ...loyaltyKeys.entry(entry.customerId, source), type: 'loyalty-entry', ...entry });

const emptyAccount = (customerId: string, at: string): LoyaltyAccount => ({
  customerId,
  status: 'active',
  seq: 0,
  balance: 0,
  lots: {},
  owed: 0,
  rewardsIssued: 0,
  createdAt: at,
  updatedAt: at,
});

export const getAccount = (customerId: string) => accounts.get(loyaltyKeys.account(customerId));

const accountPut = (before: LoyaltyAccount, after: LoyaltyAccount): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: accounts.item(after),
    ...(before.seq === 0
      ? { ConditionExpression: itemAbsent }
      : {
          ConditionExpression: '#seq = :seq',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':seq': before.seq },
        }),
  },
});

const settled = (before: LoyaltyAccount, state: Lots, now: Date): LoyaltyAccount => ({
  ...withoutMonths(before),
  ...state,
  balance: balanceOf(state),
  seq: before.seq + 1,
  updatedAt: now.toISOString(),
});

const withoutMonths = ({ months: _, ...account }: LoyaltyAccount): LoyaltyAccount => account;

/** A member's figures for one month, as their own item; in the months index by month for the reports. */
export interface MonthItem extends MonthFigures {
  customerId: string;
  month: string;
}

/** Adds `change` to the member's month item (made by the first posting of the month). */
const addToMonthItem = (customerId: string, month: string, change: Partial<MonthFigures>): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: loyaltyKeys.month(customerId, month),
    UpdateExpression:
      'SET #type = :type, customerId = :customerId, #month = :month, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ' +
      'ADD earned :earned, spent :spent, expired :expired',
    ExpressionAttributeNames: { '#type': 'type', '#month': 'month' },
    ExpressionAttributeValues: {
      ':type': 'loyalty-month',
      ':customerId': customerId,
      ':month': month,
      ...Object.fromEntries(Object.entries(loyaltyKeys.monthsIndex(customerId, month)).map(([k, v]) => [`:${k}`, v])),
      ':earned': change.earned ?? 0,
      ':spent': change.spent ?? 0,
      ':expired': change.expired ?? 0,
    },
  },
});

/** Moved out of a legacy account per transaction (a transaction holds at most 100 items). */
const MONTHS_MOVED_AT_ONCE = 90;

/** Moves an old account's month figures into month items, oldest first, at the account's seq. */
const moveMonthsOut = async (before: LoyaltyAccount) => {
  const months = Object.entries(before.months ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const rest = months.slice(MONTHS_MOVED_AT_ONCE);
  const after: LoyaltyAccount = {
    ...withoutMonths(before),
    ...(rest.length ? { months: Object.fromEntries(rest) } : {}),
    seq: before.seq + 1,
  };
  await transact([
    accountPut(before, after),
    ...months
      .slice(0, MONTHS_MOVED_AT_ONCE)
      .map(([month, figures]) => addToMonthItem(before.customerId, month, figures)),
  ]);
};

/** A posting: the entry that marks it (first), the account, then anything that goes with it. */
interface Posting {
  marker: TransactItem;
  after: LoyaltyAccount;
  /** What it adds to this month's earned, spent and expired. */
  figures: Partial<MonthFigures>;
  /** Must hold for the posting to be made; its failure is reported, not retried. */
  guard?: TransactItem;
  also?: TransactItem[];
}

const MAX_ATTEMPTS = 20;
const FAILED = 'ConditionalCheckFailed';

export type PostOutcome<R> =
  | { outcome: 'applied'; result: R }
  | { outcome: 'already' }
  | { outcome: 'guarded' }
  | { outcome: 'nothing' };

/**
 * Runs `plan` on the account as stored until its transaction commits: `already` when the marker
 * entry exists, `guarded` when the guard failed. Races on the account read again after a short wait.
 */
const post = async <R>(
  customerId: string,
  now: Date,
  plan: (before: LoyaltyAccount) => Promise<{ posting: Posting; result: R } | undefined>,
): Promise<PostOutcome<R>> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = (await getAccount(customerId)) ?? emptyAccount(customerId, now.toISOString());
    if (Object.keys(before.months ?? {}).length) {
      await moveMonthsOut(before);
      continue;
    }
    const planned = await plan(before);
    if (!planned) return { outcome: 'nothing' };
    const { posting, result } = planned;
    const items = [posting.marker, accountPut(before, posting.after), ...(posting.guard ? [posting.guard] : [])];
    const month = addToMonthItem(customerId, istanbulDate(now).slice(0, 7), posting.figures);
    const outcome = await transact([...items, ...(posting.also ?? []), month]);
    if (outcome.ok) return { outcome: 'applied', result };
    // A conflict with another transaction (AWS only) proves nothing: only a failed condition does.
    if (outcome.reasons[0] === FAILED) return { outcome: 'already' };
    if (posting.guard && outcome.reasons[2] === FAILED) return { outcome: 'guarded' };
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
  }
  throw new Error(`Loyalty account ${customerId} kept changing; the posting will be tried again.`);
};

export const entryOf = async (customerId: string, source: EntrySource) => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: loyaltyKeys.entry(customerId, source), ConsistentRead: true }),
  );
  return found.Item ? fromItem<LedgerEntry>(found.Item) : undefined;
};

// ---- earning and reversing an order's points ----------------------------------------------------------

/** An order's lines as earning sees them: net of KDV, in TRY. */
export const earningLines = (order: Order, rules: Pick<LoyaltyRules, 'defaultKdvBp'>): EarningLine[] | undefined => {
  const total = order.totals.grandTotal.amount;
  const totalTry = order.currency === 'TRY' ? total : order.grandTotalTry?.amount;
  if (totalTry === undefined) return undefined;
  return order.lines.map((line) => {
    // Lines from a quote carry their net; shop and ERP lines a KDV-inclusive total.
    const quotedNet = (line as { net?: { amount: number } }).net?.amount;
    const net = quotedNet ?? netOfGross(line.total.amount, rules.defaultKdvBp);
    return { netTry: order.currency === 'TRY' ? net : inTryAt(net, total, totalTry), category: line.category };
  });
};

export interface RewardFacts {
  rewardId: string;
  code: string;
  points: number;
  value: number;
}

/** The reward the balance buys, if it reaches the threshold: its coupon, entry and event with the posting. */
const rewardFor = (account: LoyaltyAccount, rules: StoredRules<LoyaltyRules>, now: Date) => {
  const count = rewardsIn(account.balance, rules.reward.thresholdPoints);
  if (count === 0) return undefined;
  const points = count * rules.reward.thresholdPoints;
  const { state, taken } = spend(account, points);
  const rewardId = newId();
  const at = now.toISOString();
  const today = istanbulDate(now);
  const coupon: Coupon = {
    code: newCouponCode(),
    kind: 'reward',
    customerId: account.customerId,
    rewardId,
    benefit: { kind: 'amount', amount: count * rules.reward.valueMinor },
    currency: 'TRY',
    validFrom: today,
    validTo: istanbulDate(new Date(now.getTime() + rules.reward.validDays * 86_400_000)),
    status: 'issued',
    seq: 1,
    createdAt: at,
  };
  const after: LoyaltyAccount = {
    ...settled(account, state, now),
    seq: account.seq,
    rewardsIssued: account.rewardsIssued + 1,
  };
  const facts: RewardFacts = {
    rewardId,
    code: coupon.code,
    points,
    value: coupon.benefit.kind === 'amount' ? coupon.benefit.amount : 0,
  };
  return {
    after,
    facts,
    items: [
      ...couponItems(coupon),
      entryItem(
        {
          customerId: account.customerId,
          kind: 'reward',
          points: -points,
          at,
          month: today.slice(0, 7),
          rewardId,
          code: coupon.code,
          taken,
        },
        { kind: 'reward', rewardId },
      ),
      outboxPut(
        catalogue.LoyaltyRewardIssued,
        { customerId: account.customerId, rewardId, points, value: facts.value, currency: 'TRY' },
        now,
      ),
    ],
  };
};

export type OrderPosting =
  | { outcome: 'ignored'; why: string }
  | { outcome: 'already' }
  | { outcome: 'earned'; points: number; reward?: RewardFacts }
  | { outcome: 'reversed'; points: number };

const reversing = ['cancelled', 'returned'] as const;

/** An order's points for its customer, once: earned when it reaches the rules' status, taken back on cancel or return. */
export const postOrderPoints = async (
  detail: EventDetail<'OrderStatusChanged'>,
  now = clockNow(),
): Promise<OrderPosting> => {
  const rules = await getLoyaltyRules();
  if ((reversing as readonly string[]).includes(detail.to)) return reverseOrder(detail.customerId, detail.orderId, now);
  if (detail.to !== rules.postOn) return { outcome: 'ignored', why: `status ${detail.to}` };
  // A redelivered event finds its entry with a read and writes nothing (a refused transaction is billed too).
  const [order, earnedBefore] = await Promise.all([
    getOrder(detail.customerId, detail.orderId),
    entryOf(detail.customerId, { kind: 'earn', orderId: detail.orderId }),
  ]);
  if (!order) throw new Error(`Order ${detail.orderId} is not in customer ${detail.customerId}'s partition`);
  // A late event for an order already taken back earns nothing (the reversal's entry guards it too).
  if ((reversing as readonly string[]).includes(order.status))
    return { outcome: 'ignored', why: `order ${order.status}` };
  if (earnedBefore) return { outcome: 'already' };
  const lines = earningLines(order, rules);
  if (!lines) return { outcome: 'ignored', why: 'no TRY amount' };
  const earning = pointsFor(lines, istanbulDate(new Date(order.createdAt)), rules);
  if (earning.points === 0) return { outcome: 'ignored', why: 'no points' };
  const customerId = order.customerId;
  const today = istanbulDate(now);
  const lapseDay = expiresOn(today, rules);
  const posted = await post(customerId, now, async (before) => {
    const earned = settled(before, earn(before, earning.points, lapseDay), now);
    const reward = rewardFor(earned, rules, now);
    return {
      posting: {
        marker: entryItem(
          {
            customerId,
            kind: 'earn',
            points: earning.points,
            at: now.toISOString(),
            month: today.slice(0, 7),
            orderId: order.orderId,
            expiresOn: lapseDay,
            rulesSeq: rules.seq,
          },
          { kind: 'earn', orderId: order.orderId },
        ),
        after: reward?.after ?? earned,
        figures: { earned: earning.points, spent: reward?.facts.points ?? 0 },
        guard: {
          ConditionCheck: {
            TableName: tableName(),
            Key: loyaltyKeys.entry(customerId, { kind: 'reverse', orderId: order.orderId }),
            ConditionExpression: itemAbsent,
          },
        },
        also: reward?.items,
      },
      result: reward?.facts,
    };
  });
  if (posted.outcome === 'guarded') return { outcome: 'ignored', why: 'reversed before it was earned' };
  if (posted.outcome !== 'applied') return { outcome: 'already' };
  return { outcome: 'earned', points: earning.points, ...(posted.result ? { reward: posted.result } : {}) };
};

/** Takes back what the order earned, once; an order that earned nothing gets a 0 entry, which stops a late earning. */
export const reverseOrder = async (customerId: string, orderId: string, now = clockNow()): Promise<OrderPosting> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const earned = await entryOf(customerId, { kind: 'earn', orderId });
    const at = now.toISOString();
    const month = istanbulDate(now).slice(0, 7);
    const points = earned?.points ?? 0;
    const marker = entryItem(
      { customerId, kind: 'reverse', points: -points, at, month, orderId, expiresOn: earned?.expiresOn },
      { kind: 'reverse', orderId },
    );
    if (!earned) {
      const result = await transact([
        marker,
        {
          ConditionCheck: {
            TableName: tableName(),
            Key: loyaltyKeys.entry(customerId, { kind: 'earn', orderId }),
            ConditionExpression: itemAbsent,
          },
        },
      ]);
      if (result.ok) return { outcome: 'reversed', points: 0 };
      if (result.reasons[0] === FAILED) return { outcome: 'already' };
      continue; // earned meanwhile: take that back
    }
    const posted = await post(customerId, now, async (before) => ({
      posting: {
        marker,
        after: settled(before, reverse(before, points, earned.expiresOn ?? ''), now),
        // Reversed points count against the month they are taken back in, as earned negatively.
        figures: { earned: -points },
      },
      result: undefined,
    }));
    return posted.outcome === 'applied' ? { outcome: 'reversed', points } : { outcome: 'already' };
  }
  throw new Error(`Order ${orderId}'s points kept changing; the event will be delivered again.`);
};

// ---- redeeming points at a till ---------------------------------------------------------------------

export interface PointsRedemption {
  redemptionId: string;
  customerId: string;
  points: number;
  /** What the points take off the order, in TRY minor units. */
  value: { amount: number; currency: 'TRY' };
  balance: number;
  orderRef: string;
}

export const notEnoughPoints = (error: NotEnoughPointsError) =>
  new ProblemError(
    422,
    'not-enough-points',
    {
      en: `The member has ${error.available} points; ${error.wanted} were asked.`,
      tr: `Üyenin ${error.available} puanı var; ${error.wanted} puan istendi.`,
    },
    [{ path: 'points', message: { en: `At most ${error.available}.`, tr: `En çok ${error.available}.` } }],
  );

/** Spends points nearest-expiring first against an order; the stored answer (Idempotency-Key) in the same transaction. */
export const redeemPoints = async (
  customerId: string,
  request: { points: number; orderRef: string },
  record: Recorder,
  now = clockNow(),
): Promise<PointsRedemption> => {
  const rules = await getLoyaltyRules();
  const redemptionId = newId();
  const posted = await post(customerId, now, async (before) => {
    let spent: ReturnType<typeof spend>;
    try {
      spent = spend(before, request.points);
    } catch (error) {
      if (error instanceof NotEnoughPointsError) throw notEnoughPoints(error);
      throw error;
    }
    const after = settled(before, spent.state, now);
    const answer: PointsRedemption = {
      redemptionId,
      customerId,
      points: request.points,
      value: { amount: request.points * rules.pointValueMinor, currency: 'TRY' },
      balance: after.balance,
      orderRef: request.orderRef,
    };
    return {
      posting: {
        marker: entryItem(
          {
            customerId,
            kind: 'redeem',
            points: -request.points,
            at: now.toISOString(),
            month: istanbulDate(now).slice(0, 7),
            redemptionId,
            orderRef: request.orderRef,
            taken: spent.taken,
          },
          { kind: 'redeem', redemptionId },
        ),
        after,
        figures: { spent: request.points },
        also: record(answer),
      },
      result: answer,
    };
  });
  if (posted.outcome !== 'applied') throw new Error(`Redemption ${redemptionId} was not posted`);
  return posted.result;
};

// ---- lapsing, the ledger's entries and reconciliation -------------------------------------------------

/** Lapses the member's lots whose last day is before today: one entry per lot day, so a rerun finds it. */
export const expirePoints = async (customerId: string, now = clockNow()) => {
  const today = istanbulDate(now);
  const posted = await post(customerId, now, async (before) => {
    const { lapsed, state } = lapse(before, today);
    const days = Object.keys(lapsed).sort();
    const at = now.toISOString();
    const entries = days.map((day) =>
      entryItem(
        { customerId, kind: 'expire', points: -lapsed[day]!, at, month: today.slice(0, 7), expiresOn: day },
        { kind: 'expire', day },
      ),
    );
    const total = lotsTotal(lapsed);
    if (!entries.length) return undefined;
    return {
      posting: {
        marker: entries[0]!,
        after: settled(before, state, now),
        figures: { expired: total },
        also: entries.slice(1),
      },
      result: total,
    };
  });
  return posted.outcome === 'applied' ? posted.result : 0;
};

export const entriesOf = async (customerId: string) =>
  (
    await queryAll(
      { partition: `CUSTOMER#${customerId}`, range: { prefix: loyaltyKeys.entriesPrefix() }, consistent: true },
      Number.MAX_SAFE_INTEGER,
    )
  ).map((item) => fromItem<LedgerEntry>(item));

/** Every member's figures of one month (`2026-03`), or of every month: the months index, never the table. */
export const monthItems = async (month?: string): Promise<MonthItem[]> =>
  (
    await queryAll(
      {
        index: byState,
        partition: loyaltyKeys.monthsPartitions(),
        order: 'oldest',
        ...(month ? { range: { prefix: `${month}#` } } : {}),
      },
      Number.MAX_SAFE_INTEGER,
    )
  ).map((item) => fromItem<MonthItem>(item));

/** Every member's account: the jobs and reports page the members index, never the table. */
export const allAccounts = async (): Promise<LoyaltyAccount[]> =>
  (
    await queryAll(
      { index: byState, partition: loyaltyKeys.membersPartitions(), order: 'oldest' },
      Number.MAX_SAFE_INTEGER,
    )
  ).map((item) => accounts.read(item));
