// The nightly A/B/C job: the last 12 months' revenue of every customer who bought this year or last
// (the buyers index of those two years: its cost grows with buyers, not with the table), the
// segments by the admin's shares, and the profile's `segment` written, with a CustomerSegmentChanged
// in the same transaction, only where it changes. A customer who bought before but not in the window
// falls to C; a customer who never bought has no segment.
import { tableName, transact } from '../../shared/db.js';
import { outboxPut } from '../../shared/outbox.js';
import { keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { byCustomer, last12Months, revenueBetween } from './domain/customer-value.js';
import { type Segment, segmentsOf } from './domain/segments.js';
import { getRules } from './rules-store.js';
import { buyersIn, profiles } from './value-store.js';

const PARALLEL_WRITES = 8;

/** Writes the segment where the profile still holds `from`; false when it changed meanwhile or is gone. */
const writeSegment = async (customerId: string, from: Segment | undefined, to: Segment, revenueTry: number, asOf: string, now: Date) =>
  (
    await transact([
      {
        Update: {
          TableName: tableName(),
          Key: keys.customer(customerId),
          UpdateExpression: 'SET #segment = :to, segmentAsOf = :asOf',
          ConditionExpression: from ? '#segment = :from' : 'attribute_exists(customerId) AND attribute_not_exists(#segment)',
          ExpressionAttributeNames: { '#segment': 'segment' },
          ExpressionAttributeValues: { ':to': to, ':asOf': asOf, ...(from ? { ':from': from } : {}) },
        },
      },
      outboxPut('CustomerSegmentChanged', { customerId, from, to, revenueTry, asOf }, now),
    ])
  ).ok;

export const assignSegments = async (now: Date) => {
  const today = istanbulDate(now);
  const year = Number(today.slice(0, 4));
  const customers = byCustomer([...(await buyersIn(String(year))), ...(await buyersIn(String(year - 1)))]);
  const window = last12Months(today);
  const revenues = [...customers].map(([customerId, years]) => ({ customerId, revenueTry: revenueBetween(years, window.from, window.to) }));
  const segments = segmentsOf(revenues, await getRules('segments'));
  const current = await profiles([...customers.keys()], ['segment']);
  // A profile that is gone (an erased customer) keeps no segment.
  const present = revenues.filter((r) => current.has(r.customerId));
  const changes = present.filter((r) => current.get(r.customerId)!.segment !== segments.get(r.customerId));
  const outcome = { buyers: revenues.length, changed: 0, unchanged: present.length - changes.length, skipped: revenues.length - present.length };
  for (let i = 0; i < changes.length; i += PARALLEL_WRITES) {
    await Promise.all(
      changes.slice(i, i + PARALLEL_WRITES).map(async ({ customerId, revenueTry }) => {
        const from = current.get(customerId)!.segment as Segment | undefined;
        if (await writeSegment(customerId, from, segments.get(customerId)!, revenueTry, today, now)) outcome.changed++;
        else outcome.skipped++;
      }),
    );
  }
  return outcome;
};
