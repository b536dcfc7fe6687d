// A purchase request's lifecycle: open (the purchasing unit owes an answer within its SLA) → ordered
// from a supplier (their reference and the expected date) → received; or cancelled with a reason while
// it is open or ordered. Only an open request runs the SLA clock. No AWS here.
import { defineLifecycle } from '../../../shared/lifecycle.js';
import type { FieldProblem } from '../../../shared/problems.js';
import { ValidationError } from '../../../shared/problems.js';

export const purchaseStatuses = ['open', 'ordered', 'received', 'cancelled'] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];

/** The statuses in which purchasing still has work on it: shown in its inbox. */
export const activePurchaseStatuses: readonly PurchaseStatus[] = ['open', 'ordered'];

export const purchaseLifecycle = defineLifecycle({
  name: 'purchase request',
  states: purchaseStatuses,
  actions: {
    order: { from: ['open'], to: 'ordered' },
    receive: { from: ['ordered'], to: 'received' },
    cancel: { from: ['open', 'ordered'], to: 'cancelled' },
  },
  tr: {
    record: 'satın alma talebi',
    states: { open: 'Açık', ordered: 'Sipariş verildi', received: 'Teslim alındı', cancelled: 'İptal edildi' },
    actions: { order: 'sipariş verme', receive: 'teslim alma', cancel: 'iptal' },
  },
});
export type PurchaseAction = keyof typeof purchaseLifecycle.actions;
export const purchaseActions = Object.keys(purchaseLifecycle.actions) as PurchaseAction[];

/** What a move may carry beyond the seq read: an order's supplier and date, a cancellation's reason. */
export interface PurchaseActionInput {
  seq?: number;
  supplierRef?: string;
  /** The day the supplier said the goods arrive (YYYY-MM-DD, Istanbul). */
  expectedOn?: string;
  reason?: string;
  note?: string;
}

const needs: Record<PurchaseAction, readonly (keyof PurchaseActionInput)[]> = {
  order: ['supplierRef', 'expectedOn'],
  receive: [],
  cancel: ['reason'],
};

const missing: Record<'supplierRef' | 'expectedOn' | 'reason', { en: string; tr: string }> = {
  supplierRef: { en: "Give the supplier's order reference.", tr: 'Tedarikçinin sipariş referansını yazın.' },
  expectedOn: {
    en: 'Give the day the supplier expects to deliver.',
    tr: 'Tedarikçinin teslim edeceği günü yazın.',
  },
  reason: {
    en: 'Say why the purchase request is cancelled.',
    tr: 'Satın alma talebinin neden iptal edildiğini yazın.',
  },
};

/**
 * What an action needs beyond the move, every problem named by its field: `order` a supplier reference
 * and an expected day not before `today` (Istanbul); `cancel` a reason; no action takes another's fields.
 */
export const checkPurchaseInput = (action: PurchaseAction, input: PurchaseActionInput, today: string) => {
  const problems: FieldProblem[] = [];
  for (const field of ['supplierRef', 'expectedOn', 'reason'] as const) {
    const wanted = needs[action].includes(field);
    if (wanted && !input[field]) problems.push({ path: field, message: missing[field] });
    if (!wanted && input[field] !== undefined) {
      problems.push({
        path: field,
        message: { en: `"${action}" does not take ${field}.`, tr: `"${action}" adımı ${field} almaz.` },
      });
    }
  }
  if (action === 'order' && input.expectedOn && input.expectedOn < today) {
    problems.push({
      path: 'expectedOn',
      message: { en: 'The expected day has passed.', tr: 'Beklenen gün geçmiş.' },
    });
  }
  if (problems.length) throw new ValidationError(problems);
};
