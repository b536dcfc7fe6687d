// The customer record's cases part: each case's summary, and the call center's open cases.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import type { Case } from './case-store.js';
import { activeStatuses } from './domain/case-lifecycle.js';
import { complaintEscalationKeys } from './keys.js';

export const casesRecordPart = recordPart({
  prefix: complaintEscalationKeys.casesPrefix(),
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
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { cases: casesRecordPart };
