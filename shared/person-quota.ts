// Each person's own daily allowance of API calls. Integrations are metered by API Gateway: each key's
// usage-plan key has its own quota in its tier's plan. People all present the console's usage-plan
// key (the authorizer hands it over), whose plan only throttles: a per-person quota there would need
// an API Gateway key per person. So the count is here, one conditional write per call, and one
// person who runs a script against the API uses up their own day, not everyone's.

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { config } from './config.js';
import { db, tableName } from './db.js';
import { ProblemError } from './problems.js';
import { type ItemType, keys, tableSchema } from './table.js';

/** Kept a day past its own so that a call at 23:59 UTC still finds its count. */
const KEEP_SECONDS = 2 * 24 * 60 * 60;

const quotaExceeded = (limit: number, day: string, now: Date) =>
  new ProblemError(
    429,
    'quota-exceeded',
    {
      en: `You have made ${limit} API calls today (UTC ${day}); your allowance starts again at midnight UTC.`,
      tr: `Bugün ${limit} API çağrısı yaptınız (UTC ${day}); hakkınız UTC gece yarısı yenilenir.`,
    },
    [],
    { 'retry-after': String(secondsToMidnight(day, now.getTime())) },
  );

const secondsToMidnight = (day: string, now: number) =>
  Math.max(1, Math.ceil((Date.parse(`${day}T00:00:00Z`) + 86_400_000 - now) / 1000));

/** Counts one call by this person today; past their daily quota, a 429 that changes nothing. */
export const countPersonCall = async (userId: string, now: Date = clockNow()): Promise<void> => {
  const limit = config.personDailyQuota();
  const day = now.toISOString().slice(0, 10);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.personCalls(userId, day),
        UpdateExpression: 'ADD calls :one SET #type = :type, #expires = if_not_exists(#expires, :expires)',
        ConditionExpression: 'attribute_not_exists(calls) OR calls < :limit',
        ExpressionAttributeNames: { '#type': 'type', '#expires': tableSchema.ttlAttribute },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit,
          ':type': 'person-calls' satisfies ItemType,
          ':expires': Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw quotaExceeded(limit, day, now);
    throw error;
  }
};
