// The İYS sync's items in the one table. Partitions: IYS_PUSH#<customerId> — one push per ledger entry
// of the customer (sort key: the entry's own), ids and states only, no address; IYS_PULL/CURSOR — where
// the change list was read up to; IYS_CHANGE#<İYS change id> — each change pulled and what came of it,
// listed on gsi2 under IYS_CHANGES (newest first; written at the pace people change their mind at İYS,
// unsharded).
import { type Key, timeOrdered } from '../../shared/table.js';

export const iysKeys = {
  push: (customerId: string, entrySk: string): Key => ({ pk: `IYS_PUSH#${customerId}`, sk: entrySk }),
  pushPartition: (customerId: string) => `IYS_PUSH#${customerId}`,
  pullCursor: (): Key => ({ pk: 'IYS_PULL', sk: 'CURSOR' }),
  change: (changeId: string): Key => ({ pk: `IYS_CHANGE#${changeId}`, sk: 'CHANGE' }),
  changeList: (appliedAt: string, changeId: string) => ({
    gsi2pk: 'IYS_CHANGES',
    gsi2sk: timeOrdered(appliedAt, changeId),
  }),
  changeListPartition: () => 'IYS_CHANGES',
  /** Pushes İYS refused, listed on gsi1 newest first (few: each one a record İYS will not take). */
  refusedPush: (refusedAt: string, customerId: string, entrySk: string) => ({
    gsi1pk: 'IYS_PUSHES_REFUSED',
    gsi1sk: timeOrdered(refusedAt, `${customerId}#${entrySk}`),
  }),
  refusedPushPartition: () => 'IYS_PUSHES_REFUSED',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'iys-push': true;
    'iys-pull': true;
    'iys-change': true;
  }
}
