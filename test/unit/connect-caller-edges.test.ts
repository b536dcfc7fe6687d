// Caller attributes at the edges mutation testing found unchecked: a call without a number with and
// without a console address, and a known customer with none of the optional facts (no segment, dealer,
// language, cases or orders), with more open orders than the count shows.
import { describe, expect, it } from 'vitest';
import { callerAttributes } from '../../functions/connect/domain/caller-attributes.js';

describe('a call without a number', () => {
  it('pops the lookup page when the console has an address, nothing when it has none', () => {
    expect(callerAttributes('no-number', 'https://crm.example.com')).toMatchObject({
      lookupResult: 'no-number',
      screenPopUrl: 'https://crm.example.com#/lookup',
    });
    expect(callerAttributes('no-number', undefined)).toMatchObject({ lookupResult: 'no-number', screenPopUrl: '' });
  });
});

describe('a known caller with only a name', () => {
  it('gets empty strings and zero counts, the sales queue, and no page without a console address', () => {
    expect(
      callerAttributes({ matches: [{ customer: { customerId: 'c-1', name: 'Selin Aksoy' } }] }, undefined),
    ).toEqual({
      lookupResult: 'found',
      matchCount: '1',
      customerNumber: 'c-1',
      customerName: 'Selin Aksoy',
      segment: '',
      preferredDealer: '',
      language: '',
      openCases: '0',
      openOrders: '0',
      queue: 'sales',
      screenPopUrl: '',
    });
  });
  it('counts open orders with a plus when more were left out, and cases without one when none were', () => {
    const match = {
      customer: { customerId: 'c-2', name: 'Can Yücel' },
      openCases: { items: [], more: false },
      recentOrders: { items: [{ status: 'shipped' }, { status: 'delivered' }], more: true },
    };
    expect(callerAttributes({ matches: [match] }, undefined)).toMatchObject({
      openCases: '0',
      openOrders: '1+',
      queue: 'orders',
    });
  });
});
