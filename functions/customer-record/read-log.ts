// Who read which customer's record, when, through which route (KVKK art. 12: the firm must be able to
// show who reached a person's data). Every read route of the record writes one entry per customer it
// showed, and answers only once the entries are written: a read that could not be logged is not
// answered. (The call center's lookup writes them beside its read, see customer-view.ts.)
// Append-only: an entry is written once with a condition that it is new; nothing updates or deletes
// one (no route, no job), and it lives outside the customer's partition, so it outlives an erasure.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, putNew } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { queryPage } from '../../shared/query.js';
import { byAssignee } from '../../shared/table.js';
import { customerRecordKeys } from './keys.js';

/** How long an entry is kept: two years, then DynamoDB's TTL removes it. */
export const READ_LOG_DAYS = 730;

export interface RecordRead {
  readId: string;
  customerId: string;
  userId: string;
  /** The caller's key id: a person's session or an integration's key. */
  keyId: string;
  role: string;
  /** The route as the manifest declares it: `GET /customers/{customerId}`. */
  route: string;
  /** For a part's page: which part. */
  part?: string;
  at: string;
}

/**
 * One entry per customer the answer shows, each its own conditional put, all at once: the entries
 * need not stand or fall together (any one refused refuses the answer), so no transaction (2 write
 * units an item) is paid for.
 */
export const logReads = async (
  actor: Actor,
  route: { method: string; path: string },
  customerIds: readonly string[],
  part?: string,
  now = clockNow(),
) => {
  if (!customerIds.length) return;
  const at = now.toISOString();
  const expiresAt = Math.floor(now.getTime() / 1000) + READ_LOG_DAYS * 24 * 60 * 60;
  await Promise.all(
    [...new Set(customerIds)].map((customerId) => {
      const readId = newId();
      const entry: RecordRead = {
        readId,
        customerId,
        userId: actor.userId,
        keyId: actor.keyId,
        role: actor.role,
        route: `${route.method} ${route.path}`,
        ...(part ? { part } : {}),
        at,
      };
      const { Put } = putNew({
        ...customerRecordKeys.recordRead(customerId, at, readId),
        ...customerRecordKeys.recordReadsBy(actor.userId, at, readId),
        type: 'record-read',
        ...entry,
        expiresAt,
      });
      // A refused entry (a readId taken: never, it is a fresh ULID) throws, and the read is not answered.
      return db().send(new PutCommand(Put!));
    }),
  );
};

const page = async (index: typeof byAssignee | undefined, partition: string, limit: number, cursor?: string) => {
  const found = await queryPage({ ...(index ? { index } : {}), partition, order: 'newest', limit, cursor });
  return {
    items: found.items.map((item) => {
      const { expiresAt: _, ...entry } = fromItem<RecordRead & { expiresAt?: number }>(item);
      return entry;
    }),
    nextCursor: found.next,
  };
};

/** Who read one customer's record, newest first. */
export const readsOfCustomer = (customerId: string, limit: number, cursor?: string) =>
  page(undefined, customerRecordKeys.recordReadsPartition(customerId), limit, cursor);

/** What one staff member (or integration's user) read, newest first. */
export const readsByUser = (userId: string, limit: number, cursor?: string) =>
  page(byAssignee, customerRecordKeys.recordReadsByPartition(userId), limit, cursor);
