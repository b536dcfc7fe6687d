// The customer record's opportunities, shown as this module shows them, and the open ones in lookups.
// Shown as their use cases show them.

import { recordPart } from '../../shared/record-part.js';
import { opportunity } from './api-schemas.js';
import { isOpen } from './domain/stages.js';
import { opportunitiesKeys } from './keys.js';
import type { Opportunity } from './opportunity-store.js';
import { opportunityView } from './opportunity-view.js';

export const opportunitiesRecordPart = recordPart({
  prefix: opportunitiesKeys.opportunitiesPrefix(),
  type: 'opportunity',
  schema: opportunity,
  summary: (o: Opportunity) => opportunityView(o),
  lookup: { name: 'openOpportunities', keep: (o) => isOpen(o.status) },
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { opportunities: opportunitiesRecordPart };
