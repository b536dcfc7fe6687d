// Who sees which request. A dealer's people (reach `unit`) see only the requests sent to their
// dealer — not another dealer's request for a customer both dealers serve. Everyone else sees the
// requests they recorded, those of customers they see, or all of them with reach `all`; call-center
// agents reach every customer, as the caller lookup does. A request one may not see is a 404.
import { canSee, isId, type Viewer } from '../../shared/access.js';
import { type Customer, customerItemVisibleTo, customers, profileItem } from '../../shared/customer.js';
import { records } from '../../shared/messages.js';
import { NotFoundError } from '../../shared/problems.js';
import { type CustomerRequest, findRequest } from './request-store.js';

export { customerViewerOf as requestViewerOf } from '../customers/public.js';

/** A stored profile with the owner sets the access rule and the draft quote's owner read. */
export type OwnedCustomer = Customer & { ownerIds?: Set<string>; teamIds?: Set<string> };

const visibleCustomer = async (viewer: Viewer, customerId: string): Promise<OwnedCustomer | undefined> => {
  // A merged customer's id finds the kept customer: the request is recorded in their partition.
  const profile = isId(customerId) ? await profileItem(customerId) : undefined;
  return profile && customerItemVisibleTo(viewer, profile) ? (customers.read(profile) as OwnedCustomer) : undefined;
};

/** The customer a request is recorded for, if the viewer sees them; otherwise the same 404 as a wrong id. */
export const customerFor = async (viewer: Viewer, customerId: string): Promise<OwnedCustomer> => {
  const found = await visibleCustomer(viewer, customerId);
  if (!found) throw new NotFoundError(records.customer);
  return found;
};

export const requestVisibleTo = async (viewer: Viewer, requestId: string): Promise<CustomerRequest> => {
  const found = isId(requestId) ? await findRequest(requestId) : undefined;
  const visible =
    found !== undefined &&
    (viewer.reach === 'unit'
      ? found.unitId === viewer.unitId
      : canSee(viewer, { ownerId: found.createdBy, unitId: found.unitId }) ||
        (await visibleCustomer(viewer, found.customerId)) !== undefined);
  if (!visible) throw new NotFoundError(records.request);
  return found;
};

/** Which requests a viewer lists: a dealer its own, reach `all` every one, anyone else those they recorded. */
export const requestListScope = (viewer: Viewer) => {
  if (viewer.reach === 'all') return {};
  if (viewer.reach === 'unit') return { unitId: viewer.unitId };
  return { createdBy: viewer.actor.userId };
};
