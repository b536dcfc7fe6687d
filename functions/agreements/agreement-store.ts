// Agreements in the one table: each in its customer's partition, moved by guarded writes
// (shared/entity.ts); accepted ones are also in a sharded status index the daily sweeps read. Beside
// an agreement: a ledger line per order placed under it (its volume) and a marker per month its
// schedule ordered in, written with the order in one transaction, only if absent. Standing orders (a
// schedule without an agreement) the same way: an entity, active ones in a status index, a marker per month.
import type { Ownership } from '../../shared/access.js';
import { findById, putNew, type TransactItem } from '../../shared/db.js';
import { defineEntity, fromItem } from '../../shared/entity.js';
import { queryAll } from '../../shared/query.js';
import { byState, type ItemType } from '../../shared/table.js';
import type { Agreement, OrderedLine } from './domain/agreement.js';
import type { StandingOrder } from './domain/standing-order.js';
import { agreementsKeys } from './keys.js';

export const agreements = defineEntity<Agreement>({
  type: 'agreement',
  key: (a) => agreementsKeys.agreement(a.customerId, a.agreementId),
  number: (a) => ({ kind: 'agreement', id: a.agreementId, customerId: a.customerId }),
  indexes: (a) => ({
    ...agreementsKeys.agreementById(a.agreementId),
    ...(a.status === 'accepted' ? agreementsKeys.byStatus(a.status, a.createdAt, a.agreementId) : {}),
  }),
});

export const standingOrders = defineEntity<StandingOrder>({
  type: 'standing-order',
  key: (s) => agreementsKeys.standingOrder(s.customerId, s.standingOrderId),
  indexes: (s) => ({
    ...agreementsKeys.standingOrderById(s.standingOrderId),
    ...(s.status === 'active' ? agreementsKeys.standingByStatus(s.status, s.createdAt, s.standingOrderId) : {}),
  }),
});

export const agreementOwnership = (a: Agreement | StandingOrder): Ownership => ({
  ownerId: a.ownerId,
  teamId: a.teamId,
});

export const findAgreement = async (agreementId: string): Promise<Agreement | undefined> => {
  const found = await findById(agreementsKeys.agreementById(agreementId), 'pk, sk');
  return found ? agreements.get({ pk: String(found.pk), sk: String(found.sk) }) : undefined;
};

export const findStandingOrder = async (standingOrderId: string): Promise<StandingOrder | undefined> => {
  const found = await findById(agreementsKeys.standingOrderById(standingOrderId), 'pk, sk');
  return found ? standingOrders.get({ pk: String(found.pk), sk: String(found.sk) }) : undefined;
};

/** Every active standing order, from its sparse status index. */
export const activeStandingOrders = async (max = 10_000) =>
  (
    await queryAll(
      { index: byState, partition: agreementsKeys.standingByStatusPartitions('active'), order: 'oldest' },
      max,
    )
  ).map((item) => standingOrders.read(item));

/** Every accepted agreement: the sweeps' work, read from the sparse status index, never the table. */
export const acceptedAgreements = async (max = 10_000) =>
  (
    await queryAll({ index: byState, partition: agreementsKeys.byStatusPartitions('accepted'), order: 'oldest' }, max)
  ).map((item) => agreements.read(item));

export interface LedgerLine extends OrderedLine {
  orderId: string;
  period?: string;
  at: string;
}

/** What an order under the agreement bought, for its volume: written with the order, once. */
export const ledgerItem = (a: Agreement, orderId: string, lines: OrderedLine[], at: string, period?: string) =>
  putNew({
    ...agreementsKeys.orderLedger(a.customerId, a.agreementId, orderId),
    type: 'agreement-order' satisfies ItemType,
    agreementId: a.agreementId,
    orderId,
    lines,
    at,
    ...(period ? { period } : {}),
  });

/** What places a month's order: an agreement's schedule or a standing order, told apart by their ids. */
export type ScheduleHolder = Agreement | StandingOrder;

const periodKey = (h: ScheduleHolder, period: string) =>
  'agreementId' in h
    ? agreementsKeys.period(h.customerId, h.agreementId, period)
    : agreementsKeys.standingPeriod(h.customerId, h.standingOrderId, period);

/** The month's order of a schedule, placed once: only if no marker for this holder and month exists. */
export const periodItem = (h: ScheduleHolder, period: string, orderId: string, at: string): TransactItem =>
  putNew({
    ...periodKey(h, period),
    ...('agreementId' in h
      ? { type: 'agreement-period' satisfies ItemType, agreementId: h.agreementId }
      : { type: 'standing-order-period' satisfies ItemType, standingOrderId: h.standingOrderId }),
    period,
    orderId,
    at,
  });

export const orderedUnder = async (a: Agreement) =>
  (
    await queryAll({
      partition: `CUSTOMER#${a.customerId}`,
      range: { prefix: agreementsKeys.orderLedgerPrefix(a.agreementId) },
      order: 'oldest',
    })
  ).map((item) => fromItem<{ orderId: string; lines: OrderedLine[]; at: string; period?: string }>(item));

export const placedPeriods = async (h: ScheduleHolder) =>
  (
    await queryAll({
      partition: `CUSTOMER#${h.customerId}`,
      range: {
        prefix:
          'agreementId' in h
            ? agreementsKeys.periodPrefix(h.agreementId)
            : agreementsKeys.standingPeriodPrefix(h.standingOrderId),
      },
      order: 'oldest',
    })
  ).map((item) => fromItem<{ period: string; orderId: string; at: string }>(item));
