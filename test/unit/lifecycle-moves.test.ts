// Moves the walks through the lifecycles never took: cancelling an order from each open status and
// by each role, where a declined or expired quote ends, resolving a case from each active status.
import { describe, expect, it } from 'vitest';
import { caseLifecycle, caseStatuses } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import { type OrderStatus, orderLifecycle } from '../../functions/order-routing/domain/lifecycle.js';
import { type QuoteState, transition } from '../../functions/quote-approval/domain/lifecycle.js';
import { roles } from '../../shared/http.js';
import { refusal } from '../support/refusals.js';

const conflict = { status: 409, code: 'illegal-transition', errors: [] };
const invalid = {
  status: 400,
  code: 'validation-failed',
  detail: { en: 'The request has invalid fields.', tr: 'İstekte geçersiz alanlar var.' },
};

describe('cancelling an order', () => {
  it.each(['received', 'routed', 'acknowledged', 'in_progress'] as const)('cancels a %s order', (status) => {
    expect(orderLifecycle.apply(status, 'cancel')).toBe('cancelled');
    expect(orderLifecycle.actionTo(status, 'cancelled')).toBe('cancel');
  });

  it.each(['shipped', 'delivered', 'cancelled', 'returned'] as const)(
    'refuses to cancel a %s order as a conflict',
    (status: OrderStatus) => {
      expect(refusal(() => orderLifecycle.apply(status, 'cancel', 'manager'))).toMatchObject(conflict);
    },
  );

  it.each(['manager', 'director', 'admin', 'rep', 'agent'] as const)('lets a %s cancel', (role) => {
    expect(orderLifecycle.apply('in_progress', 'cancel', role)).toBe('cancelled');
  });

  it.each(['dealer', 'marketer'] as const)('refuses a %s, a role left out, saying who may', (role) => {
    expect(
      roles
        .filter((other) => other !== 'dealer' && other !== 'marketer')
        .every((other) => orderLifecycle.apply('received', 'cancel', other) === 'cancelled'),
    ).toBe(true);
    const refused = refusal(() => orderLifecycle.apply('acknowledged', 'cancel', role));
    expect(refused).toMatchObject(conflict);
    expect(() => orderLifecycle.apply('acknowledged', 'cancel', role)).toThrow(
      /is for manager or director or admin or rep or agent\./,
    );
  });

  it('lets any role take a move that names no roles', () => {
    expect(orderLifecycle.apply('routed', 'acknowledge', 'dealer')).toBe('acknowledged');
  });

  it('re-routes a routed order, and only a routed one', () => {
    expect(orderLifecycle.apply('routed', 'reroute')).toBe('routed');
    expect(refusal(() => orderLifecycle.apply('acknowledged', 'reroute'))).toMatchObject(conflict);
  });
});

describe('where a quote ends', () => {
  const quote = (status: QuoteState['status']): QuoteState & { id: string } => ({ id: 'Q-1', status, version: 2 });

  it('declines a sent quote into declined, and nothing else', () => {
    expect(transition(quote('sent'), { type: 'decline' })).toEqual({
      quote: { id: 'Q-1', status: 'declined', version: 2 },
    });
    for (const status of ['draft', 'approved', 'accepted', 'expired'] as const) {
      expect(refusal(() => transition(quote(status), { type: 'decline' }))).toMatchObject(conflict);
    }
  });

  it('expires an approved or a sent quote into expired, and nothing else', () => {
    expect(transition(quote('approved'), { type: 'expire' }).quote.status).toBe('expired');
    expect(transition(quote('sent'), { type: 'expire' })).toEqual({
      quote: { id: 'Q-1', status: 'expired', version: 2 },
    });
    for (const status of ['draft', 'submitted', 'pending_approval', 'accepted', 'declined', 'expired'] as const) {
      expect(refusal(() => transition(quote(status), { type: 'expire' }))).toMatchObject(conflict);
    }
  });

  it('accepts only a sent quote', () => {
    expect(transition(quote('sent'), { type: 'accept' }).quote.status).toBe('accepted');
    expect(refusal(() => transition(quote('approved'), { type: 'accept' }))).toMatchObject(conflict);
  });

  it('refuses an approval step count that is not a whole number, on steps', () => {
    for (const steps of [0, 1.5, Number.NaN]) {
      expect(refusal(() => transition(quote('submitted'), { type: 'requireApproval', steps }))).toEqual({
        ...invalid,
        errors: [['steps', 'At least one approval step.', 'En az bir onay adımı.']],
      });
    }
  });

  it('refuses a rejection without a reason, on reason', () => {
    const pending = { ...quote('pending_approval'), approval: { steps: 1, approved: 0 } };
    expect(refusal(() => transition(pending, { type: 'reject', reason: ' ' }))).toEqual({
      ...invalid,
      errors: [['reason', 'Say why the quote is rejected.', 'Teklifin neden reddedildiğini yazın.']],
    });
  });

  it('names the step and the count of steps when an approval is not the awaited one', () => {
    const pending = { ...quote('pending_approval'), approval: { steps: 3, approved: 1 } };
    expect(refusal(() => transition(pending, { type: 'approve', step: 2 }))).toEqual({
      ...conflict,
      detail: {
        en: 'Step 3 of 3 is not the one awaiting approval.',
        tr: '3 adımın 3. adımı onay bekleyen adım değil.',
      },
    });
    expect(transition(pending, { type: 'approve', step: 1 }).quote).toEqual({
      ...pending,
      approval: { steps: 3, approved: 2 },
    });
  });
});

describe('resolving and reopening a case', () => {
  it.each(['acknowledged', 'in_progress', 'waiting_customer'] as const)('resolves an %s case', (status) => {
    expect(caseLifecycle.apply(status, 'resolve')).toBe('resolved');
    expect(caseLifecycle.actionTo(status, 'resolved')).toBe('resolve');
  });

  it('does not resolve a case nobody has looked at, nor one resolved or closed', () => {
    for (const status of ['open', 'resolved', 'closed'] as const) {
      expect(refusal(() => caseLifecycle.apply(status, 'resolve'))).toMatchObject(conflict);
    }
  });

  it('reopens a resolved or closed case into work, and nothing else', () => {
    expect(caseLifecycle.apply('resolved', 'reopen')).toBe('in_progress');
    expect(caseLifecycle.apply('closed', 'reopen')).toBe('in_progress');
    const others = caseStatuses.filter((s) => s !== 'resolved' && s !== 'closed');
    for (const status of others) expect(refusal(() => caseLifecycle.apply(status, 'reopen'))).toMatchObject(conflict);
  });

  it('starts work from open or acknowledged, and asks the customer from acknowledged or in progress', () => {
    expect(caseLifecycle.apply('open', 'start')).toBe('in_progress');
    expect(caseLifecycle.apply('acknowledged', 'start')).toBe('in_progress');
    expect(caseLifecycle.apply('acknowledged', 'askCustomer')).toBe('waiting_customer');
    expect(caseLifecycle.apply('in_progress', 'askCustomer')).toBe('waiting_customer');
    expect(refusal(() => caseLifecycle.apply('open', 'askCustomer'))).toMatchObject(conflict);
    expect(caseLifecycle.allowed('resolved')).toEqual(['close', 'reopen']);
  });
});
