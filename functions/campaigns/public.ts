// What other modules may use of campaigns: its segments, read and evaluated (who is in one), and what
// erasing a person does to its items.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

import type { ErasureContribution } from '../../shared/erasure.js';

export { getSegment, type Segment, segmentMembers, segmentPages } from './segments.js';
export { customerVars, ownerNames } from './templates.js';

/**
 * A campaign run's send record of a recipient holds their address and template values, outside their
 * partition: an erasure deletes it. Unsubscribe counts name only the customer id and stay.
 */
export const campaignsErasure: ErasureContribution = { elsewhere: ['campaign-recipient'] };
