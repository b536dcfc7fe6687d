// The nightly A/B/C job: the last 12 months' revenue of every customer who bought this year or last
// (the buyers index of those two years: its cost grows with buyers, not with the table), the
// segments by the admin's shares, and — only where the segment changes — the profile's `segment`,
// the segment kept on the figures items read, and a CustomerSegmentChanged, in one transaction. The
// figures items carry the last segment so the job reads nothing but the index. A customer who bought
// before but not in the window falls to C; a customer who never bought has no segment.
import { type TransactItem, tableName, transact } from '../../shared/db.js';
import { outboxPut } from '../../shared/outbox.js';
import { keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { catalogue } from '../event-table.js';
import { byCustomer, last12Months, revenueBetween, type YearFigures } from './domain/customer-value.js';
import { type Segment, segmentsOf } from './domain/segments.js';
import { getRules } from './rules-store.js';
import { buyersIn, yearFigures } from './value-store.js';

const PARALLEL_WRITES = 8;

/**
 * The change, on the condition that the profile exists and no figures item moved since it was read
 * (a delivery meanwhile: the next night takes it up).
 */
const writeSegment = async (
  years: readonly YearFigures[],
  to: Segment,
  revenueTry: number,
  asOf: string,
  now: Date,
) => {
  const { customerId } = years[0]!;
  const from = years.find((f) => f.segment)?.segment;
  const figures = years.map(
    (f): TransactItem => ({
      Update: {
        TableName: tableName(),
        Key: yearFigures.key(f),
        UpdateExpression: 'SET #segment = :to ADD #seq :one',
        ConditionExpression: '#seq = :seq',
        ExpressionAttributeNames: { '#segment': 'segment', '#seq': 'seq' },
        ExpressionAttributeValues: { ':to': to, ':one': 1, ':seq': f.seq },
      },
    }),
  );
  const profile: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.customer(customerId),
      UpdateExpression: 'SET #segment = :to, segmentAsOf = :asOf',
      ConditionExpression: 'attribute_exists(customerId)',
      ExpressionAttributeNames: { '#segment': 'segment' },
      ExpressionAttributeValues: { ':to': to, ':asOf': asOf },
    },
  };
  // The segment itself unchanged (a new year's item has none yet): only the items lacking it are written.
  if (from === to)
    return (await transact(figures.filter((_, i) => years[i]!.segment !== to))).ok ? 'carried' : 'skipped';
  return (
    await transact([
      profile,
      ...figures,
      outboxPut(catalogue.CustomerSegmentChanged, { customerId, from, to, revenueTry, asOf }, now),
    ])
  ).ok
    ? 'changed'
    : 'skipped';
};

export const assignSegments = async (now: Date) => {
  const today = istanbulDate(now);
  const year = Number(today.slice(0, 4));
  const customers = byCustomer([...(await buyersIn(String(year))), ...(await buyersIn(String(year - 1)))]);
  const window = last12Months(today);
  const revenues = [...customers].map(([customerId, years]) => ({
    customerId,
    revenueTry: revenueBetween(years, window.from, window.to),
  }));
  const segments = segmentsOf(revenues, await getRules('segments'));
  // Every figures item of a customer carries the segment: one without it has not been given this one.
  const changes = revenues.filter((r) =>
    customers.get(r.customerId)!.some((f) => f.segment !== segments.get(r.customerId)),
  );
  const outcome = {
    buyers: revenues.length,
    changed: 0,
    carried: 0,
    unchanged: revenues.length - changes.length,
    skipped: 0,
  };
  for (let i = 0; i < changes.length; i += PARALLEL_WRITES) {
    await Promise.all(
      changes.slice(i, i + PARALLEL_WRITES).map(async ({ customerId, revenueTry }) => {
        outcome[await writeSegment(customers.get(customerId)!, segments.get(customerId)!, revenueTry, today, now)]++;
      }),
    );
  }
  return outcome;
};
