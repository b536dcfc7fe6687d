// Amazon Connect's caller lookup without AWS: the contact flow event as Connect's documentation shows
// it (Lambda developer guide, "Using Lambda with Amazon Connect"), answered with flat string attributes
// for a known, an unknown and an ambiguous caller, a withheld number, and a lookup too slow for
// Connect's 8 s limit.
import { describe, expect, it } from 'vitest';
import { answerCaller, type ContactFlowEvent, type Lookup } from '../../functions/connect/caller-lookup.js';
import type { CallerMatch } from '../../functions/connect/domain/caller-attributes.js';

/** The sample request event of the documentation, with an invented Turkish caller. */
const documentedEvent = (address: string | null, type = 'TELEPHONE_NUMBER'): ContactFlowEvent => ({
  Details: {
    ContactData: {
      Attributes: {},
      Channel: 'VOICE',
      ContactId: '4a573372-1f28-4e26-b97b-000000000000',
      CustomerEndpoint: address === null ? null : { Address: address, Type: type },
      InitialContactId: '4a573372-1f28-4e26-b97b-000000000000',
      InitiationMethod: 'INBOUND',
      InstanceARN: 'arn:aws:connect:eu-central-1:123456789012:instance/c8c0e68d-2200-4265-82c0-000000000000',
      PreviousContactId: '4a573372-1f28-4e26-b97b-000000000000',
      Queue: { ARN: 'arn:aws:connect:eu-central-1:123456789012:instance/x/queue/y', Name: 'Inbound' },
      SystemEndpoint: { Address: '+902120000000', Type: 'TELEPHONE_NUMBER' },
    },
    Parameters: { sentAttributeKey: 'sentAttributeValue' },
  } as ContactFlowEvent['Details'],
  Name: 'ContactFlowEvent',
});

const consoleUrl = 'https://crm.example.com/console/';

const match = (overrides: Partial<CallerMatch['customer']> = {}, extra: Partial<CallerMatch> = {}): CallerMatch => ({
  customer: { customerId: 'CUST1', name: 'Deniz Deneme', language: 'tr', ...overrides },
  openCases: { items: [], more: false },
  recentOrders: { items: [], more: false },
  ...extra,
});

const fixed =
  (matches: CallerMatch[], asked: string[] = []): Lookup =>
  async (phone) => {
    asked.push(phone);
    return matches;
  };

describe('the Connect caller lookup', () => {
  it('answers a known caller with flat string attributes, looking the number up in E.164', async () => {
    const asked: string[] = [];
    const known = match(
      { segment: 'B', preferredDealerId: 'dealer-ankara' },
      {
        openCases: { items: [{}, {}], more: false },
        recentOrders: { items: [{ status: 'shipped' }, { status: 'delivered' }, { status: 'routed' }], more: false },
      },
    );
    const answer = await answerCaller(documentedEvent('+90 532 111 22 33'), fixed([known], asked), consoleUrl);
    expect(asked).toEqual(['+905321112233']);
    expect(answer).toEqual({
      lookupResult: 'found',
      matchCount: '1',
      customerNumber: 'CUST1',
      customerName: 'Deniz Deneme',
      segment: 'B',
      preferredDealer: 'dealer-ankara',
      language: 'tr',
      openCases: '2',
      openOrders: '2',
      queue: 'customer-service',
      screenPopUrl: 'https://crm.example.com/console/#/customers/CUST1',
    });
    for (const value of Object.values(answer)) expect(typeof value).toBe('string');
  });

  it('routes by what the customer has: an A customer to priority, an open order to orders, else sales', async () => {
    const queueOf = async (m: CallerMatch) =>
      (await answerCaller(documentedEvent('+905321112233'), fixed([m]), consoleUrl)).queue;
    expect(await queueOf(match({ segment: 'A' }))).toBe('priority');
    expect(
      await queueOf(match({ segment: 'C' }, { recentOrders: { items: [{ status: 'in_progress' }], more: false } })),
    ).toBe('orders');
    expect(
      await queueOf(match({ segment: 'C' }, { recentOrders: { items: [{ status: 'delivered' }], more: false } })),
    ).toBe('sales');
    const many = await answerCaller(
      documentedEvent('+905321112233'),
      fixed([match({}, { openCases: { items: Array(20).fill({}), more: true } })]),
      consoleUrl,
    );
    expect(many.openCases).toBe('20+');
  });

  it('answers an unknown and an ambiguous caller with the same keys, sending the agent to the lookup page', async () => {
    const unknown = await answerCaller(documentedEvent('+905321112233'), fixed([]), consoleUrl);
    const ambiguous = await answerCaller(
      documentedEvent('+905321112233'),
      fixed([match(), match({ customerId: 'CUST2', name: 'Ofis Ortak' })]),
      consoleUrl,
    );
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(ambiguous).sort());
    expect(unknown).toMatchObject({ lookupResult: 'unknown', matchCount: '0', customerNumber: '', queue: 'general' });
    expect(ambiguous).toMatchObject({
      lookupResult: 'ambiguous',
      matchCount: '2',
      customerNumber: '',
      customerName: '',
      queue: 'general',
      screenPopUrl: 'https://crm.example.com/console/#/lookup',
    });
  });

  it('does not look up a withheld, malformed or non-phone endpoint', async () => {
    const asked: string[] = [];
    for (const event of [
      documentedEvent(null),
      documentedEvent('anonymous'),
      documentedEvent('+905321112233', 'VOIP'),
    ]) {
      expect((await answerCaller(event, fixed([match()], asked), consoleUrl)).lookupResult).toBe('no-number');
    }
    expect(asked).toEqual([]);
  });

  it('answers within its limit when the lookup is slow: an unknown caller, not an error', async () => {
    const slow: Lookup = () => new Promise((resolve) => setTimeout(() => resolve([match()]), 1000));
    const started = Date.now();
    const answer = await answerCaller(documentedEvent('+905321112233'), slow, consoleUrl, 50);
    expect(Date.now() - started).toBeLessThan(900);
    expect(answer).toMatchObject({ lookupResult: 'timeout', queue: 'general', customerNumber: '' });
  });
});
