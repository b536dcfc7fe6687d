// The capture use case: the lead joins the customer the customers' intake finds or creates for the
// person — exactly once even when two submissions of one new person race each other, and once per
// Idempotency-Key: the key's stored answer is written in the intake's own transaction.
import { clockNow } from '../../shared/clock.js';
import type { ContactKeys, ContactMatch } from '../../shared/customer.js';
import { checkDealerChoice } from '../../shared/dealer-choice.js';
import { type IdempotencyScope, once } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { takeIn } from '../customers/public.js';
import { consentsGiven, type LeadSubmission } from './domain/lead-submission.js';
import { leadItems, leadTouch } from './lead-store.js';

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
  /** How the person's details are matched; a test may stand in a read made before a merge moved them. */
  match?: (contact: ContactKeys) => Promise<ContactMatch>,
): Promise<Captured> => {
  await checkDealerChoice(submission.preferredDealerId);
  const scope: IdempotencyScope = { route: 'POST /leads', caller: 'public', key: idempotencyKey, request: submission };
  return once(scope, (record) => {
    const s = submission;
    const leadId = newId();
    const channels = consentsGiven(s);
    return takeIn(
      {
        person: {
          name: s.name,
          email: s.email,
          phone: s.phone,
          language: s.language,
          company: s.company,
          sector: s.sector,
          city: s.city,
          region: s.region,
          preferredDealerId: s.preferredDealerId,
        },
        starts: { leadCount: 1, lastLeadAt: now.toISOString() },
        touch: (customerId) => leadTouch(customerId, s.preferredDealerId, now),
        consent: channels.length
          ? {
              via: 'form',
              channels,
              source: s.source ?? 'web-form',
              textVersion: s.consentTextVersion,
              ip,
              leadId,
              language: s.language,
            }
          : undefined,
        work: (found) => ({
          items: leadItems(leadId, found, { submission, now, record }),
          answer: { leadId, status: 'new' as const },
        }),
        match,
      },
      now,
    );
  });
};
