// The İYS sync's rules, pure: what a ledger entry becomes at İYS, which entries go there, the law's
// three working days (weekends and holidays skipped, an eve counted) on both sides of the deadline,
// and the retry pacing; retention's selection on both sides of the configured age.
import { describe, expect, it } from 'vitest';
import {
  fromIysDate,
  isPushed,
  iysConsentOf,
  iysDate,
  retryAt,
  syncLag,
  withdrawalDeadline,
} from '../../functions/iys/domain/iys.js';
import { retentionCandidate } from '../../functions/privacy/domain/retention.js';
import type { ConsentEntry } from '../../shared/consent.js';

const entry = (over: Partial<ConsentEntry> = {}): ConsentEntry => ({
  customerId: 'c1',
  channel: 'sms',
  address: '+905321112233',
  topic: 'all',
  action: 'granted',
  via: 'form',
  source: 'web-form',
  occurredAt: '2026-12-04T07:30:05.000Z',
  ...over,
});

describe('İYS mapping', () => {
  it('sends a form consent as MESAJ ONAY from HS_WEB at the Istanbul wall-clock time', () => {
    expect(iysConsentOf(entry(), 'BIREYSEL')).toEqual({
      recipient: '+905321112233',
      recipientType: 'BIREYSEL',
      type: 'MESAJ',
      source: 'HS_WEB',
      status: 'ONAY',
      consentDate: '2026-12-04 10:30:05',
    });
    expect(fromIysDate('2026-12-04 10:30:05')).toBe('2026-12-04T07:30:05.000Z');
    expect(iysDate('2026-12-31T21:00:00.000Z')).toBe('2027-01-01 00:00:00');
  });

  it('maps the channel and how consent was obtained or withdrawn', () => {
    const of = (over: Partial<ConsentEntry>) => iysConsentOf(entry(over), 'TACIR');
    expect(of({ channel: 'email', action: 'withdrawn', via: 'one-click' })).toMatchObject({
      type: 'EPOSTA',
      status: 'RET',
      source: 'HS_EPOSTA',
      recipientType: 'TACIR',
    });
    expect(of({ channel: 'phone', via: 'staff' })).toMatchObject({ type: 'ARAMA', source: 'HS_CAGRI_MERKEZI' });
    expect(of({ action: 'withdrawn', via: 'sms-reply' })).toMatchObject({ status: 'RET', source: 'HS_MESAJ' });
  });

  it('pushes grants and withdrawals, not pending requests nor what İYS itself told us', () => {
    expect(isPushed(entry())).toBe(true);
    expect(isPushed(entry({ action: 'withdrawn', via: 'sms-reply' }))).toBe(true);
    expect(isPushed(entry({ action: 'requested' }))).toBe(false);
    expect(isPushed(entry({ action: 'withdrawn', via: 'iys' }))).toBe(false);
  });
});

describe('three working days', () => {
  it('skips the weekend: a Friday change is due by the end of Wednesday', () => {
    expect(withdrawalDeadline('2026-12-04T07:00:00.000Z')).toBe('2026-12-09T20:59:59.999Z');
  });

  it('skips a public holiday and counts its eve', () => {
    // Tuesday 27 October: the 28th (eve) counts, the 29th (Republic Day) does not.
    expect(withdrawalDeadline('2026-10-27T09:00:00.000Z')).toBe('2026-11-02T20:59:59.999Z');
  });

  it('is within the deadline up to its last millisecond and late after it', () => {
    const changedAt = '2026-12-04T07:00:00.000Z';
    expect(syncLag(changedAt, '2026-12-09T20:59:59.999Z')).toMatchObject({ withinDeadline: true });
    expect(syncLag(changedAt, '2026-12-09T21:00:00.000Z')).toMatchObject({ withinDeadline: false });
    expect(syncLag(changedAt, '2026-12-04T07:15:00.000Z').lagMinutes).toBe(15);
  });

  it('retries 1, 2, 4 … minutes apart, at most an hour', () => {
    const now = new Date('2026-12-04T07:00:00.000Z');
    expect(retryAt(now, 1)).toBe('2026-12-04T07:01:00.000Z');
    expect(retryAt(now, 3)).toBe('2026-12-04T07:04:00.000Z');
    expect(retryAt(now, 20)).toBe('2026-12-04T08:00:00.000Z');
  });
});

describe('retention selection', () => {
  const rules = { leadInactiveDays: 365, customerInactiveDays: 3650 };
  const last = '2025-12-07T10:00:00.000Z';
  const lead = [
    { type: 'customer', customerId: 'c9', createdAt: '2025-11-01T10:00:00.000Z', updatedAt: last },
    { type: 'lead', createdAt: '2025-11-01T10:00:00.000Z' },
  ];

  it('lists a lead exactly at the configured age, not a millisecond before', () => {
    expect(retentionCandidate(lead, rules, new Date('2026-12-07T10:00:00.000Z'))).toEqual({
      customerId: 'c9',
      kind: 'lead',
      lastActivityAt: last,
      inactiveDays: 365,
    });
    expect(retentionCandidate(lead, rules, new Date('2026-12-07T09:59:59.999Z'))).toBeUndefined();
  });

  it('holds a customer with an order to the customer age, and counts any newer item as activity', () => {
    const customer = [...lead, { type: 'order', createdAt: '2025-06-01T10:00:00.000Z' }];
    expect(retentionCandidate(customer, rules, new Date('2026-12-07T10:00:00.000Z'))).toBeUndefined();
    expect(retentionCandidate(customer, rules, new Date('2035-12-05T10:00:00.000Z'))).toMatchObject({
      kind: 'customer',
    });
    const active = [...lead, { type: 'activity', occurredAt: '2026-06-01T10:00:00.000Z' }];
    expect(retentionCandidate(active, rules, new Date('2026-12-07T10:00:00.000Z'))).toBeUndefined();
  });
});
