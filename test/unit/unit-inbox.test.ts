// A unit's inbox without AWS: the urgency order (late first, then soonest due, then what has no clock,
// newest first), business minutes left in the unit's hours, the decline rule that sends a request on
// to the next dealer once or back to the call center, and the numbers people speak.
import { describe, expect, it } from 'vitest';
import { afterDecline, chooseDealer } from '../../functions/call-center/domain/dealer-choice.js';
import { checkActionInput } from '../../functions/call-center/domain/request-lifecycle.js';
import { byUrgency, minutesUntil } from '../../functions/unit-inbox/domain/urgency.js';
import { demoRoutingRules, demoUnits } from '../../infra/local/demo-data.js';
import { officeHours } from '../../shared/business-hours.js';
import type { ProblemError } from '../../shared/problems.js';
import { numberSuffix, recordNumber } from '../../shared/record-numbers.js';
import { freshImport } from '../support/fresh-import.js';

const units = new Map(demoUnits.map((unit) => [unit.unitId, unit]));
// A Tuesday, 12:00 in Istanbul.
const now = new Date('2026-12-01T09:00:00Z');

describe('the urgency order', () => {
  const item = (id: string, createdAt: string, minutesLeft?: number) => ({ id, createdAt, minutesLeft });

  it('puts the latest-due last: late first, then soonest due, ties to the older, then unclocked newest first', () => {
    const sorted = byUrgency([
      item('unclocked-old', '2026-11-01T08:00:00Z'),
      item('due-later', '2026-11-30T08:00:00Z', 240),
      item('late', '2026-11-30T09:00:00Z', -30),
      item('unclocked-new', '2026-11-29T08:00:00Z'),
      item('due-soon-newer', '2026-11-30T10:00:00Z', 15),
      item('due-soon-older', '2026-11-30T07:00:00Z', 15),
      item('very-late', '2026-11-30T11:00:00Z', -600),
    ]);
    expect(sorted.map((i) => i.id)).toEqual([
      'very-late',
      'late',
      'due-soon-older',
      'due-soon-newer',
      'due-later',
      'unclocked-new',
      'unclocked-old',
    ]);
  });

  it('keeps two unclocked items newest first whichever way they arrive, after a clocked one', () => {
    const newest = item('unclocked-new', '2026-11-29T08:00:00Z');
    const oldest = item('unclocked-old', '2026-11-01T08:00:00Z');
    const clocked = item('clocked', '2026-11-01T07:00:00Z', 60);
    for (const order of [
      [newest, oldest, clocked],
      [oldest, newest, clocked],
      [clocked, newest, oldest],
    ]) {
      expect(byUrgency(order).map((i) => i.id)).toEqual(['clocked', 'unclocked-new', 'unclocked-old']);
    }
  });

  it('counts minutes left in working hours, negative once late, and not the night or the weekend', () => {
    // Due at 18:00 the same day: six working hours.
    expect(minutesUntil(now, new Date('2026-12-01T15:00:00Z'), officeHours)).toBe(360);
    // Due at 10:00 the next morning: six hours today and one tomorrow, the night not counted.
    expect(minutesUntil(now, new Date('2026-12-02T07:00:00Z'), officeHours)).toBe(420);
    // Due 11:00 today, an hour ago: late by 60 minutes.
    expect(minutesUntil(now, new Date('2026-12-01T08:00:00Z'), officeHours)).toBe(-60);
    // Due last Friday 17:00 (Istanbul); it is Monday 10:00: late by one hour on Friday and one on Monday.
    const monday = new Date('2026-11-30T07:00:00Z');
    expect(minutesUntil(monday, new Date('2026-11-27T14:00:00Z'), officeHours)).toBe(-120);
  });

  it('has no minutes left, and none late, at the due instant itself', () => {
    expect(minutesUntil(now, new Date(now), officeHours)).toBe(0);
  });

  it('as loaded: both rules hold', async () => {
    const urgency = await freshImport(() => import('../../functions/unit-inbox/domain/urgency.js'));
    expect(urgency.minutesUntil(now, new Date('2026-12-01T08:00:00Z'), officeHours)).toBe(-60);
    const sorted = urgency.byUrgency([
      item('unclocked', '2026-11-29T08:00:00Z'),
      item('late', '2026-11-30T09:00:00Z', -30),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['late', 'unclocked']);
  });
});

describe('a declined request', () => {
  const izmirPrefersAnkara = { kind: 'test-drive' as const, city: 'İzmir', preferredDealerId: 'dealer-ankara' };

  it('goes on to the next dealer the rules name, passing over the one that declined', () => {
    const first = chooseDealer(demoRoutingRules, izmirPrefersAnkara, units, now);
    expect(first).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'preferred-dealer' });
    const next = afterDecline(demoRoutingRules, izmirPrefersAnkara, units, ['dealer-ankara'], now);
    expect(next).toMatchObject({ to: 'dealer', decision: { unitId: 'dealer-izmir', ruleId: 'izmir-dealer' } });
    if (next.to === 'dealer') {
      expect(next.decision.skipped).toContainEqual({
        ruleId: 'preferred-dealer',
        unitId: 'dealer-ankara',
        reason: 'already-tried',
      });
    }
  });

  it('goes back to the call center when every dealer the rules name has had it, never to the fallback queue', () => {
    const back = afterDecline(demoRoutingRules, izmirPrefersAnkara, units, ['dealer-ankara', 'dealer-izmir'], now);
    expect(back.to).toBe('call-center');
    // An Ankara customer has one dealer: its decline ends at the call center at once.
    const ankara = { kind: 'service' as const, city: 'Ankara', preferredDealerId: 'dealer-ankara' };
    expect(afterDecline(demoRoutingRules, ankara, units, ['dealer-ankara'], now).to).toBe('call-center');
  });
});

describe('done with an outcome', () => {
  const problemOf = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      return error as ProblemError;
    }
    throw new Error('expected a problem');
  };

  it('needs the outcome on done and refuses it on any other move, each named by its field', () => {
    expect(problemOf(() => checkActionInput('done', {}, now))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [{ path: 'outcome' }],
    });
    expect(problemOf(() => checkActionInput('accept', { outcome: 'sold' }, now))).toMatchObject({
      errors: [{ path: 'outcome' }],
    });
    expect(() => checkActionInput('done', { outcome: 'sold' }, now)).not.toThrow();
  });
});

describe('the numbers people speak', () => {
  const id = '01KBQ4ZJ5Y3MZW8N2T6RFT7H82';

  it('are the kind letters and the last eight characters of the id, found again from what is typed', () => {
    expect(recordNumber('quote', id)).toBe('Q-6RFT7H82');
    expect(recordNumber('order', id)).toBe('SP-6RFT7H82');
    expect(recordNumber('request', id)).toBe('TL-6RFT7H82');
    expect(numberSuffix('order', 'sp-6rft7h82 ')).toBe('6RFT7H82');
    expect(numberSuffix('order', '6RFT7H82')).toBe('6RFT7H82');
    // Another kind's letters, a wrong length or a letter no ULID holds (I, L, O, U) is no order number.
    expect(numberSuffix('order', 'TL-6RFT7H82')).toBeUndefined();
    expect(numberSuffix('order', 'SP-6RFT7H8')).toBeUndefined();
    expect(numberSuffix('order', 'SP-6RFT7H8U')).toBeUndefined();
  });
});
