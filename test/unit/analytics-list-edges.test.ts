// Target-list answers the main analytics tests never asked for: ties broken by customer id whatever
// the input order, another top share, several years of one customer, and several declining customers.
import { describe, expect, it } from 'vitest';
import {
  applyOrder,
  byCustomer,
  type OrderValue,
  type YearFigures,
} from '../../functions/analytics/domain/customer-value.js';
import { decliningCustomers, lapsedCustomers, topCustomers } from '../../functions/analytics/domain/lists.js';

const order = (customerId: string, orderDate: string, amountTry: number): OrderValue => ({
  orderId: `${customerId}-${orderDate}-${amountTry}`,
  customerId,
  orderDate,
  currency: 'TRY',
  amount: amountTry,
  amountTry,
});
const figures = (...orders: OrderValue[]): YearFigures[] => {
  const years = new Map<string, YearFigures>();
  for (const o of orders) {
    const key = `${o.customerId}|${o.orderDate.slice(0, 4)}`;
    years.set(key, applyOrder(years.get(key), o, 'delivered'));
  }
  return [...years.values()];
};

describe('top customers', () => {
  it('ranks ties by customer id whatever the order they come in, and keeps each one’s orders', () => {
    const rows = topCustomers(
      figures(order('b', '2025-01-01', 9), order('a', '2025-01-01', 9), order('a', '2025-02-01', 0)),
    );
    expect(rows).toEqual([
      { customerId: 'a', revenueTry: 9, orders: 2, rank: 1 },
      { customerId: 'b', revenueTry: 9, orders: 1, rank: 2 },
    ]);
  });

  it('leaves out customers without revenue, even when the share would reach them', () => {
    const rows = topCustomers(figures(order('a', '2025-01-01', 10), order('b', '2025-01-01', 0)), 10_000);
    expect(rows.map((r) => r.customerId)).toEqual(['a']);
  });

  it('takes another share: half of four buyers is the first two', () => {
    const buyers = figures(
      order('a', '2025-01-01', 4),
      order('b', '2025-01-01', 3),
      order('c', '2025-01-01', 2),
      order('d', '2025-01-01', 1),
    );
    expect(topCustomers(buyers, 5_000).map((r) => r.customerId)).toEqual(['a', 'b']);
    expect(topCustomers(buyers, 5_001).map((r) => r.customerId)).toEqual(['a', 'b', 'c']);
    expect(topCustomers(buyers, 10_000)).toHaveLength(4);
  });
});

describe('lapsed customers', () => {
  it('reads the last order across a customer’s years, and orders equal dates by customer id', () => {
    const customers = byCustomer(
      figures(
        order('z', '2024-03-01', 5),
        order('y', '2023-05-01', 5),
        order('y', '2024-03-01', 5),
        order('x', '2025-06-01', 5),
        order('x', '2023-01-01', 5),
      ),
    );
    expect(lapsedCustomers(customers, '2026-01-15')).toEqual([
      { customerId: 'y', lastOrderDate: '2024-03-01', monthsSince: 22 },
      { customerId: 'z', lastOrderDate: '2024-03-01', monthsSince: 22 },
    ]);
  });

  it('counts whole months by the calendar date, not one more before the day comes round', () => {
    const customers = byCustomer(figures(order('a', '2025-01-31', 5)));
    expect(lapsedCustomers(customers, '2026-02-27')).toEqual([
      { customerId: 'a', lastOrderDate: '2025-01-31', monthsSince: 12 },
    ]);
    expect(lapsedCustomers(customers, '2026-02-28')[0]?.monthsSince).toBe(13);
  });
});

describe('declining customers', () => {
  it('puts the biggest drop first and equal drops by customer id', () => {
    const customers = byCustomer(
      figures(
        order('small', '2025-03-01', 10),
        order('big', '2025-03-01', 100),
        order('even-b', '2025-03-01', 50),
        order('even-a', '2025-03-01', 50),
        order('growing', '2026-03-01', 50),
      ),
    );
    expect(decliningCustomers(customers, '2026-11-30').map((r) => [r.customerId, r.changeTry])).toEqual([
      ['big', -100],
      ['even-a', -50],
      ['even-b', -50],
      ['small', -10],
    ]);
  });
});

describe('yearly figures', () => {
  it('moves the last order date on for a later order, and a return without TRY counts back out', () => {
    const noRate = { ...order('c1', '2026-02-01', 0), currency: 'JPY', amount: 5_000, amountTry: undefined };
    const first = applyOrder(undefined, noRate, 'delivered');
    const later = applyOrder(first, order('c1', '2026-05-20', 300), 'delivered');
    expect(later).toMatchObject({ firstOrderDate: '2026-02-01', lastOrderDate: '2026-05-20', withoutTry: 1 });
    expect(applyOrder(later, noRate, 'returned')).toMatchObject({
      withoutTry: 0,
      orders: 1,
      returns: 1,
      revenueTry: 300,
      byCurrency: { JPY: 0, TRY: 300 },
      seq: 3,
    });
  });
});
