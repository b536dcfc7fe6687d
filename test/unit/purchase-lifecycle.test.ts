// A purchase request's lifecycle as data: every move it can make, every move it is refused (409
// `illegal-transition`, naming what it may do instead), and what each move needs beyond itself (400
// `validation-failed` naming the field), both sides of the expected day's boundary.
import { describe, expect, it } from 'vitest';
import {
  checkPurchaseInput,
  type PurchaseAction,
  type PurchaseStatus,
  purchaseLifecycle,
  purchaseStatuses,
} from '../../functions/erp/domain/purchase-lifecycle.js';
import { IllegalTransitionError } from '../../shared/lifecycle.js';
import { ProblemError } from '../../shared/problems.js';

const moves: [PurchaseStatus, PurchaseAction, PurchaseStatus][] = [
  ['open', 'order', 'ordered'],
  ['ordered', 'receive', 'received'],
  ['open', 'cancel', 'cancelled'],
  ['ordered', 'cancel', 'cancelled'],
];

/** The problem `run` throws: its status, code and the fields it names. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { status: error.status, code: error.code, fields: error.errors.map((e) => e.path), detail: error.detail };
  }
  throw new Error('not refused');
};

describe("a purchase request's moves", () => {
  it.each(moves)('%s takes %s to %s', (from, action, to) => {
    expect(purchaseLifecycle.apply(from, action)).toBe(to);
  });

  const refused = purchaseStatuses.flatMap((from) =>
    (['order', 'receive', 'cancel'] as const)
      .filter((action) => !moves.some(([f, a]) => f === from && a === action))
      .map((action) => [from, action] as const),
  );
  it.each(refused)('%s refuses %s with 409 illegal-transition', (from, action) => {
    const problem = refusal(() => purchaseLifecycle.apply(from, action));
    expect(problem).toMatchObject({ status: 409, code: 'illegal-transition', fields: [] });
    expect(() => purchaseLifecycle.apply(from, action)).toThrow(IllegalTransitionError);
  });

  it('names the moves still open in both languages', () => {
    const problem = refusal(() => purchaseLifecycle.apply('open', 'receive'));
    expect(problem.detail).toEqual({
      en: 'A open purchase request cannot take "receive"; it can take "order" or "cancel".',
      tr: '"Açık" durumundaki satın alma talebi "teslim alma" adımını atamaz; atabileceği adımlar: "sipariş verme" veya "iptal".',
    });
    expect(refusal(() => purchaseLifecycle.apply('received', 'cancel')).detail).toMatchObject({
      en: expect.stringContaining('it can take no action'),
    });
  });

  it('offers purchasing the moves of each status, and none once received or cancelled', () => {
    expect(purchaseLifecycle.movesFor('open', 'manager')).toEqual([
      { action: 'order', to: 'ordered' },
      { action: 'cancel', to: 'cancelled' },
    ]);
    expect(purchaseLifecycle.movesFor('ordered', 'manager')).toEqual([
      { action: 'receive', to: 'received' },
      { action: 'cancel', to: 'cancelled' },
    ]);
    expect(purchaseLifecycle.movesFor('received', 'manager')).toEqual([]);
    expect(purchaseLifecycle.movesFor('cancelled', 'manager')).toEqual([]);
  });
});

describe('what a move needs', () => {
  const today = '2026-12-07';
  const order = { supplierRef: 'TED-4411', expectedOn: '2026-12-10' };

  it('takes an order with a reference and a day from today on', () => {
    expect(() => checkPurchaseInput('order', order, today)).not.toThrow();
    expect(() => checkPurchaseInput('order', { ...order, expectedOn: today }, today)).not.toThrow();
  });

  it.each([
    ['supplierRef', { expectedOn: '2026-12-10' }],
    ['expectedOn', { supplierRef: 'TED-4411' }],
  ])('refuses an order without %s', (field, input) => {
    expect(refusal(() => checkPurchaseInput('order', input, today))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      fields: [field],
    });
  });

  it('refuses an expected day that has passed (the day before today)', () => {
    expect(refusal(() => checkPurchaseInput('order', { ...order, expectedOn: '2026-12-06' }, today))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      fields: ['expectedOn'],
    });
  });

  it('takes a cancellation with a reason, and refuses one without', () => {
    expect(() => checkPurchaseInput('cancel', { reason: 'Müşteri vazgeçti' }, today)).not.toThrow();
    expect(refusal(() => checkPurchaseInput('cancel', {}, today))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      fields: ['reason'],
    });
  });

  it("refuses another action's fields, each named", () => {
    expect(() => checkPurchaseInput('receive', { note: 'tamam' }, today)).not.toThrow();
    expect(refusal(() => checkPurchaseInput('receive', { ...order, reason: 'x' }, today))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      fields: ['supplierRef', 'expectedOn', 'reason'],
    });
    expect(refusal(() => checkPurchaseInput('cancel', { reason: 'x', supplierRef: 'TED-1' }, today))).toMatchObject({
      fields: ['supplierRef'],
    });
    expect(refusal(() => checkPurchaseInput('order', { ...order, reason: 'x' }, today))).toMatchObject({
      fields: ['reason'],
    });
  });
});
