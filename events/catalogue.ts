// The event catalogue: one schema per detail-type. Events are thin: ids, types and non-personal
// facts only, never names, addresses or phone numbers; a consumer that needs them reads the table.
// A breaking change to a detail bumps `version` and keeps the old schema until no producer uses it.
import { z } from 'zod';

export const sources = {
  leads: 'crm.leads',
  consents: 'crm.consents',
} as const;

const envelope = {
  eventId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  version: z.literal(1),
};

const leadStatus = z.enum(['new', 'contacted', 'qualified', 'converted', 'disqualified']);
const channel = z.enum(['email', 'sms', 'phone']);

export const catalogue = {
  LeadCaptured: {
    source: sources.leads,
    detail: z.object({
      ...envelope,
      leadId: z.string(),
      customerId: z.string(),
      newCustomer: z.boolean(),
      language: z.enum(['tr', 'en']),
      formSource: z.string().optional(),
      productInterest: z.string().optional(),
      region: z.string().optional(),
      sector: z.string().optional(),
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
      teamId: z.string().optional(),
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
    detail: z.object({ ...envelope, leadId: z.string(), customerId: z.string(), noteId: z.string(), actorId: z.string() }),
  },
  ConsentRequested: {
    source: sources.consents,
    detail: z.object({ ...envelope, customerId: z.string(), requestId: z.string(), channel }),
  },
  ConsentGranted: {
    source: sources.consents,
    detail: z.object({ ...envelope, customerId: z.string(), channel, via: z.enum(['double-opt-in', 'form', 'staff']) }),
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
