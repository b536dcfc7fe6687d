// Who changed a record that has no lifecycle (a person, a key, a campaign's reputation gate), and
// when: one history item beside it, in its own partition, written in the transaction that makes the
// change (`keys.history`, as every entity's moves are).
import { clockNow } from './clock.js';
import type { TransactItem } from './db.js';
import { putNew } from './db.js';
import { fromItem } from './entity.js';
import { newId } from './ids.js';
import { queryPage } from './query.js';
import { type Key, keys } from './table.js';

/** Who acts: a user id over the API, `operator` (whoever holds the AWS credentials) with the CLI. */
export interface AuditActor {
  actorId: string;
  via: 'api' | 'cli';
}

export interface AuditEntry extends AuditActor {
  at: string;
  action: string;
  note?: string;
}

export const cliOperator: AuditActor = { actorId: 'operator', via: 'cli' };

export const auditItem = (
  entity: Key,
  by: AuditActor,
  action: string,
  note?: string,
  at = clockNow().toISOString(),
): TransactItem =>
  putNew({ ...keys.history(entity, at, newId()), type: 'history', at, action, ...by, ...(note ? { note } : {}) });

/** The latest changes, newest first. */
export const auditTrail = async (entity: Key, limit = 20): Promise<AuditEntry[]> => {
  const page = await queryPage({
    partition: entity.pk,
    range: { prefix: keys.historyPrefix(entity) },
    order: 'newest',
    limit,
  });
  return page.items.map((item) => {
    const { at, actorId, action, via, note } = fromItem<AuditEntry>(item);
    return { at, actorId, action, via, ...(note ? { note } : {}) };
  });
};
