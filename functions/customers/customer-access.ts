// Who may read customers, and the customer as the API shows them.
import { type Viewer, viewerOf } from '../../shared/access.js';
import { type Customer, customers } from '../../shared/customer.js';
import type { Actor } from '../../shared/http.js';

type Item = Record<string, unknown>;

/**
 * Who may read customers here. Call-center agents answer any caller, so an `agent` reaches every
 * customer (the `customers:read` scope is what limits which agent keys may ask); everyone else has
 * their usual reach.
 */
export const customerViewerOf = async (actor: Actor): Promise<Viewer> =>
  actor.role === 'agent' ? { actor, reach: 'all' } : viewerOf(actor);

const sorted = (set: unknown) => [...((set as Set<string> | undefined) ?? [])].sort();

/**
 * The customer as the API shows them: the profile without its owner sets, and the owner sets apart.
 * `possibleDuplicateOf` names customers the creator may not see, so it is never shown.
 */
export const profileView = (item: Item) => {
  const { ownerIds, teamIds, possibleDuplicateOf: _, ...rest } = item;
  return {
    customer: customers.read(rest) as Customer,
    owners: { ownerIds: sorted(ownerIds), teamIds: sorted(teamIds) },
  };
};
