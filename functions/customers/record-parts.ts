// The parts of a customer's record: each is the items of one type under one sort-key prefix of the
// customer's partition, shown by a summary. The full record, the per-part pages and the call
// center's lookup are all built from this table, so a use case that keeps items in the customer's
// partition (activities, opportunities, requests) adds its part here.
import { fromItem } from '../../shared/entity.js';
import type { Filter } from '../../shared/query.js';
import * as z from '../../shared/schema.js';
import { type ItemType, keys } from '../../shared/table.js';
import { requestView } from '../call-center/public.js';
import { activeRequestStatuses } from '../call-center/public.js';
import type { CustomerRequest } from '../call-center/public.js';
import { activeStatuses } from '../complaint-escalation/public.js';
import type { Case } from '../complaint-escalation/public.js';
import type { Lead } from '../lead-capture/public.js';
import { opportunity } from '../opportunities/public.js';
import { isOpen } from '../opportunities/public.js';
import type { Opportunity } from '../opportunities/public.js';
import { opportunityView } from '../opportunities/public.js';
import type { Order } from '../order-routing/public.js';
import type { QuoteStatus } from '../quote-approval/public.js';
import type { Quote } from '../quote-approval/public.js';
import type { Activity } from '../activities/public.js';
import type { Contact } from './contact-store.js';

type Item = Record<string, unknown>;

export interface RecordPart<T = never, S extends z.core.$ZodType = z.core.$ZodType> {
  /** Its items' sort keys in the customer partition start with this. */
  prefix: string;
  /** Other items share the prefix (history, versions, notes): only this type is the part's. */
  type: ItemType;
  /** The summary's schema, for the response declarations. */
  schema: S;
  // Method syntax: the table holds parts of different item types side by side.
  summary(value: T): z.output<S>;
  /** Shown by the call center's lookup under this name, newest first, only what `keep` keeps. */
  lookup?: { name: string; keep?(value: T): boolean };
}

const part = <T, S extends z.core.$ZodType>(spec: RecordPart<T, S>) => spec;

const money = z.object({ amount: z.number(), currency: z.string() });

/** Quotes that can still become an order or be revised are open; these cannot. */
const closedQuoteStatuses: readonly QuoteStatus[] = ['accepted', 'declined', 'expired'];

export const recordParts = {
  leads: part({
    prefix: keys.leadsPrefix(),
    type: 'lead',
    schema: z.strictObject({
      leadId: z.string(),
      status: z.string(),
      ownerId: z.optional(z.string()),
      productInterest: z.optional(z.string()),
      source: z.optional(z.string()),
      createdAt: z.string(),
    }),
    summary: (lead: Lead) => ({
      leadId: lead.leadId,
      status: lead.status,
      ownerId: lead.owner?.id,
      productInterest: lead.productInterest,
      source: lead.source,
      createdAt: lead.createdAt,
    }),
    lookup: { name: 'recentLeads' },
  }),
  quotes: part({
    prefix: keys.quotesPrefix(),
    type: 'quote',
    schema: z.strictObject({
      quoteId: z.string(),
      status: z.string(),
      version: z.int(),
      ownerId: z.string(),
      grandTotal: z.optional(money),
      validUntil: z.string(),
      createdAt: z.string(),
    }),
    summary: (quote: Quote) => ({
      quoteId: quote.quoteId,
      status: quote.status,
      version: quote.version,
      ownerId: quote.ownerId,
      grandTotal: quote.totals?.grandTotal,
      validUntil: quote.validUntil,
      createdAt: quote.createdAt,
    }),
    lookup: { name: 'openQuotes', keep: (quote) => !closedQuoteStatuses.includes(quote.status) },
  }),
  orders: part({
    prefix: keys.ordersPrefix(),
    type: 'order',
    schema: z.strictObject({
      orderId: z.string(),
      status: z.string(),
      channel: z.string(),
      quoteId: z.optional(z.string()),
      unitId: z.optional(z.string()),
      grandTotal: z.optional(money),
      createdAt: z.string(),
    }),
    summary: (order: Order) => ({
      orderId: order.orderId,
      status: order.status,
      channel: order.channel,
      quoteId: order.quoteId,
      unitId: order.unitId,
      grandTotal: order.totals?.grandTotal,
      createdAt: order.createdAt,
    }),
    lookup: { name: 'recentOrders' },
  }),
  cases: part({
    prefix: keys.casesPrefix(),
    type: 'case',
    schema: z.strictObject({
      caseId: z.string(),
      caseNumber: z.string(),
      caseType: z.string(),
      category: z.string(),
      priority: z.string(),
      status: z.string(),
      unitId: z.string(),
      createdAt: z.string(),
    }),
    summary: (c: Case) => ({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      caseType: c.caseType,
      category: c.category,
      priority: c.priority,
      status: c.status,
      unitId: c.unit.id,
      createdAt: c.createdAt,
    }),
    lookup: { name: 'openCases', keep: (c) => activeStatuses.includes(c.status) },
  }),
  contacts: part({
    prefix: keys.contactsPrefix(),
    type: 'contact',
    schema: z.strictObject({
      contactId: z.string(),
      name: z.string(),
      role: z.optional(z.string()),
      email: z.optional(z.string()),
      phone: z.optional(z.string()),
      seq: z.int(),
      updatedAt: z.string(),
    }),
    summary: (contact: Contact) => ({
      contactId: contact.contactId,
      name: contact.name,
      role: contact.role,
      email: contact.email,
      phone: contact.phone,
      seq: contact.seq,
      updatedAt: contact.updatedAt,
    }),
    lookup: { name: 'contacts' },
  }),
  // `timeline`, not `activities`: GET /customers/{id}/activities is the activities use case's own list.
  timeline: part({
    prefix: keys.activitiesPrefix(),
    type: 'activity',
    schema: z.strictObject({
      activityId: z.string(),
      kind: z.string(),
      status: z.string(),
      subject: z.optional(z.string()),
      outcome: z.optional(z.string()),
      dueAt: z.optional(z.string()),
      template: z.optional(z.string()),
      occurredAt: z.string(),
      createdBy: z.string(),
    }),
    summary: (a: Activity) => ({
      activityId: a.activityId,
      kind: a.kind,
      status: a.status,
      subject: a.subject,
      outcome: a.kind === 'call' ? a.outcome : undefined,
      dueAt: a.kind === 'todo' ? a.dueAt : undefined,
      template: a.kind === 'email' ? a.template : undefined,
      occurredAt: a.occurredAt,
      createdBy: a.createdBy,
    }),
    lookup: { name: 'lastActivities' },
  }),
  // Shown as their use cases show them.
  opportunities: part({
    prefix: keys.opportunitiesPrefix(),
    type: 'opportunity',
    schema: opportunity,
    summary: (o: Opportunity) => opportunityView(o),
    lookup: { name: 'openOpportunities', keep: (o) => isOpen(o.status) },
  }),
  requests: part({
    prefix: keys.requestsPrefix(),
    type: 'request',
    schema: requestView,
    summary: (r: CustomerRequest) => ({ ...r }),
    lookup: { name: 'openRequests', keep: (r) => activeRequestStatuses.includes(r.status) },
  }),
};

export type PartName = keyof typeof recordParts;
export const partNames = Object.keys(recordParts) as PartName[];

/** Parts as the table lists them, with their item type erased: what the generic code iterates. */
export const partsList = Object.entries(recordParts) as unknown as [PartName, RecordPart<unknown>][];

export const isPartName = (name: string): name is PartName => Object.hasOwn(recordParts, name);

/** A stored item of the part, as its summary. */
export const summarize = (spec: RecordPart<unknown>, item: Item) => spec.summary(fromItem(item));

/** Whether the lookup shows a stored item of the part. */
export const keptByLookup = (spec: RecordPart<unknown>, item: Item) => spec.lookup?.keep?.(fromItem(item)) ?? true;

/** The Query that pages one part, newest first; the record's cursors are cursors of this query. */
export const partQuery = (customerId: string, spec: RecordPart<unknown>) => ({
  partition: keys.customerPartition(customerId),
  range: { prefix: spec.prefix },
  order: 'newest' as const,
  filter: { expression: '#type = :type', names: { '#type': 'type' }, values: { ':type': spec.type } } satisfies Filter,
  consistent: true,
});
