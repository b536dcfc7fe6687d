// GET/PUT /customers/{customerId}/postal-address — staff read and set a customer's postal address. A
// customer the caller may not see answers as one that does not exist.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route, routes } from '../../../shared/http.js';
import { getPostalAddress, type StoredAddress, setPostalAddress } from '../addresses.js';
import { letterRoutes } from '../manifest.js';

const view = (customerId: string, stored: StoredAddress | undefined) => {
  if (!stored) return { customerId, address: null, seq: 0 };
  const { customerId: _, seq, updatedAt, ...address } = stored;
  return { customerId, address, seq, updatedAt };
};

export const handler = routes([
  route(letterRoutes.getAddress, async ({ actor, params }) => {
    const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
    return json(200, view(customer.customerId, await getPostalAddress(customer.customerId)));
  }),
  route(letterRoutes.setAddress, async ({ actor, params, body }) => {
    const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
    return json(200, view(customer.customerId, await setPostalAddress(customer.customerId, body.address, body.seq)));
  }),
]);
