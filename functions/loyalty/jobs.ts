// What runs on the ledger as a whole: the reward mail, lapsing points, the periodic statement, the
// reconciliation that checks every balance against its entries, and the reports.

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { getCustomer } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { MailInProgressError, onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { sendTransactionalSms } from '../../shared/sms.js';
import { DAY_MS, istanbulDate } from '../../shared/time.js';
import { chooseChannel, getPreference, reachableBy } from '../channels/public.js';
import { type Coupon, getCoupon } from './coupon-store.js';
import { addFigures, balanceOf, expiringBetween, type MonthFigures } from './domain/ledger.js';
import { loyaltyKeys } from './keys.js';
import { allAccounts, entriesOf, entryOf, expirePoints, getLoyaltyRules, monthItems } from './ledger.js';
import { rewardMail, statementMail, statementSubject, statementText } from './templates/statement.js';

/** Tells the member of a new reward, once per reward, by e-mail (the only channel loyalty mails today). */
export const mailReward = async (detail: { customerId: string; rewardId: string; points: number; value: number }) => {
  const customer = await getCustomer(detail.customerId);
  if (!customer?.email) return { status: 'skipped' as const, reason: 'no-address' };
  const coupon = await rewardCoupon(detail.customerId, detail.rewardId);
  if (!coupon) throw new Error(`Reward ${detail.rewardId} has no coupon yet`);
  const to = customer.email;
  return sendOnce(onceKey('loyalty-reward', detail.rewardId), () =>
    sendTransactional({
      to,
      customerId: detail.customerId,
      ...rewardMail.render(customer.language, {
        name: customer.name,
        code: coupon.code,
        value: detail.value,
        points: detail.points,
        validTo: coupon.validTo,
      }),
    }),
  );
};

/** The reward's coupon: its entry names the code. */
const rewardCoupon = async (customerId: string, rewardId: string): Promise<Coupon | undefined> => {
  const entry = await entryOf(customerId, { kind: 'reward', rewardId });
  return entry?.code ? getCoupon(entry.code) : undefined;
};

/** Lapses every member's points whose last day has passed. */
export const expireAll = async (now = clockNow()) => {
  let members = 0;
  let expired = 0;
  for (const account of await allAccounts()) {
    if (!Object.keys(account.lots).some((day) => day < istanbulDate(now))) continue;
    members++;
    expired += await expirePoints(account.customerId, now);
  }
  return { members, expired };
};

/** The Istanbul month before `now`'s: the period a statement run covers. */
export const previousMonth = (now: Date) => {
  const [year, month] = istanbulDate(now).slice(0, 7).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};

/**
 * Each member's statement for the previous month by the channel they prefer (e-mail or a text; the
 * other when the preferred one cannot reach them), once per member and period however often it runs.
 */
export const mailStatements = async (now = clockNow()) => {
  const rules = await getLoyaltyRules();
  const period = previousMonth(now);
  const today = istanbulDate(now);
  const until = istanbulDate(new Date(now.getTime() + rules.expiringWithinDays * DAY_MS));
  const tally = { members: 0, sent: 0, mailed: 0, texted: 0, skipped: 0, already: 0 };
  const [accounts, items] = await Promise.all([allAccounts(), monthItems(period)]);
  const ofPeriod = new Map(items.map((item) => [item.customerId, item]));
  for (const account of accounts) {
    const item = ofPeriod.get(account.customerId);
    const legacy = account.months?.[period];
    const figures = item || legacy ? addFigures(legacy, item ?? {}) : undefined;
    if (!figures && account.balance === 0) continue;
    tally.members++;
    const customer = await getCustomer(account.customerId);
    const preferred = customer && (await getPreference(account.customerId))?.channel;
    const choice = customer && chooseChannel(preferred, reachableBy(customer));
    if (!customer || !choice || choice.channel === 'letter') {
      tally.skipped++;
      continue;
    }
    const vars = {
      name: customer.name,
      period,
      earned: figures?.earned ?? 0,
      spent: figures?.spent ?? 0,
      expired: figures?.expired ?? 0,
      expiringSoon: expiringBetween(account.lots, today, until),
      expiringBy: until,
      balance: account.balance,
    };
    const { email, phone, language } = customer;
    // One marker per member and period whatever the channel: a member who changes their preference
    // between two runs is not told twice.
    const send =
      choice.channel === 'sms' && phone
        ? () =>
            sendTransactionalSms({
              to: phone,
              text: statementText(language, vars),
              customerId: account.customerId,
              template: 'loyalty-statement',
              subject: statementSubject(language, vars),
            })
        : () =>
            sendTransactional({ to: email!, customerId: account.customerId, ...statementMail.render(language, vars) });
    const outcome = await sendOnce(onceKey('loyalty-statement', account.customerId, period), send).catch((error) => {
      // Another run is sending this one right now: it is that run's to finish.
      if (error instanceof MailInProgressError) return undefined;
      throw error;
    });
    if (outcome?.first && outcome.status === 'sent') tally[choice.channel === 'sms' ? 'texted' : 'mailed']++;
    if (!outcome?.first) tally.already++;
    else if (outcome.status === 'sent') tally.sent++;
    else tally.skipped++;
  }
  return tally;
};

export interface Difference {
  customerId: string;
  balance: number;
  /** The sum of the member's ledger entries. */
  entries: number;
  /** Σ lots − owed. */
  lots: number;
}

const MAX_STORED_DIFFERENCES = 1000;

/** Every balance against the sum of its entries and its lots; the differences are stored and returned. */
export const reconcile = async (now = clockNow()) => {
  const differences: Difference[] = [];
  const accounts = await allAccounts();
  for (const account of accounts) {
    const entries = (await entriesOf(account.customerId)).reduce((sum, entry) => sum + entry.points, 0);
    const lots = balanceOf(account);
    if (entries !== account.balance || lots !== account.balance)
      differences.push({ customerId: account.customerId, balance: account.balance, entries, lots });
  }
  const report = { at: now.toISOString(), accounts: accounts.length, differences };
  // The stored report keeps the first differences (an item holds 400 KB); the job's log has the count.
  const stored = { ...report, differences: differences.slice(0, MAX_STORED_DIFFERENCES) };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...loyaltyKeys.reconciliation(), type: 'loyalty-reconciliation', ...stored },
    }),
  );
  return report;
};

/** Outstanding points and their value, and the points earned, spent and expired per month. */
export const loyaltyReport = async () => {
  const [rules, accounts, items] = await Promise.all([getLoyaltyRules(), allAccounts(), monthItems()]);
  const outstanding = accounts.reduce((sum, account) => sum + Math.max(0, account.balance), 0);
  const months = new Map<string, MonthFigures>();
  const add = (month: string, figures: MonthFigures) => months.set(month, addFigures(months.get(month), figures));
  for (const item of items) add(item.month, item);
  // Accounts no posting has touched since month figures got items of their own still hold theirs.
  for (const account of accounts)
    for (const [month, figures] of Object.entries(account.months ?? {})) add(month, figures);
  return {
    members: accounts.length,
    liability: {
      points: outstanding,
      value: { amount: outstanding * rules.pointValueMinor, currency: 'TRY' as const },
      pointValueMinor: rules.pointValueMinor,
    },
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, row]) => ({ month, ...row })),
  };
};
