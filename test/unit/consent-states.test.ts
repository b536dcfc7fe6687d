// Where a customer's consent stands, read from the ledger without a store: the newest grant or
// withdrawal of each channel, address and topic, a pending request only when there was neither.
import { describe, expect, it } from 'vitest';
import { type ConsentEntry, consentAddress, consentStates } from '../../shared/consent.js';

const entry = (action: ConsentEntry['action'], occurredAt: string, more: Partial<ConsentEntry> = {}): ConsentEntry => ({
  customerId: 'c-1',
  channel: 'email',
  address: 'deniz@example.com',
  topic: 'all',
  action,
  via: action === 'requested' ? 'form' : 'double-opt-in',
  source: 'web-form',
  occurredAt,
  ...more,
});
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const stateOf = (entries: ConsentEntry[]) => consentStates(entries).map(({ state, at }) => ({ state, at }));

describe('consentStates', () => {
  it('gives the newest grant or withdrawal, whatever order the ledger arrives in', () => {
    expect(stateOf([entry('granted', at(1)), entry('withdrawn', at(2))])).toEqual([{ state: 'withdrawn', at: at(2) }]);
    expect(stateOf([entry('withdrawn', at(2)), entry('granted', at(1))])).toEqual([{ state: 'withdrawn', at: at(2) }]);
    expect(stateOf([entry('withdrawn', at(1)), entry('granted', at(2))])).toEqual([{ state: 'granted', at: at(2) }]);
  });

  it('shows a pending request only when the address has no grant or withdrawal', () => {
    expect(stateOf([entry('requested', at(3))])).toEqual([{ state: 'requested', at: at(3) }]);
    // A request after a grant leaves the grant standing, and the grant is the newest decision, not an older one.
    expect(stateOf([entry('withdrawn', at(1)), entry('granted', at(2)), entry('requested', at(3))])).toEqual([
      { state: 'granted', at: at(2) },
    ]);
    expect(stateOf([entry('requested', at(2)), entry('requested', at(4))])).toEqual([
      { state: 'requested', at: at(4) },
    ]);
  });

  it('keeps each channel, address and topic apart, newest first, saying how each was given', () => {
    const entries = [
      entry('granted', at(1)),
      entry('granted', at(2), { topic: 'newsletter' }),
      entry('withdrawn', at(3), { address: 'deniz.kaya@example.com', via: 'one-click' }),
      entry('granted', at(4), { channel: 'sms', address: '+905321234567', via: 'form' }),
    ];
    const before = [...entries];
    expect(consentStates(entries)).toEqual([
      { channel: 'sms', address: '+905321234567', topic: 'all', state: 'granted', via: 'form', at: at(4) },
      {
        channel: 'email',
        address: 'deniz.kaya@example.com',
        topic: 'all',
        state: 'withdrawn',
        via: 'one-click',
        at: at(3),
      },
      {
        channel: 'email',
        address: 'deniz@example.com',
        topic: 'newsletter',
        state: 'granted',
        via: 'double-opt-in',
        at: at(2),
      },
      {
        channel: 'email',
        address: 'deniz@example.com',
        topic: 'all',
        state: 'granted',
        via: 'double-opt-in',
        at: at(1),
      },
    ]);
    // The caller's ledger is read, not reordered.
    expect(entries).toEqual(before);
    expect(consentStates([])).toEqual([]);
  });
});

describe('consentAddress', () => {
  it('matches an e-mail address however it is cased or padded, and a number exactly as stored', () => {
    expect(consentAddress('email', '  Deniz@Example.COM ')).toBe('deniz@example.com');
    expect(consentAddress('sms', '+905321234567')).toBe('+905321234567');
    expect(consentAddress('phone', 'Ab+90')).toBe('Ab+90');
  });
});
