// Retention's rules alone: what counts as activity, what makes a lead a customer, and who is due.
import { describe, expect, it } from 'vitest';
import { defaultRetentionRules, lastActivity, retentionCandidate } from '../../functions/privacy/domain/retention.js';

const profile = { type: 'customer', customerId: 'C1', createdAt: '2020-01-01T00:00:00.000Z' };
const rules = { leadInactiveDays: 730, customerInactiveDays: 3650 };
const now = new Date('2026-01-01T00:00:00.000Z');

describe('lastActivity', () => {
  it('takes the newest real time of any item, ignoring numbers and text that is no date', () => {
    expect(
      lastActivity([
        { createdAt: '2024-03-01T00:00:00.000Z', updatedAt: 'soon' },
        { at: 5, occurredAt: '2024-02-01T00:00:00.000Z' },
      ]),
    ).toBe('2024-03-01T00:00:00.000Z');
    expect(lastActivity([{ createdAt: 5 }, { updatedAt: 'never' }])).toBeUndefined();
  });
});

describe('retentionCandidate', () => {
  it('keeps leads two years and customers ten by default', () => {
    expect(defaultRetentionRules).toEqual({ leadInactiveDays: 730, customerInactiveDays: 3650 });
  });

  it('names the profile’s customer, wherever the profile lies among the items', () => {
    const candidate = retentionCandidate(
      [{ type: 'consent', createdAt: '2020-01-02T00:00:00.000Z' }, profile],
      rules,
      now,
    );
    expect(candidate).toEqual({
      customerId: 'C1',
      kind: 'lead',
      lastActivityAt: '2020-01-02T00:00:00.000Z',
      inactiveDays: 2191,
    });
  });

  it('is nobody without a profile, however old the items are', () => {
    expect(
      retentionCandidate([{ type: 'consent', createdAt: '2010-01-01T00:00:00.000Z' }], rules, now),
    ).toBeUndefined();
  });

  it.each(['quote', 'order', 'case', 'request', 'opportunity', 'loyalty-account'])(
    'a %s makes the person a customer, kept ten years',
    (type) => {
      const items = [profile, { type, createdAt: '2020-01-01T00:00:00.000Z' }];
      expect(retentionCandidate(items, rules, now)).toBeUndefined();
      expect(retentionCandidate(items, rules, new Date('2030-01-01T00:00:00.000Z'))?.kind).toBe('customer');
    },
  );
});
