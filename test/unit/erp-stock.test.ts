// The pure part of stock through the ERP: which lines of an order the ERP can reserve and which need
// buying in (both sides of the boundary), and a purchase request's SLA in the purchasing unit's hours.
import { describe, expect, it } from 'vitest';
import {
  availableOf,
  nextStockTry,
  purchaseDueAt,
  stockPlan,
  toPurchase,
  toReserve,
} from '../../functions/erp/domain/stock.js';
import { erpUrlOf } from '../../infra/deploy-context.js';
import type { WorkingHours } from '../../shared/business-hours.js';

const ist = (local: string) => new Date(`${local}:00+03:00`);
const weekdays: WorkingHours = {
  days: Object.fromEntries(([1, 2, 3, 4, 5] as const).map((d) => [d, { from: '09:00', to: '18:00' }])),
};

describe('what an order needs of stock', () => {
  it('can promise what is on hand less what is reserved, never below zero', () => {
    expect(availableOf({ productId: 'A', onHand: 5, reserved: 2 })).toBe(3);
    expect(availableOf({ productId: 'A', onHand: 5 })).toBe(5);
    expect(availableOf({ productId: 'A', onHand: 2, reserved: 3 })).toBe(0);
  });

  it('reserves a line that fits exactly and buys in the one unit more of a line that does not', () => {
    const levels = [
      { productId: 'A', onHand: 3, reserved: 1 },
      { productId: 'B', onHand: 2, reserved: 0 },
    ];
    const plan = stockPlan(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ],
      levels,
    );
    expect(plan).toEqual([
      { sku: 'A', quantity: 2, available: 2, reserve: 2, purchase: 0 },
      { sku: 'B', quantity: 3, available: 2, reserve: 2, purchase: 1 },
    ]);
    expect(toPurchase(plan).map((line) => line.sku)).toEqual(['B']);
    expect(toReserve(plan)).toEqual([
      { productId: 'A', quantity: 2 },
      { productId: 'B', quantity: 2 },
    ]);
  });

  it('counts lines of one product together, so two lines that fit alone can still be short', () => {
    const plan = stockPlan(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 2 },
      ],
      [{ productId: 'A', onHand: 3 }],
    );
    expect(plan).toEqual([{ sku: 'A', quantity: 4, available: 3, reserve: 3, purchase: 1 }]);
  });

  it('neither reserves nor buys what the ERP keeps no stock of (a service), and buys all of what is out', () => {
    const plan = stockPlan(
      [
        { sku: 'SRV', quantity: 8 },
        { sku: 'OUT', quantity: 2 },
      ],
      [{ productId: 'OUT', onHand: 0 }],
    );
    expect(plan).toEqual([
      { sku: 'SRV', quantity: 8, reserve: 0, purchase: 0 },
      { sku: 'OUT', quantity: 2, available: 0, reserve: 0, purchase: 2 },
    ]);
    expect(toReserve(plan)).toEqual([]);
    expect(toPurchase(plan)).toHaveLength(1);
  });
});

describe("a purchase request's SLA", () => {
  it('is eight business hours: a request at 10:00 on a Friday is due at 18:00, one at 10:01 on Monday', () => {
    expect(purchaseDueAt(weekdays, ist('2026-12-04T10:00')).toISOString()).toBe(ist('2026-12-04T18:00').toISOString());
    expect(purchaseDueAt(weekdays, ist('2026-12-04T10:01')).toISOString()).toBe(ist('2026-12-07T09:01').toISOString());
  });

  it('starts at the next opening when asked on a weekend, and skips a public holiday and its eve afternoon', () => {
    expect(purchaseDueAt(weekdays, ist('2026-12-05T11:00')).toISOString()).toBe(ist('2026-12-07T17:00').toISOString());
    // 28 October (eve: closes at 13:00), 29 October (Republic Day): four hours on the 28th, four on the 30th.
    expect(purchaseDueAt(weekdays, ist('2026-10-28T09:00')).toISOString()).toBe(ist('2026-10-30T13:00').toISOString());
  });

  it('runs in office hours when the purchasing unit keeps none', () => {
    expect(purchaseDueAt(undefined, ist('2026-12-07T09:00')).toISOString()).toBe(ist('2026-12-07T17:00').toISOString());
  });
});

describe('a stock check the ERP did not answer', () => {
  it('is asked again five minutes later', () => {
    expect(nextStockTry(new Date('2026-12-07T10:00:00Z')).toISOString()).toBe('2026-12-07T10:05:00.000Z');
  });
});

describe("the deployment's ERP address", () => {
  it('is optional, must be https without a query, and loses a trailing slash', () => {
    expect(erpUrlOf(undefined)).toBeUndefined();
    expect(erpUrlOf('https://erp-bridge.firma.com.tr/api/')).toBe('https://erp-bridge.firma.com.tr/api');
    expect(() => erpUrlOf('http://erp-bridge.firma.com.tr')).toThrow("Context erpUrl must be the ERP bridge's https");
    expect(() => erpUrlOf('https://erp-bridge.firma.com.tr/?token=1')).toThrow('without a query');
  });
});
