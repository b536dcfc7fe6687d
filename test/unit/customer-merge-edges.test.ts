// The edges of merging two customers: the details a contact person holds, each rule of combining
// two items taken from both sides, and transaction cuts exactly at their limits.
import { describe, expect, it } from 'vitest';
import {
  combineItems,
  heldDetailsOf,
  itemBytes,
  markerKeysOf,
  planBatches,
  rewriteItem,
  TRANSACTION_MAX_ACTIONS,
  TRANSACTION_MAX_BYTES,
} from '../../functions/customers/domain/merge.js';
import { keys } from '../../shared/table.js';

const DUP = '01JDUPLICATE0000000000000A';
const KEPT = '01JKEPT0000000000000000000';

describe('the details a contact person holds', () => {
  it('names the e-mail key and the phone of a contact person, each when present', () => {
    expect(heldDetailsOf({ type: 'contact', emailKey: 'ece@example.com', phone: '+905321234567' })).toEqual([
      { emailKey: 'ece@example.com' },
      { phone: '+905321234567' },
    ]);
    expect(heldDetailsOf({ type: 'contact', emailKey: 'ece@example.com' })).toEqual([{ emailKey: 'ece@example.com' }]);
    expect(heldDetailsOf({ type: 'contact', phone: '+905321234567' })).toEqual([{ phone: '+905321234567' }]);
    expect(heldDetailsOf({ type: 'contact', emailKey: 7, phone: null })).toEqual([]);
  });

  it('names nothing for an item that is not a contact person, whatever it holds', () => {
    expect(heldDetailsOf({ type: 'customer', emailKey: 'ece@example.com', phone: '+905321234567' })).toEqual([]);
    expect(heldDetailsOf({ emailKey: 'ece@example.com' })).toEqual([]);
  });
});

describe('combining two items, each rule from both sides', () => {
  it('takes the later last…At from the duplicate and keeps the kept one when it is later', () => {
    const kept = { lastLeadAt: '2026-03-01T00:00:00.000Z', lastOrderAt: '2026-05-01T00:00:00.000Z' };
    const duplicate = { lastLeadAt: '2026-04-01T00:00:00.000Z', lastOrderAt: '2026-02-01T00:00:00.000Z' };
    expect(combineItems(kept, duplicate)).toEqual({
      lastLeadAt: '2026-04-01T00:00:00.000Z',
      lastOrderAt: '2026-05-01T00:00:00.000Z',
    });
  });

  it('keeps an earlier kept createdAt, and reads neither updatedAt nor lastAt as a last…At', () => {
    const kept = {
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-05T00:00:00.000Z',
      lastAt: 'a',
      lastname: 'Yılmaz',
    };
    const duplicate = {
      createdAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-06-01T00:00:00.000Z',
      lastAt: 'z',
      lastname: 'Zeki',
    };
    expect(combineItems(kept, duplicate)).toEqual(kept);
  });

  it('sums counters only when both are numbers, and counts a kept zero', () => {
    expect(
      combineItems({ leadCount: 0, orderCount: '3', quoteCount: 4 }, { leadCount: 2, orderCount: 5, quoteCount: 'x' }),
    ).toEqual({
      leadCount: 2,
      orderCount: '3',
      quoteCount: 4,
    });
    // A name that merely contains "Count" is not a counter.
    expect(combineItems({ countryCode: 1 }, { countryCode: 2 })).toEqual({ countryCode: 1 });
  });

  it('moves seq past the larger of both, whichever it is', () => {
    expect(combineItems({ seq: 9 }, { seq: 4 })).toEqual({ seq: 10 });
    expect(combineItems({ seq: 4 }, { seq: 9 })).toEqual({ seq: 10 });
    expect(combineItems({ seq: '4' }, { seq: 9 })).toEqual({ seq: '4' });
  });

  it('unites two sets without repeating a member, and keeps a kept set when the duplicate has a list', () => {
    expect(combineItems({ teamIds: new Set(['a', 'b']) }, { teamIds: new Set(['b', 'c']) })).toEqual({
      teamIds: new Set(['a', 'b', 'c']),
    });
    expect(combineItems({ teamIds: new Set(['a']) }, { teamIds: ['c'] })).toEqual({ teamIds: new Set(['a']) });
  });

  it('fills a missing, null or empty kept value, and keeps false and 0', () => {
    expect(combineItems({ a: null, b: '', c: false, d: 0 }, { a: 'x', b: 'y', c: true, d: 5, e: 'new' })).toEqual({
      a: 'x',
      b: 'y',
      c: false,
      d: 0,
      e: 'new',
    });
  });

  it("never takes the duplicate's keys, even for an index key the kept item lacks", () => {
    const combined = combineItems(
      { pk: 'K', sk: 'PROFILE' },
      { pk: 'D', sk: 'PROFILE', gsi1pk: 'D', gsi3sk: 'X', name: 'n' },
    );
    expect(combined).toEqual({ pk: 'K', sk: 'PROFILE', name: 'n' });
  });

  it('does not change either item', () => {
    const kept = { leadCount: 1, tags: new Set(['a']) };
    const duplicate = { leadCount: 2, tags: new Set(['b']) };
    combineItems(kept, duplicate);
    expect(kept).toEqual({ leadCount: 1, tags: new Set(['a']) });
  });
});

describe('combining two items, the names and values each rule needs', () => {
  it('reads only whole last…At names as latest, and keeps equal or non-text values as they are', () => {
    const kept = { xlastLeadAt: 'b', lastLeadAtBy: 'b', createdAt: '2026-01-01', seq: 3 };
    const duplicate = { xlastLeadAt: 'z', lastLeadAtBy: 'z', createdAt: '2026-01-01', seq: '9' };
    expect(combineItems(kept, duplicate)).toEqual(kept);
    expect(combineItems({ lastLeadAt: 'b', createdAt: 'b' }, { lastLeadAt: 5, createdAt: 5 })).toEqual({
      lastLeadAt: 'b',
      createdAt: 'b',
    });
    expect(combineItems({ name: 'a' }, { name: 'b' })).toEqual({ name: 'a' });
  });
});

describe('rewriting and marking, the rest of the cases', () => {
  it('rewrites ids inside sets and leaves a non-string index key as it is', () => {
    const copy = rewriteItem(
      { pk: keys.customerPartition(DUP), sk: DUP, ids: new Set([DUP, 'x']), gsi1pk: 5, when: new Date(0) },
      DUP,
      KEPT,
    );
    expect(copy).toEqual({
      pk: keys.customerPartition(KEPT),
      sk: DUP,
      ids: new Set([KEPT, 'x']),
      gsi1pk: 5,
      when: new Date(0),
    });
  });

  it('reads a phone consent as a phone and ignores an e-mail key that is not an address', () => {
    expect(
      markerKeysOf([{ type: 'consent', channel: 'phone', address: '0532 123 45 67' }, { emailKey: 'no-at-sign' }]),
    ).toEqual([keys.phoneMarker('+905321234567')]);
    expect(markerKeysOf([{ type: 'lead', address: 'ece@example.com', phone: 5 }])).toEqual([]);
  });
});

describe('transaction cuts at their limits', () => {
  const item = (i: number, bytes = 10) => ({ sk: `A#${i}`, text: 'x'.repeat(bytes) });

  it('fills a transaction to exactly 100 actions, its bookkeeping included, and starts the next one after', () => {
    const items = Array.from({ length: 199 }, (_, i) => item(i));
    expect(planBatches(items, 1, undefined, () => 1).map((b) => b.length)).toEqual([99, 99, 1]);
    expect(planBatches(items, 0, undefined, () => 1).map((b) => b.length)).toEqual([100, 99]);
    expect(planBatches(items.slice(0, 100), 0, undefined, () => 1)).toHaveLength(1);
    expect(TRANSACTION_MAX_ACTIONS).toBe(100);
  });

  it('counts the default two actions an item takes', () => {
    expect(
      planBatches(
        Array.from({ length: 50 }, (_, i) => item(i)),
        0,
      ).map((b) => b.length),
    ).toEqual([50]);
    expect(
      planBatches(
        Array.from({ length: 51 }, (_, i) => item(i)),
        0,
      ).map((b) => b.length),
    ).toEqual([50, 1]);
    expect(planBatches(Array.from({ length: 50 }, (_, i) => item(i))).map((b) => b.length)).toEqual([49, 1]);
  });

  it('fills a transaction to exactly the byte cap, and not one byte over', () => {
    const size = itemBytes(item(1, 100));
    expect(planBatches([item(1, 100), item(2, 100)], 1, 2 * size).map((b) => b.length)).toEqual([2]);
    expect(planBatches([item(1, 100), item(2, 100)], 1, 2 * size - 1).map((b) => b.length)).toEqual([1, 1]);
    expect(TRANSACTION_MAX_BYTES).toBeLessThan(4 * 1024 * 1024);
  });

  it('plans nothing for no items', () => {
    expect(planBatches([])).toEqual([]);
  });

  it('measures an item as UTF-8 bytes, with sets written as lists', () => {
    expect(itemBytes({ a: new Set(['x']) })).toBe('{"a":["x"]}'.length);
    expect(itemBytes({ a: 'ş' })).toBe('{"a":""}'.length + 2);
  });
});
