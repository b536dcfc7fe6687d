// Quote moves the main lifecycle tests never asked for: a step count that is not a whole number, the
// approval refusal in Turkish, the field each refusal names, and what a move keeps of the quote.
import { describe, expect, it } from 'vitest';
import { type QuoteState, transition } from '../../functions/quote-approval/domain/lifecycle.js';
import { refusal } from '../support/refusals.js';

type Quote = QuoteState & { id: string };
const submitted: Quote = { id: 'Q-1', status: 'submitted', version: 1 };
const pending = (steps: number, approved: number): Quote => ({
  id: 'Q-1',
  status: 'pending_approval',
  version: 1,
  approval: { steps, approved },
});

describe('asking for approval', () => {
  it('takes one step or more, and refuses zero, a fraction or an unsafe number on steps', () => {
    expect(transition(submitted, { type: 'requireApproval', steps: 1 }).quote).toEqual({
      id: 'Q-1',
      status: 'pending_approval',
      version: 1,
      approval: { steps: 1, approved: 0 },
    });
    for (const steps of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(
        refusal(() => transition(submitted, { type: 'requireApproval', steps })),
        String(steps),
      ).toMatchObject({
        status: 400,
        code: 'validation-failed',
        errors: [['steps', 'At least one approval step.', 'En az bir onay adımı.']],
      });
    }
  });
});

describe('approving', () => {
  it('approves the only step of a one-step approval into approved, dropping the progress', () => {
    expect(transition(pending(1, 0), { type: 'approve', step: 0 }).quote).toEqual({
      id: 'Q-1',
      status: 'approved',
      version: 1,
    });
  });

  it('keeps a three-step approval pending until its third step', () => {
    const second = transition(pending(3, 1), { type: 'approve', step: 1 }).quote;
    expect(second).toEqual({ ...pending(3, 2) });
    expect(transition(second, { type: 'approve', step: 2 }).quote.status).toBe('approved');
  });

  it('refuses a step out of turn in English and Turkish, counting steps from one', () => {
    expect(refusal(() => transition(pending(3, 1), { type: 'approve', step: 2 }))).toMatchObject({
      status: 409,
      code: 'illegal-transition',
      detail: {
        en: 'Step 3 of 3 is not the one awaiting approval.',
        tr: '3 adımın 3. adımı onay bekleyen adım değil.',
      },
    });
  });
});

describe('rejecting', () => {
  it('names the reason field, in both languages, when the reason is blank', () => {
    expect(refusal(() => transition(pending(1, 0), { type: 'reject', reason: '' }))).toMatchObject({
      status: 400,
      errors: [['reason', 'Say why the quote is rejected.', 'Teklifin neden reddedildiğini yazın.']],
    });
  });
});

describe('what a move keeps', () => {
  it('sends an approved quote, keeping its version and its other fields', () => {
    const sent = transition({ id: 'Q-1', status: 'approved', version: 2 } as Quote, { type: 'send' });
    expect(sent).toEqual({ quote: { id: 'Q-1', status: 'sent', version: 2 } });
  });
});
