// The customer record's leads part: each lead's summary, and the call center's recent leads.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import { leadCaptureKeys } from './keys.js';

import type { Lead } from './lead-store.js';

export const leadsRecordPart = recordPart({
  prefix: leadCaptureKeys.leadsPrefix(),
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
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { leads: leadsRecordPart };
