// The event catalogue: one schema per detail-type. Events are thin: ids, types and non-personal
// facts only, never names, addresses or phone numbers; a consumer that needs them reads the table.
// A breaking change to a detail bumps `version` and keeps the old schema until no producer uses it.

import { languages } from '../shared/language.js';
import * as z from '../shared/schema.js';

export const sources = {
  leads: 'crm.leads',
  consents: 'crm.consents',
  quotes: 'crm.quotes',
  orders: 'crm.orders',
  cases: 'crm.cases',
  // the customer record and merges (functions/customers)
  customers: 'crm.customers',
  // call-center requests to dealers
  requests: 'crm.requests',
  opportunities: 'crm.opportunities',
  // campaigns
  campaigns: 'crm.campaigns',
  activities: 'crm.activities',
  // analytics (functions/analytics)
  analytics: 'crm.analytics',
  // loyalty points, rewards and coupons (functions/loyalty)
  loyalty: 'crm.loyalty',
  // texts and channel preferences (functions/channels)
  sms: 'crm.sms',
  // invoices, e-invoices and payments posted back by the firm's ERP (functions/erp)
  erp: 'crm.erp',
  // letter runs printed part by part (functions/letters)
  letters: 'crm.letters',
} as const;

const envelope = {
  eventId: z.string().check(z.minLength(1)),
  occurredAt: z.iso.datetime(),
  version: z.literal(1),
};

const leadStatus = z.enum(['new', 'contacted', 'qualified', 'converted', 'disqualified']);
const channel = z.enum(['email', 'sms', 'phone']);

// Quotes and orders: ids, versions, statuses, roles, rule ids and amounts (integer minor units with
// their currency). Never the customer's name or address, nor an approver's reason text.
const minor = z.int(); // a safe integer: |n| ≤ 2^53 − 1
const positiveInt = z.int().check(z.positive());
const nonNegativeInt = z.int().check(z.gte(0));
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
const orderLine = z.object({
  sku: z.string(),
  quantity: positiveInt,
  unitPrice: minor,
  discount: minor,
  net: minor,
  tax: minor,
  total: minor,
});

const orderRef = { orderId: z.string(), customerId: z.string() };
const orderStatus = z.enum([
  'received',
  'routed',
  'acknowledged',
  'in_progress',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
]);
/** Where a routing sent the order: the unit, the rule that fired, and which routing of the order it is (1, 2). */
const routedTo = { unitId: z.string(), ruleId: z.string(), fallback: z.boolean(), step: positiveInt };
const caseRef = { caseId: z.string(), customerId: z.string() };
const slaTarget = z.enum(['firstResponse', 'resolution']);
const requestRef = { requestId: z.string(), customerId: z.string() };
const requestStatus = z.enum(['open', 'accepted', 'scheduled', 'done', 'declined', 'cancelled']);
const opportunityRef = { opportunityId: z.string(), customerId: z.string() };
const opportunityStage = z.enum(['prospecting', 'needs-analysis', 'proposal', 'negotiation', 'won', 'lost']);

export const catalogue = {
  LeadCaptured: {
    source: sources.leads,
    detail: z.object({
      ...envelope,
      leadId: z.string(),
      customerId: z.string(),
      newCustomer: z.boolean(),
      language: z.enum(languages),
      // No form fields: free text can hold anything a person typed, a phone number included.
    }),
  },
  LeadAssigned: {
    source: sources.leads,
    detail: z.object({
      ...envelope,
      leadId: z.string(),
      customerId: z.string(),
      ownerType: z.enum(['user', 'dealer', 'queue']),
      ownerId: z.string(),
      teamId: z.optional(z.string()),
      ruleId: z.string(),
    }),
  },
  LeadStatusChanged: {
    source: sources.leads,
    detail: z.object({
      ...envelope,
      leadId: z.string(),
      customerId: z.string(),
      from: leadStatus,
      to: leadStatus,
      actorId: z.string(),
    }),
  },
  LeadNoteAdded: {
    source: sources.leads,
    detail: z.object({
      ...envelope,
      leadId: z.string(),
      customerId: z.string(),
      noteId: z.string(),
      actorId: z.string(),
    }),
  },
  ConsentRequested: {
    source: sources.consents,
    detail: z.object({ ...envelope, customerId: z.string(), requestId: z.string(), channel }),
  },
  ConsentGranted: {
    source: sources.consents,
    detail: z.object({ ...envelope, customerId: z.string(), channel, via: z.enum(['double-opt-in', 'form', 'staff']) }),
  },
  QuoteCreated: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...ownedQuote, ...quoteAmount }),
  },
  QuoteRevised: {
    source: sources.quotes,
    detail: z.object({
      ...envelope,
      ...ownedQuote,
      previousStatus: z.enum(['rejected', 'sent', 'declined', 'expired']),
    }),
  },
  QuoteSubmitted: {
    source: sources.quotes,
    detail: z.object({
      ...envelope,
      ...ownedQuote,
      ...quoteAmount,
      netTotalTry: minor,
      discountBp: z.int(),
      marginBp: z.int(),
      autoApproved: z.boolean(),
      steps: z.array(z.object({ role: z.string(), ruleIds: z.array(z.string()) })),
    }),
  },
  QuoteApprovalRequested: {
    source: sources.quotes,
    detail: z.object({
      ...envelope,
      ...quoteRef,
      /** 0-based: the step now awaiting approval. */
      step: nonNegativeInt,
      steps: positiveInt,
      role: z.string(),
      ruleIds: z.array(z.string()),
    }),
  },
  QuoteApprovalGiven: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...quoteRef, ...approvalStep, final: z.boolean() }),
  },
  QuoteApproved: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...ownedQuote, by: z.enum(['policy', 'approvers']) }),
  },
  QuoteRejected: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...ownedQuote, ...approvalStep }),
  },
  QuoteSent: {
    source: sources.quotes,
    detail: z.object({
      ...envelope,
      ...ownedQuote,
      ...quoteAmount,
      grandTotalTry: minor,
      validUntil: z.iso.date(),
      expiresAt: z.iso.datetime(),
      by: z.enum(['auto', 'staff']),
    }),
  },
  QuoteFollowUpDue: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...ownedQuote, sentAt: z.iso.datetime() }),
  },
  QuoteAccepted: { source: sources.quotes, detail: quoteAnswer },
  QuoteDeclined: { source: sources.quotes, detail: quoteAnswer },
  QuoteExpired: {
    source: sources.quotes,
    detail: z.object({ ...envelope, ...ownedQuote, previousStatus: z.enum(['approved', 'sent']) }),
  },
  OrderCreated: {
    source: sources.orders,
    detail: z.object({
      ...envelope,
      orderId: z.string(),
      /** Present for an order made from an accepted quote. */
      quoteId: z.optional(z.string()),
      quoteVersion: z.optional(positiveInt),
      /** Where it came from: `quote`, or the intake's channel (`web-shop`, `erp`, `call-center`…). */
      channel: z.optional(z.string()),
      customerId: z.string(),
      ownerId: z.string(),
      currency: z.string(),
      lines: z.array(orderLine).check(z.minLength(1)),
      totals: z.object({ subtotal: minor, discountTotal: minor, netTotal: minor, taxTotal: minor, grandTotal: minor }),
      grandTotalTry: minor,
    }),
  },
  // Order routing: ids, the unit and rule, statuses and reasons; never the delivery address.
  OrderRouted: {
    source: sources.orders,
    detail: z.object({ ...envelope, ...orderRef, ...routedTo, rulesSeq: nonNegativeInt, skipped: nonNegativeInt }),
  },
  OrderRerouted: {
    source: sources.orders,
    detail: z.object({
      ...envelope,
      ...orderRef,
      ...routedTo,
      fromUnitId: z.string(),
      reason: z.enum(['ack-sla-missed']),
    }),
  },
  OrderStatusChanged: {
    source: sources.orders,
    detail: z.object({
      ...envelope,
      ...orderRef,
      from: orderStatus,
      to: orderStatus,
      actorId: z.string(),
      via: z.enum(['api', 'link', 'sweep', 'event']),
      unitId: z.optional(z.string()),
    }),
  },
  // ---- cases (functions/complaint-escalation): ids, statuses, levels; never the subject or description
  CaseOpened: {
    source: sources.cases,
    detail: z.object({
      ...envelope,
      ...caseRef,
      departmentId: z.string(),
      unitType: z.enum(['department', 'dealer']),
      unitId: z.string(),
      priority: z.string(),
      category: z.string(),
    }),
  },
  CaseStatusChanged: {
    source: sources.cases,
    detail: z.object({ ...envelope, ...caseRef, from: z.string(), to: z.string(), actorId: z.string() }),
  },
  CaseSlaWarning: {
    source: sources.cases,
    detail: z.object({ ...envelope, ...caseRef, target: slaTarget, dueAt: z.iso.datetime() }),
  },
  CaseEscalated: {
    source: sources.cases,
    detail: z.object({
      ...envelope,
      ...caseRef,
      target: slaTarget,
      level: z.enum(['supervisor', 'manager']),
      departmentId: z.string(),
    }),
  },
  /** The score only: the comment is free text the customer typed. */
  CaseSurveyAnswered: {
    source: sources.cases,
    detail: z.object({
      ...envelope,
      ...caseRef,
      departmentId: z.string(),
      score: z.int().check(z.gte(1), z.lte(5)),
      lowScore: z.boolean(),
    }),
  },
  // the customer record (functions/customers): which fields changed, never their values
  CustomerCreated: {
    source: sources.customers,
    detail: z.object({ ...envelope, customerId: z.string(), ownerId: z.string(), actorId: z.string() }),
  },
  CustomerProfileChanged: {
    source: sources.customers,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      seq: positiveInt,
      fields: z.array(z.string()),
      actorId: z.string(),
    }),
  },
  // ---- merge (functions/customers): ids and counts only
  /** The duplicate's partition is now the kept customer's; the old id forwards to the kept one. */
  CustomersMerged: {
    source: sources.customers,
    detail: z.object({
      ...envelope,
      keptId: z.string(),
      duplicateId: z.string(),
      movedItems: nonNegativeInt,
      combinedItems: nonNegativeInt,
      repointedMarkers: nonNegativeInt,
    }),
  },
  // ---- call-center requests to dealers (functions/call-center): no details, notes or contact ----
  RequestCreated: {
    source: sources.requests,
    detail: z.object({
      ...envelope,
      ...requestRef,
      kind: z.enum(['test-drive', 'service', 'appraisal', 'information', 'quote']),
      /** The dealer (or, when none serves the customer, the fallback unit) it went to, and the rule that chose it. */
      unitId: z.string(),
      ruleId: z.string(),
      fallback: z.boolean(),
      actorId: z.string(),
      /** The draft quote a quote request made in the same transaction. */
      quoteId: z.optional(z.string()),
    }),
  },
  RequestStatusChanged: {
    source: sources.requests,
    detail: z.object({
      ...envelope,
      ...requestRef,
      unitId: z.string(),
      from: requestStatus,
      to: requestStatus,
      action: z.string(),
      actorId: z.string(),
    }),
  },
  /** A dealer declined the request and the routing rules sent it on to another dealer (open again there). */
  RequestPassedOn: {
    source: sources.requests,
    detail: z.object({
      ...envelope,
      ...requestRef,
      fromUnitId: z.string(),
      unitId: z.string(),
      ruleId: z.string(),
      actorId: z.string(),
    }),
  },
  /** The dealer has let an open request wait past its acceptance target (business hours). */
  RequestAcceptanceOverdue: {
    source: sources.requests,
    detail: z.object({ ...envelope, ...requestRef, unitId: z.string(), acceptBy: z.iso.datetime() }),
  },
  // ---- opportunities (functions/opportunities): ids, stages, amounts and probabilities; never the name
  OpportunityOpened: {
    source: sources.opportunities,
    detail: z.object({
      ...envelope,
      ...opportunityRef,
      ownerId: z.string(),
      stage: opportunityStage,
      amount: minor,
      currency: z.string(),
      /** The lead it was converted from, when it was. */
      leadId: z.optional(z.string()),
    }),
  },
  OpportunityStageChanged: {
    source: sources.opportunities,
    detail: z.object({
      ...envelope,
      ...opportunityRef,
      ownerId: z.string(),
      from: opportunityStage,
      to: opportunityStage,
      amount: minor,
      currency: z.string(),
      probability: z.int().check(z.gte(0), z.lte(100)),
      actorId: z.string(),
      via: z.enum(['api', 'event']),
      /** The accepted quote (or its order) that won it. */
      quoteId: z.optional(z.string()),
    }),
  },
  // ---- campaigns (functions/campaigns): ids and counters only
  /**
   * A campaign run has work for a worker: `materialise` the recipients, or `send` one shard's next
   * batch. `chain` is the shard's (or the run's) turn: a worker acts only on the current one, so one
   * chain of events works each shard and a stale or duplicate event does nothing.
   */
  CampaignBatchReady: {
    source: sources.campaigns,
    detail: z.object({
      ...envelope,
      campaignId: z.string(),
      runId: z.string(),
      phase: z.enum(['materialise', 'send']),
      shard: z.int().check(z.gte(0)),
      chain: z.int().check(z.gte(0)),
    }),
  },
  CampaignRunFinished: {
    source: sources.campaigns,
    detail: z.object({ ...envelope, campaignId: z.string(), runId: z.string(), status: z.enum(['done', 'cancelled']) }),
  },
  // ---- permission marketing (subscriptions): the topic left and how; never the address
  ConsentWithdrawn: {
    source: sources.consents,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      channel,
      /** `all`, or the one topic left. */
      topic: z.string(),
      via: z.enum(['one-click', 'unsubscribe-page', 'preferences', 'sms-reply', 'iys']),
      /** The campaign whose mail carried the link, when it carried one. */
      campaignId: z.optional(z.string()),
    }),
  },
  // ---- activities (functions/activities): ids, kind and a call's outcome; never notes, subjects or addresses
  /** A call, visit, meeting, to-do or note logged by staff, or a mail sent to the customer (`actorId` `system`). */
  ActivityLogged: {
    source: sources.activities,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      activityId: z.string(),
      kind: z.enum(['call', 'visit', 'meeting', 'todo', 'note', 'email', 'sms']),
      outcome: z.optional(
        z.enum([
          'reached',
          'no-answer',
          'busy',
          'callback-requested',
          'interested',
          'not-interested',
          'sale',
          'complaint',
        ]),
      ),
      actorId: z.string(),
    }),
  },
  /** An open to-do reached its due time: its assignee is reminded by mail. */
  TodoReminderDue: {
    source: sources.activities,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      activityId: z.string(),
      assigneeId: z.string(),
      dueAt: z.iso.datetime(),
    }),
  },
  // ---- analytics (functions/analytics): the nightly A/B/C job, only when a customer's segment changes
  CustomerSegmentChanged: {
    source: sources.analytics,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      /** Absent the first time the customer gets a segment. */
      from: z.optional(z.enum(['A', 'B', 'C'])),
      to: z.enum(['A', 'B', 'C']),
      /** The last 12 months' revenue in TRY minor units the segment was computed from. */
      revenueTry: minor,
      /** The Istanbul date the job ran as of. */
      asOf: z.iso.date(),
    }),
  },
  // ---- loyalty (functions/loyalty): ids, points and amounts; never a coupon code or an address
  /** A member's points reached the threshold and became a reward (a coupon): the member is told once. */
  LoyaltyRewardIssued: {
    source: sources.loyalty,
    detail: z.object({
      ...envelope,
      customerId: z.string(),
      rewardId: z.string(),
      points: positiveInt,
      /** The reward's value in minor units of `currency`. */
      value: minor,
      currency: z.string(),
    }),
  },
  // letter runs (functions/letters)
  /** A letter run's next part is to be printed: by the part printer, once whatever is redelivered. */
  LetterRunPartDue: {
    source: sources.letters,
    detail: z.object({ ...envelope, runId: z.string(), part: positiveInt }),
  },
  // texts and channel preferences (functions/channels)
  /** A text's delivery event from the SMS configuration set (delivered, failed, blocked…), counted once. */
  SmsStatusReported: {
    source: sources.sms,
    detail: z.object({
      ...envelope,
      messageId: z.string(),
      /** The service's `messageStatus`: DELIVERED, FAILED, BLOCKED, TTL_EXPIRED… */
      status: z.string(),
      segments: z.optional(nonNegativeInt),
      /** The campaign whose text it was, when a campaign sent it; its run and the customer texted. */
      campaignId: z.optional(z.string()),
      runId: z.optional(z.string()),
      customerId: z.optional(z.string()),
    }),
  },
  // ---- the ERP (functions/erp): ids, numbers and amounts; never the customer's name or tax number
  InvoicePosted: {
    source: sources.erp,
    detail: z.object({
      ...envelope,
      ...orderRef,
      invoiceNumber: z.string(),
      eInvoiceType: z.enum(['e-fatura', 'e-arsiv']),
      amount: minor,
      currency: z.string(),
    }),
  },
  PaymentPosted: {
    source: sources.erp,
    detail: z.object({
      ...envelope,
      ...orderRef,
      paymentId: z.string(),
      amount: minor,
      currency: z.string(),
      paidOn: z.string(),
    }),
  },
  /** An order's lines checked against the ERP's stock: how many products it reserved and how many to buy in. */
  StockChecked: {
    source: sources.erp,
    detail: z.object({
      ...envelope,
      ...orderRef,
      reserved: nonNegativeInt,
      purchaseRequests: nonNegativeInt,
      /** The tries it took: more than one when the ERP did not answer at first. */
      attempts: positiveInt,
    }),
  },
  /** A product of an order the ERP cannot fill from stock, routed to the purchasing unit with its SLA. */
  PurchaseRequested: {
    source: sources.erp,
    detail: z.object({
      ...envelope,
      ...orderRef,
      purchaseRequestId: z.string(),
      sku: z.string(),
      quantity: positiveInt,
      unitId: z.string(),
      fallback: z.boolean(),
      dueAt: z.iso.datetime(),
    }),
  },
  /** The purchasing unit let a purchase request's SLA pass unanswered. */
  PurchaseRequestOverdue: {
    source: sources.erp,
    detail: z.object({
      ...envelope,
      ...orderRef,
      purchaseRequestId: z.string(),
      unitId: z.string(),
      dueAt: z.iso.datetime(),
    }),
  },
} as const;

export type DetailType = keyof typeof catalogue;
export type EventDetail<T extends DetailType> = z.infer<(typeof catalogue)[T]['detail']>;
/** What a producer supplies: the envelope is filled in by the outbox. */
export type EventFacts<T extends DetailType> = Omit<EventDetail<T>, 'eventId' | 'occurredAt' | 'version'>;

/** The EventBridge event as a consumer receives it. */
export interface CrmEvent<T extends DetailType = DetailType> {
  id: string;
  source: string;
  'detail-type': T;
  time: string;
  detail: EventDetail<T>;
}

export const isDetailType = (value: string): value is DetailType => Object.hasOwn(catalogue, value);
