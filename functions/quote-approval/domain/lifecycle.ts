// The quote lifecycle as one table of moves. Anything not in the table is an IllegalTransitionError
// (409): a stale screen, or a second manager approving the same step a moment too late.
import { defineLifecycle, IllegalTransitionError } from '../../../shared/lifecycle.js';
import { ValidationError } from '../../../shared/problems.js';

export { IllegalTransitionError };

export const quoteStatuses = [
  'draft',
  'submitted',
  'pending_approval',
  'approved',
  'rejected',
  'sent',
  'accepted',
  'declined',
  'expired',
] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export interface QuoteState {
  status: QuoteStatus;
  /** The revision: 1, then 2 after a revise, while version 1 stays as it was. */
  version: number;
  /** While pending approval: how many steps the policy asked for and how many are done. */
  approval?: { steps: number; approved: number };
  rejectionReason?: string;
}

export type QuoteAction =
  | { type: 'submit' }
  | { type: 'requireApproval'; steps: number }
  | { type: 'autoApprove' }
  /** `step` is the 0-based step being approved, so that a repeated approval of the same step is refused. */
  | { type: 'approve'; step: number }
  | { type: 'reject'; reason: string }
  | { type: 'send' }
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'expire' }
  | { type: 'revise' };
export type QuoteActionType = QuoteAction['type'];

export const quoteLifecycle = defineLifecycle<QuoteStatus, QuoteActionType>({
  name: 'quote',
  states: quoteStatuses,
  actions: {
    submit: { from: ['draft'], to: 'submitted' },
    requireApproval: { from: ['submitted'], to: 'pending_approval' },
    autoApprove: { from: ['submitted'], to: 'approved' },
    // Until the last step is approved the quote stays pending_approval.
    approve: { from: ['pending_approval'], to: 'approved' },
    reject: { from: ['pending_approval'], to: 'rejected' },
    send: { from: ['approved'], to: 'sent' },
    accept: { from: ['sent'], to: 'accepted' },
    decline: { from: ['sent'], to: 'declined' },
    // An approved quote that was never sent also lapses, so that it can be revised.
    expire: { from: ['approved', 'sent'], to: 'expired' },
    revise: { from: ['rejected', 'sent', 'declined', 'expired'], to: 'draft' },
  },
  tr: {
    record: 'teklif',
    states: {
      draft: 'Taslak',
      submitted: 'Sunuldu',
      pending_approval: 'Onay bekliyor',
      approved: 'Onaylandı',
      rejected: 'Reddedildi',
      sent: 'Müşteriye gönderildi',
      accepted: 'Kabul edildi',
      declined: 'Geri çevrildi',
      expired: 'Süresi doldu',
    },
    actions: {
      submit: 'sunma',
      requireApproval: 'onaya gönderme',
      autoApprove: 'kendiliğinden onay',
      approve: 'onay',
      reject: 'ret',
      send: 'gönderme',
      accept: 'kabul',
      decline: 'geri çevirme',
      expire: 'süresinin dolması',
      revise: 'revize',
    },
  },
});

export const allowedActions = (status: QuoteStatus): QuoteActionType[] => quoteLifecycle.allowed(status);

export interface Transition<Q> {
  quote: Q;
  /** Only after `revise`: the old version, unchanged and still readable. */
  previous?: Q;
}

export const transition = <Q extends QuoteState>(quote: Q, action: QuoteAction): Transition<Q> => {
  const next = quoteLifecycle.apply(quote.status, action.type);
  // Approval progress and a rejection reason belong to the status they were set in.
  const { approval, rejectionReason: _, ...rest } = quote;
  const to = (changes: Partial<QuoteState> = {}): Transition<Q> => ({
    quote: { ...rest, status: next, ...changes } as unknown as Q,
  });
  switch (action.type) {
    case 'requireApproval':
      if (!Number.isSafeInteger(action.steps) || action.steps < 1) {
        throw new ValidationError([
          { path: 'steps', message: { en: 'At least one approval step.', tr: 'En az bir onay adımı.' } },
        ]);
      }
      return to({ approval: { steps: action.steps, approved: 0 } });
    case 'approve': {
      const { steps, approved } = approval!;
      if (action.step !== approved) {
        throw new IllegalTransitionError({
          en: `Step ${action.step + 1} of ${steps} is not the one awaiting approval.`,
          tr: `${steps} adımın ${action.step + 1}. adımı onay bekleyen adım değil.`,
        });
      }
      return approved + 1 < steps
        ? to({ status: 'pending_approval', approval: { steps, approved: approved + 1 } })
        : to();
    }
    case 'reject': {
      const reason = action.reason.trim();
      if (!reason) {
        throw new ValidationError([
          {
            path: 'reason',
            message: { en: 'Say why the quote is rejected.', tr: 'Teklifin neden reddedildiğini yazın.' },
          },
        ]);
      }
      return to({ rejectionReason: reason });
    }
    case 'revise':
      return { ...to({ version: quote.version + 1 }), previous: quote };
    default:
      return to();
  }
};
