// The customer record's loyalty part: the member's balance, what lapses when, and the rewards issued.
import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import { loyaltyKeys } from './keys.js';
import type { LoyaltyAccount } from './ledger.js';

export const loyaltySummary = z.strictObject({
  balance: z.int(),
  /** Points by the last day they may be spent, nearest first. */
  lots: z.array(z.strictObject({ expiresOn: z.string(), points: z.int() })),
  owed: z.int(),
  rewardsIssued: z.int(),
  updatedAt: z.string(),
});

export const loyaltyRecordPart = recordPart({
  prefix: loyaltyKeys.accountPrefix(),
  type: 'loyalty-account',
  schema: loyaltySummary,
  summary: (account: LoyaltyAccount) => ({
    balance: account.balance,
    lots: Object.entries(account.lots)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([expiresOn, points]) => ({ expiresOn, points })),
    owed: account.owed,
    rewardsIssued: account.rewardsIssued,
    updatedAt: account.updatedAt,
  }),
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { points: loyaltyRecordPart };
