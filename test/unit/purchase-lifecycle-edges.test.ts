// A purchase request's moves at their edges, the module loaded inside each test so its tables count:
// each missing field's message in both languages, an empty text as good as none, a field another
// action takes refused even when empty, the expected day's message, and the statuses purchasing works.
import { describe, expect, it } from 'vitest';
import { freshImport } from '../support/fresh-import.js';

const load = () => freshImport(() => import('../../functions/erp/domain/purchase-lifecycle.js'));
const today = '2026-12-07';

/** The problems `run` throws, each field with its message. */
const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { status, code, errors } = error as { status: number; code: string; errors: unknown[] };
    return { status, code, errors };
  }
  throw new Error('not refused');
};

describe('what a purchase move needs, at the edges', () => {
  it('names each missing field of an order in both languages, an empty text counted as missing', async () => {
    const { checkPurchaseInput } = await load();
    expect(problems(() => checkPurchaseInput('order', { supplierRef: '', expectedOn: '' }, today))).toEqual({
      status: 400,
      code: 'validation-failed',
      errors: [
        {
          path: 'supplierRef',
          message: { en: "Give the supplier's order reference.", tr: 'Tedarikçinin sipariş referansını yazın.' },
        },
        {
          path: 'expectedOn',
          message: {
            en: 'Give the day the supplier expects to deliver.',
            tr: 'Tedarikçinin teslim edeceği günü yazın.',
          },
        },
      ],
    });
  });

  it("names a cancellation's missing reason in both languages", async () => {
    const { checkPurchaseInput } = await load();
    expect(problems(() => checkPurchaseInput('cancel', { reason: '' }, today)).errors).toEqual([
      {
        path: 'reason',
        message: {
          en: 'Say why the purchase request is cancelled.',
          tr: 'Satın alma talebinin neden iptal edildiğini yazın.',
        },
      },
    ]);
  });

  it("refuses another action's field even when empty, naming the action in both languages", async () => {
    const { checkPurchaseInput } = await load();
    expect(problems(() => checkPurchaseInput('receive', { reason: '' }, today)).errors).toEqual([
      { path: 'reason', message: { en: '"receive" does not take reason.', tr: '"receive" adımı reason almaz.' } },
    ]);
  });

  it('says the expected day has passed in both languages, for an order only', async () => {
    const { checkPurchaseInput } = await load();
    expect(
      problems(() => checkPurchaseInput('order', { supplierRef: 'TED-4411', expectedOn: '2026-12-06' }, today)).errors,
    ).toEqual([{ path: 'expectedOn', message: { en: 'The expected day has passed.', tr: 'Beklenen gün geçmiş.' } }]);
    expect(
      problems(() => checkPurchaseInput('cancel', { reason: 'Vazgeçildi', expectedOn: '2026-12-06' }, today)).errors,
    ).toEqual([
      {
        path: 'expectedOn',
        message: { en: '"cancel" does not take expectedOn.', tr: '"cancel" adımı expectedOn almaz.' },
      },
    ]);
  });

  it('lists the actions, and shows purchasing the open and ordered requests only', async () => {
    const { activePurchaseStatuses, purchaseActions, purchaseLifecycle } = await load();
    expect(purchaseActions).toEqual(['order', 'receive', 'cancel']);
    expect(activePurchaseStatuses).toEqual(['open', 'ordered']);
    expect(purchaseLifecycle.name).toBe('purchase request');
    expect(purchaseLifecycle.tr.states).toEqual({
      open: 'Açık',
      ordered: 'Sipariş verildi',
      received: 'Teslim alındı',
      cancelled: 'İptal edildi',
    });
    expect(purchaseLifecycle.tr.actions).toEqual({ order: 'sipariş verme', receive: 'teslim alma', cancel: 'iptal' });
    expect(purchaseLifecycle.tr.record).toBe('satın alma talebi');
  });
});

describe("a purchase request's moves, from the table itself", () => {
  it('orders and cancels an open request, receives and cancels an ordered one, and moves no other', async () => {
    const { purchaseLifecycle } = await load();
    expect(purchaseLifecycle.states).toEqual(['open', 'ordered', 'received', 'cancelled']);
    expect(purchaseLifecycle.actions).toEqual({
      order: { from: ['open'], to: 'ordered' },
      receive: { from: ['ordered'], to: 'received' },
      cancel: { from: ['open', 'ordered'], to: 'cancelled' },
    });
    expect(() => purchaseLifecycle.apply('open', 'receive')).toThrow(
      expect.objectContaining({
        detail: {
          en: 'A open purchase request cannot take "receive"; it can take "order" or "cancel".',
          tr: '"Açık" durumundaki satın alma talebi "teslim alma" adımını atamaz; atabileceği adımlar: "sipariş verme" veya "iptal".',
        },
      }),
    );
  });
});
