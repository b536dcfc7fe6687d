// The call center's requests without AWS: their lifecycle, what an action needs, the intake schema,
// and the dealer a request goes to by order routing's rules narrowed to dealers.
import { describe, expect, it } from 'vitest';
import { chooseDealer } from '../../functions/call-center/domain/dealer-choice.js';
import { createRequestSchema } from '../../functions/call-center/domain/request-input.js';
import { checkActionInput, requestLifecycle } from '../../functions/call-center/domain/request-lifecycle.js';
import { demoRoutingRules, demoUnits } from '../../infra/local/demo-data.js';
import { IllegalTransitionError } from '../../shared/lifecycle.js';
import type { ProblemError } from '../../shared/problems.js';

const now = new Date('2026-12-01T09:00:00Z');
const units = new Map(demoUnits.map((unit) => [unit.unitId, unit]));

describe('the request lifecycle', () => {
  it('goes open → accepted → scheduled (again, to reschedule) → done', () => {
    expect(requestLifecycle.apply('open', 'accept', 'dealer')).toBe('accepted');
    expect(requestLifecycle.apply('accepted', 'schedule', 'dealer')).toBe('scheduled');
    expect(requestLifecycle.apply('scheduled', 'schedule', 'dealer')).toBe('scheduled');
    expect(requestLifecycle.apply('scheduled', 'done', 'dealer')).toBe('done');
  });

  it('refuses a skipped step or a move out of an end state, naming what is allowed', () => {
    expect(() => requestLifecycle.apply('open', 'done', 'dealer')).toThrow(
      /can take "accept" or "decline" or "cancel"/,
    );
    expect(() => requestLifecycle.apply('done', 'cancel', 'agent')).toThrow(IllegalTransitionError);
    expect(() => requestLifecycle.apply('scheduled', 'decline', 'dealer')).toThrow(IllegalTransitionError);
  });

  it('lets the dealer decline but not cancel; the call center cancels', () => {
    expect(requestLifecycle.apply('accepted', 'decline', 'dealer')).toBe('declined');
    expect(() => requestLifecycle.apply('open', 'cancel', 'dealer')).toThrow(/for agent or rep/);
    expect(requestLifecycle.apply('scheduled', 'cancel', 'agent')).toBe('cancelled');
  });
});

describe("an action's input", () => {
  const problemOf = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      return error as ProblemError;
    }
    throw new Error('expected a problem');
  };

  it('needs a future time to schedule and a reason to decline, each named by its field', () => {
    expect(problemOf(() => checkActionInput('schedule', {}, now))).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'at' }],
    });
    expect(problemOf(() => checkActionInput('schedule', { at: '2026-12-01T08:59:00Z' }, now)).errors).toEqual([
      { path: 'at', message: expect.objectContaining({ en: 'A time in the future.' }) },
    ]);
    expect(problemOf(() => checkActionInput('decline', {}, now))).toMatchObject({ errors: [{ path: 'reason' }] });
    expect(problemOf(() => checkActionInput('accept', { at: '2026-12-02T10:00:00Z' }, now))).toMatchObject({
      errors: [{ path: 'at' }],
    });
    expect(() => checkActionInput('schedule', { at: '2026-12-02T10:00:00+03:00' }, now)).not.toThrow();
    expect(() => checkActionInput('decline', { reason: 'Bu model bayimizde yok.' }, now)).not.toThrow();
  });
});

describe('the request schema', () => {
  it('needs the product of a quote request and refuses what is not a request field', () => {
    const quote = createRequestSchema.safeParse({ kind: 'quote', channel: 'phone', details: { model: 'FL-25E' } });
    expect(quote.success).toBe(false);
    expect(quote.error?.issues[0]?.path).toEqual(['details', 'sku']);
    expect(
      createRequestSchema.safeParse({ kind: 'test-drive', channel: 'phone', unitId: 'dealer-izmir' }).success,
    ).toBe(false);
    expect(createRequestSchema.safeParse({ kind: 'service', channel: 'fax' }).success).toBe(false);
    expect(createRequestSchema.parse({ kind: 'information', channel: 'email' })).toEqual({
      kind: 'information',
      channel: 'email',
      details: {},
    });
  });
});

describe('choosing the dealer', () => {
  it("sends a request to the customer's preferred dealer when it serves that kind, wherever the customer lives", () => {
    const decision = chooseDealer(
      demoRoutingRules,
      { kind: 'service', preferredDealerId: 'dealer-ankara', city: 'İzmir' },
      units,
      now,
    );
    expect(decision).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'preferred-dealer', fallback: false });
  });

  it('goes by region when the preferred dealer does not serve that kind, passing over non-dealers and dealers that do not serve it', () => {
    // dealer-izmir does no service; the Ankara customer's region names dealer-ankara, which does.
    const byRegion = chooseDealer(
      demoRoutingRules,
      { kind: 'service', preferredDealerId: 'dealer-izmir', city: 'Ankara' },
      units,
      now,
    );
    expect(byRegion).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'ankara-dealer', fallback: false });
    expect(byRegion.skipped).toContainEqual({
      ruleId: 'preferred-dealer',
      unitId: 'dealer-izmir',
      reason: 'category-not-served',
    });
    // In İzmir only dealer-izmir is a dealer, and it does no service: the fallback queue takes it (never the warehouse).
    const noDealer = chooseDealer(demoRoutingRules, { kind: 'service', city: 'İzmir' }, units, now);
    expect(noDealer).toMatchObject({ unitId: 'dept-order-desk', fallback: true });
    const testDrive = chooseDealer(
      demoRoutingRules,
      { kind: 'test-drive', productCategory: 'forklift', city: 'İzmir' },
      units,
      now,
    );
    expect(testDrive).toMatchObject({ unitId: 'dealer-izmir', ruleId: 'izmir-dealer' });
    // A request about no product in particular suits any dealer.
    const appraisal = chooseDealer(
      demoRoutingRules,
      { kind: 'appraisal', preferredDealerId: 'dealer-izmir' },
      units,
      now,
    );
    expect(appraisal).toMatchObject({ unitId: 'dealer-izmir', ruleId: 'preferred-dealer' });
  });

  it('ignores category rules, unit hours and capacity, which are for orders', () => {
    const closedAndFull = new Map(units);
    closedAndFull.set('dealer-ankara', { ...units.get('dealer-ankara')!, hours: { days: {} }, capacity: 0 });
    const decision = chooseDealer(demoRoutingRules, { kind: 'service', region: 'İç Anadolu' }, closedAndFull, now);
    expect(decision).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'ankara-dealer' });
    expect(decision.skipped.map((s) => s.ruleId)).not.toContain('service');
  });
});
