// The capture use case: attach the lead to the person it belongs to, or create that person —
// exactly once even when two submissions of one new person race each other, and once per
// Idempotency-Key: the key's stored answer is written in the capture's own transaction.
import { clockNow } from '../../shared/clock.js';
import { matchContact } from '../../shared/customer.js';
import { checkDealerChoice } from '../../shared/dealer-choice.js';
import { type IdempotencyScope, once } from '../../shared/idempotency.js';
import { contactContended } from '../../shared/messages.js';
import { ConflictError } from '../../shared/problems.js';
import { contactOf, type LeadSubmission } from './domain/lead-submission.js';
import { saveForCustomer, saveWithNewCustomer } from './lead-store.js';

/** A losing racer re-reads the winner's markers; a third loss means heavy contention on one person. */
const MAX_ATTEMPTS = 3;

export interface CaptureInput {
  submission: LeadSubmission;
  ip: string;
  /** Forms are anonymous: their keys are scoped to the route alone. */
  idempotencyKey?: string;
}

export interface Captured {
  leadId: string;
  status: 'new';
}

export const captureLead = async (
  { submission, ip, idempotencyKey }: CaptureInput,
  now = clockNow(),
): Promise<Captured> => {
  await checkDealerChoice(submission.preferredDealerId);
  const scope: IdempotencyScope = { route: 'POST /leads', caller: 'public', key: idempotencyKey, request: submission };
  return once(scope, async (record) => {
    const contact = contactOf(submission);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { customerId, unclaimed } = await matchContact(contact);
      const capture = { submission, contact, ip, now, record };
      const outcome = customerId
        ? await saveForCustomer({ customerId, unclaimed }, capture)
        : await saveWithNewCustomer(capture);
      if (outcome.saved) return { leadId: outcome.leadId, status: 'new' as const };
    }
    throw new ConflictError('capture-contended', contactContended);
  });
};
