// The capture use case: attach the lead to the person it belongs to, or create that person —
// exactly once even when two submissions of one new person race each other.
import { ConflictError } from '../../shared/problems.js';
import { contactOf, type LeadSubmission } from './domain/lead-submission.js';
import { matchContact, saveForCustomer, saveWithNewCustomer } from './lead-store.js';

/** A losing racer re-reads the winner's markers; a third loss means heavy contention on one person. */
const MAX_ATTEMPTS = 3;

export interface CaptureInput {
  submission: LeadSubmission;
  ip: string;
}

export const captureLead = async ({ submission, ip }: CaptureInput, now = new Date()) => {
  const contact = contactOf(submission);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { customerId, unclaimed } = await matchContact(contact);
    const capture = { submission, contact, ip, now };
    const outcome = customerId
      ? await saveForCustomer({ customerId, unclaimed }, capture)
      : await saveWithNewCustomer(capture);
    if (outcome.saved) return { leadId: outcome.leadId, status: 'new' as const };
  }
  throw new ConflictError('capture-contended', 'This contact is being changed by other requests; try again.');
};
