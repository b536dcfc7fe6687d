// The events quote approval publishes: ids, versions, statuses, roles, rule ids and amounts (integer
// minor units with their currency). Never the customer's name or address, nor an approver's reason text.
import { defineEvents, envelope, minor, nonNegativeInt, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

/** `quoteVersion`: the quote's revision (1, 2…); `version` is the event schema's, as on every event. */
const quoteRef = { quoteId: z.string(), customerId: z.string(), quoteVersion: positiveInt };
const ownedQuote = { ...quoteRef, ownerId: z.string() };
const quoteAmount = { currency: z.string(), grandTotal: minor };
/** Who decided which step of the approval, and how. */
const approvalStep = {
  step: nonNegativeInt,
  role: z.string(),
  approverId: z.string(),
  via: z.enum(['api', 'link']),
};
const quoteAnswer = z.object({ ...envelope, ...ownedQuote, ...quoteAmount, via: z.enum(['link', 'staff']) });

export const events = defineEvents('crm.quotes', {
  QuoteCreated: z.object({ ...envelope, ...ownedQuote, ...quoteAmount }),
  QuoteRevised: z.object({
    ...envelope,
    ...ownedQuote,
    previousStatus: z.enum(['rejected', 'sent', 'declined', 'expired']),
  }),
  QuoteSubmitted: z.object({
    ...envelope,
    ...ownedQuote,
    ...quoteAmount,
    netTotalTry: minor,
    discountBp: z.int(),
    marginBp: z.int(),
    autoApproved: z.boolean(),
    steps: z.array(z.object({ role: z.string(), ruleIds: z.array(z.string()) })),
  }),
  QuoteApprovalRequested: z.object({
    ...envelope,
    ...quoteRef,
    /** 0-based: the step now awaiting approval. */
    step: nonNegativeInt,
    steps: positiveInt,
    role: z.string(),
    ruleIds: z.array(z.string()),
  }),
  QuoteApprovalGiven: z.object({ ...envelope, ...quoteRef, ...approvalStep, final: z.boolean() }),
  QuoteApproved: z.object({ ...envelope, ...ownedQuote, by: z.enum(['policy', 'approvers']) }),
  QuoteRejected: z.object({ ...envelope, ...ownedQuote, ...approvalStep }),
  QuoteSent: z.object({
    ...envelope,
    ...ownedQuote,
    ...quoteAmount,
    grandTotalTry: minor,
    validUntil: z.iso.date(),
    expiresAt: z.iso.datetime(),
    /** `post`: recorded as posted as a letter. */
    by: z.enum(['auto', 'staff', 'post']),
  }),
  QuoteFollowUpDue: z.object({ ...envelope, ...ownedQuote, sentAt: z.iso.datetime() }),
  QuoteAccepted: quoteAnswer,
  QuoteDeclined: quoteAnswer,
  QuoteExpired: z.object({ ...envelope, ...ownedQuote, previousStatus: z.enum(['approved', 'sent']) }),
});
