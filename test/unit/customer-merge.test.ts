// Merging customers, the pure part: how an item is rewritten for the kept customer, how two items
// that share a key become one, which markers the duplicate's items name, and the transaction cuts.

import { describe, expect, it } from 'vitest';
import {
  combineItems,
  markerKeysOf,
  planBatches,
  rewriteItem,
  TRANSACTION_MAX_ACTIONS,
} from '../../functions/customers/domain/merge.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import { keys } from '../../shared/table.js';

const DUP = '01JDUPLICATE0000000000000A';
const KEPT = '01JKEPT0000000000000000000';

describe('rewriting an item for the kept customer', () => {
  it('moves it to the kept partition under the same sort key, renaming every reference to the duplicate', () => {
    const entity = quoteApprovalKeys.quote(DUP, 'Q1');
    const item = {
      ...keys.queueItem(entity, 'quote-expiry'),
      ...keys.dueIn('quote-expiry', '2026-05-01T00:00:00.000Z', 'Q1'),
      gsi3pk: `THING#${DUP}`,
      gsi3sk: 'THING',
      type: 'queue-item',
      customerId: DUP,
      entity: { pk: entity.pk, sk: entity.sk },
      data: { customerId: DUP, quoteId: 'Q1', tags: [DUP, 'other'] },
      note: `about ${DUP}`,
    };
    const copy = rewriteItem(item, DUP, KEPT);
    expect(copy).toMatchObject({
      pk: keys.customerPartition(KEPT),
      sk: item.sk,
      gsi2pk: item.gsi2pk,
      gsi2sk: item.gsi2sk,
      gsi3pk: `THING#${KEPT}`,
      customerId: KEPT,
      entity: { pk: keys.customerPartition(KEPT), sk: entity.sk },
      data: { customerId: KEPT, quoteId: 'Q1', tags: [KEPT, 'other'] },
      // Free text is not an id: only values that ARE the id or the partition change.
      note: `about ${DUP}`,
    });
    expect(item.customerId).toBe(DUP);
  });
});

describe('combining two items that are one', () => {
  it('keeps the kept values, fills gaps, unites sets, sums counters, takes the earlier createdAt and the later last…At', () => {
    const kept = {
      pk: 'K',
      sk: 'PROFILE',
      customerId: KEPT,
      name: 'Ayşe Yılmaz',
      city: '',
      leadCount: 2,
      ownerIds: new Set(['rep-a']),
      createdAt: '2026-02-01T00:00:00.000Z',
      lastLeadAt: '2026-03-01T00:00:00.000Z',
      seq: 3,
    };
    const duplicate = {
      pk: 'D',
      sk: 'PROFILE',
      customerId: DUP,
      name: 'A. Yılmaz',
      city: 'İzmir',
      sector: 'tekstil',
      leadCount: 5,
      ownerIds: new Set(['rep-b']),
      createdAt: '2026-01-01T00:00:00.000Z',
      lastLeadAt: '2026-02-15T00:00:00.000Z',
      seq: 7,
    };
    expect(combineItems(kept, duplicate)).toEqual({
      pk: 'K',
      sk: 'PROFILE',
      customerId: KEPT,
      name: 'Ayşe Yılmaz',
      city: 'İzmir',
      sector: 'tekstil',
      leadCount: 7,
      ownerIds: new Set(['rep-a', 'rep-b']),
      createdAt: '2026-01-01T00:00:00.000Z',
      lastLeadAt: '2026-03-01T00:00:00.000Z',
      seq: 8,
    });
  });
});

describe('the markers a duplicate holds', () => {
  it('names the e-mail and phone markers of the profile, leads, contacts and consent entries, each once and normalized', () => {
    const found = markerKeysOf([
      { type: 'customer', email: 'Ayse@Example.com', emailKey: 'ayse@example.com', phone: '+905321234567' },
      { type: 'lead', email: 'ayse.y@example.com ', phone: '0532 765 43 21' },
      { type: 'consent', channel: 'sms', address: '+905321234567' },
      { type: 'consent', channel: 'email', address: 'kampanya@example.com' },
      { type: 'activity', phone: 'not a number' },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        keys.emailMarker('ayse@example.com'),
        keys.emailMarker('ayse.y@example.com'),
        keys.emailMarker('kampanya@example.com'),
        keys.phoneMarker('+905321234567'),
        keys.phoneMarker('+905327654321'),
      ]),
    );
    expect(found).toHaveLength(5);
  });
});

describe('cutting the moves into transactions', () => {
  const item = (i: number, bytes = 10) => ({ sk: `ACTIVITY#${i}`, text: 'x'.repeat(bytes) });

  it('fits each batch, with its bookkeeping action, in 100 actions, in order and with nothing left out', () => {
    const items = Array.from({ length: 130 }, (_, i) => item(i));
    const batches = planBatches(items, 1);
    expect(batches.map((b) => b.length)).toEqual([49, 49, 32]);
    expect(batches.every((b) => b.length * 2 + 1 <= TRANSACTION_MAX_ACTIONS)).toBe(true);
    expect(batches.flat()).toEqual(items);
  });

  it("counts what moves with an item (a contact person's holder items) against the 100 actions", () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ ...item(i), type: i % 2 ? 'contact' : 'activity' }));
    const actionsOf = (i: (typeof items)[number]) => (i.type === 'contact' ? 6 : 2);
    const batches = planBatches(items, 1, undefined, actionsOf);
    expect(batches.every((b) => b.reduce((sum, i) => sum + actionsOf(i), 0) + 1 <= TRANSACTION_MAX_ACTIONS)).toBe(true);
    expect(batches.map((b) => b.length)).toEqual([25, 5]);
    expect(batches.flat()).toEqual(items);
  });

  it('cuts by size under the 4 MB limit, and a single item larger than the cap still goes alone', () => {
    const batches = planBatches([item(1, 300), item(2, 300), item(3, 300), item(4, 2000)], 1, 700);
    expect(batches.map((b) => b.map((i) => i.sk))).toEqual([
      ['ACTIVITY#1', 'ACTIVITY#2'],
      ['ACTIVITY#3'],
      ['ACTIVITY#4'],
    ]);
  });
});
