// A customer's contact people: POST /customers/{customerId}/contacts (once per Idempotency-Key),
// PATCH and DELETE /customers/{customerId}/contacts/{contactId}. One Lambda for the three.

import { isId } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route, routes } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { addContact, editContact, removeContact } from '../contact-store.js';
import { customerViewerOf } from '../customer-access.js';
import { customerRoutes } from '../manifest.js';

/** The ids in the path, or the 404 any id that names nothing gets. */
const idsOf = (params: { customerId: string; contactId?: string }) => {
  if (!isId(params.customerId)) throw new NotFoundError(records.customer);
  if (params.contactId !== undefined && !isId(params.contactId)) throw new NotFoundError(records.contact);
  return { customerId: params.customerId, contactId: params.contactId ?? '' };
};

const add = route(customerRoutes.addContact, async ({ actor, params, body, once }) => {
  const { customerId } = idsOf(params);
  const viewer = await customerViewerOf(actor);
  const contact = await once({ customerId, body }, (record) =>
    addContact(customerId, body, viewer, clockNow(), record),
  );
  return json(201, contact, { location: `/customers/${customerId}/contacts/${contact.contactId}` });
});

const edit = route(customerRoutes.editContact, async ({ actor, params, body }) => {
  const { customerId, contactId } = idsOf(params);
  return json(200, await editContact(customerId, contactId, body, await customerViewerOf(actor), clockNow()));
});

const remove = route(customerRoutes.removeContact, async ({ actor, params }) => {
  const { customerId, contactId } = idsOf(params);
  await removeContact(customerId, contactId, await customerViewerOf(actor));
  return { statusCode: 204, headers: {}, body: '' };
});

export const handler = routes([add, edit, remove]);
