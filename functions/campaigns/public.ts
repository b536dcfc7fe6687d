// What other modules may use of campaigns: what erasing a person does to its items.
import './problems.js';

import type { ErasureContribution } from '../../shared/erasure.js';

/**
 * A campaign run's send record of a recipient holds their address and template values, outside their
 * partition: an erasure deletes it. Unsubscribe counts name only the customer id and stay.
 */
export const campaignsErasure: ErasureContribution = { elsewhere: ['campaign-recipient'] };
