// The events lead capture publishes (see events/event.ts for what an event may carry).
import { defineEvents, envelope } from '../../events/event.js';
import { languages } from '../../shared/language.js';
import * as z from '../../shared/schema.js';

const leadStatus = z.enum(['new', 'contacted', 'qualified', 'converted', 'disqualified']);

export const events = defineEvents('crm.leads', {
  LeadCaptured: z.object({
    ...envelope,
    leadId: z.string(),
    customerId: z.string(),
    newCustomer: z.boolean(),
    language: z.enum(languages),
    // No form fields: free text can hold anything a person typed, a phone number included.
  }),
  LeadAssigned: z.object({
    ...envelope,
    leadId: z.string(),
    customerId: z.string(),
    ownerType: z.enum(['user', 'dealer', 'queue']),
    ownerId: z.string(),
    teamId: z.optional(z.string()),
    ruleId: z.string(),
  }),
  LeadStatusChanged: z.object({
    ...envelope,
    leadId: z.string(),
    customerId: z.string(),
    from: leadStatus,
    to: leadStatus,
    actorId: z.string(),
  }),
  LeadNoteAdded: z.object({
    ...envelope,
    leadId: z.string(),
    customerId: z.string(),
    noteId: z.string(),
    actorId: z.string(),
  }),
});
