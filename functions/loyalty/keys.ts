// The keys of loyalty in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> LOYALTY#ACCOUNT (balance, open lots; versioned by seq),
// LOYALTY#MONTH#<yyyy-mm> (the member's points earned, spent and expired that Istanbul month) and
// LOYALTY#ENTRY#<source> — one ledger entry per posting, its key named by what caused it (an order
// and direction, a redemption, a reward, a lapse day), so the entry is its own applied marker;
// COUPON#<code> COUPON (a reward or a campaign's coupon; read by code, consistently);
// LOYALTY_CAMPAIGN#<id> CAMPAIGN | MEMBER#<customerId> (a coupon campaign and who it issued to);
// LOYALTY_RULES CURRENT; LOYALTY_RECONCILIATION LATEST.
// Indexes: gsi2 LOYALTY_MEMBERS#<shard> (every account: the jobs and reports page it),
// gsi2 LOYALTY_MONTHS#<shard> by month (every member's month figures: the report and the statements),
// gsi1 MEMBER_COUPONS#<customerId> (a member's coupons, newest first), gsi2 LOYALTY_CAMPAIGNS (the list).
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export type EntrySource =
  | { kind: 'earn' | 'reverse'; orderId: string }
  | { kind: 'redeem'; redemptionId: string }
  | { kind: 'reward'; rewardId: string }
  | { kind: 'expire'; day: string };

const sourceKey = (source: EntrySource) => {
  switch (source.kind) {
    case 'earn':
    case 'reverse':
      return `ORDER#${source.orderId}#${source.kind}`;
    case 'redeem':
      return `REDEEM#${source.redemptionId}`;
    case 'reward':
      return `REWARD#${source.rewardId}`;
    case 'expire':
      return `EXPIRE#${source.day}`;
  }
};

export const loyaltyKeys = {
  account: (customerId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: 'LOYALTY#ACCOUNT' }),
  accountPrefix: () => 'LOYALTY#ACCOUNT',
  members: (customerId: string) => ({ gsi2pk: sharded('LOYALTY_MEMBERS', customerId), gsi2sk: customerId }),
  membersPartitions: () => allShards('LOYALTY_MEMBERS'),
  /** A member's figures for one Istanbul month, `2026-03`. */
  month: (customerId: string, month: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: `LOYALTY#MONTH#${month}` }),
  monthsIndex: (customerId: string, month: string) => ({
    gsi2pk: sharded('LOYALTY_MONTHS', customerId),
    gsi2sk: `${month}#${customerId}`,
  }),
  monthsPartitions: () => allShards('LOYALTY_MONTHS'),
  entry: (customerId: string, source: EntrySource): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `LOYALTY#ENTRY#${sourceKey(source)}`,
  }),
  entriesPrefix: () => 'LOYALTY#ENTRY#',
  coupon: (code: string): Key => ({ pk: `COUPON#${code}`, sk: 'COUPON' }),
  memberCoupons: (customerId: string, createdAt: string, code: string) => ({
    gsi1pk: `MEMBER_COUPONS#${customerId}`,
    gsi1sk: timeOrdered(createdAt, code),
  }),
  memberCouponsPartition: (customerId: string) => `MEMBER_COUPONS#${customerId}`,
  campaign: (campaignId: string): Key => ({ pk: `LOYALTY_CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  campaignList: (createdAt: string, campaignId: string) => ({
    gsi2pk: 'LOYALTY_CAMPAIGNS',
    gsi2sk: timeOrdered(createdAt, campaignId),
  }),
  campaignListPartition: () => 'LOYALTY_CAMPAIGNS',
  campaignMember: (campaignId: string, customerId: string): Key => ({
    pk: `LOYALTY_CAMPAIGN#${campaignId}`,
    sk: `MEMBER#${customerId}`,
  }),
  campaignMemberPrefix: () => 'MEMBER#',
  rules: (): Key => ({ pk: 'LOYALTY_RULES', sk: 'CURRENT' }),
  reconciliation: (): Key => ({ pk: 'LOYALTY_RECONCILIATION', sk: 'LATEST' }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'loyalty-account': true;
    'loyalty-entry': true;
    'loyalty-month': true;
    'loyalty-rules': true;
    coupon: true;
    'coupon-campaign': true;
    'coupon-issued': true;
    'loyalty-reconciliation': true;
  }
}
