import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  IllegalTransitionError,
  type QuoteAction,
  type QuoteState,
  type QuoteStatus,
  quoteStatuses,
  transition,
} from '../../functions/quote-approval/domain/lifecycle.js';
import { ValidationError } from '../../shared/problems.js';

type Quote = QuoteState & { id: string; customerId: string };
const draft: Quote = { id: 'Q-1', customerId: 'C-1', status: 'draft', version: 1 };

const run = (quote: Quote, ...actions: QuoteAction[]) => actions.reduce((q, a) => transition(q, a).quote, quote);
const simple = (type: 'submit' | 'autoApprove' | 'send' | 'accept' | 'decline' | 'expire' | 'revise'): QuoteAction => ({
  type,
});

describe('quote lifecycle', () => {
  it('walks the happy path and keeps the quote’s other fields', () => {
    const accepted = run(draft, simple('submit'), simple('autoApprove'), simple('send'), simple('accept'));
    expect(accepted).toEqual({ id: 'Q-1', customerId: 'C-1', status: 'accepted', version: 1 });
  });

  it('approves step by step, and the last step approves the quote', () => {
    const pending = run(draft, simple('submit'), { type: 'requireApproval', steps: 2 });
    expect(pending).toMatchObject({ status: 'pending_approval', approval: { steps: 2, approved: 0 } });
    const afterManager = transition(pending, { type: 'approve', step: 0 }).quote;
    expect(afterManager).toMatchObject({ status: 'pending_approval', approval: { steps: 2, approved: 1 } });
    const approved = transition(afterManager, { type: 'approve', step: 1 }).quote;
    expect(approved).toEqual({ id: 'Q-1', customerId: 'C-1', status: 'approved', version: 1 });
  });

  it('refuses a second approval of a step already approved, as a conflict', () => {
    const pending = run(draft, simple('submit'), { type: 'requireApproval', steps: 2 }, { type: 'approve', step: 0 });
    expect(() => transition(pending, { type: 'approve', step: 0 })).toThrow(IllegalTransitionError);
    expect(() => transition(pending, { type: 'approve', step: 0 })).toThrow(
      /Step 1 of 2 is not the one awaiting approval/,
    );
    expect(() => transition(pending, { type: 'approve', step: 2 })).toThrow(IllegalTransitionError);
    expect(() => transition(pending, { type: 'approve', step: 0 })).toThrow(
      expect.objectContaining({ status: 409, code: 'illegal-transition' }),
    );
  });

  it('rejects only with a reason, and drops the approval progress', () => {
    const pending = run(draft, simple('submit'), { type: 'requireApproval', steps: 2 }, { type: 'approve', step: 0 });
    expect(() => transition(pending, { type: 'reject', reason: '   ' })).toThrow(ValidationError);
    expect(transition(pending, { type: 'reject', reason: ' Marj çok düşük ' }).quote).toEqual({
      ...draft,
      status: 'rejected',
      rejectionReason: 'Marj çok düşük',
    });
    expect(() => run(draft, simple('submit'), { type: 'requireApproval', steps: 0 })).toThrow(ValidationError);
  });

  it.each(['rejected', 'sent', 'declined', 'expired'] as const)(
    'revises a %s quote into a new draft, keeping the old one',
    (status) => {
      const old: Quote = {
        ...draft,
        status,
        version: 3,
        ...(status === 'rejected' && { rejectionReason: 'Fiyat yüksek' }),
      };
      const frozen = structuredClone(old);
      const { quote, previous } = transition(old, { type: 'revise' });
      expect(quote).toEqual({ id: 'Q-1', customerId: 'C-1', status: 'draft', version: 4 });
      expect(previous).toBe(old);
      expect(old).toEqual(frozen);
    },
  );

  it('has exactly the documented moves; every other one is an IllegalTransitionError', () => {
    const expected: Record<QuoteStatus, string[]> = {
      draft: ['submit'],
      submitted: ['requireApproval', 'autoApprove'],
      pending_approval: ['approve', 'reject'],
      approved: ['send', 'expire'],
      rejected: ['revise'],
      sent: ['accept', 'decline', 'expire', 'revise'],
      accepted: [],
      declined: ['revise'],
      expired: ['revise'],
    };
    const actions: QuoteAction[] = [
      simple('submit'),
      { type: 'requireApproval', steps: 1 },
      simple('autoApprove'),
      { type: 'approve', step: 0 },
      { type: 'reject', reason: 'x' },
      simple('send'),
      simple('accept'),
      simple('decline'),
      simple('expire'),
      simple('revise'),
    ];
    for (const status of quoteStatuses) {
      expect(allowedActions(status), status).toEqual(expected[status]);
      const quote: Quote = {
        ...draft,
        status,
        ...(status === 'pending_approval' && { approval: { steps: 1, approved: 0 } }),
      };
      for (const action of actions) {
        if (expected[status].includes(action.type)) expect(() => transition(quote, action)).not.toThrow();
        else expect(() => transition(quote, action), `${status} ${action.type}`).toThrow(IllegalTransitionError);
      }
    }
  });
});
