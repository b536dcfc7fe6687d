// POST /customers — staff create a customer; a retry with the same Idempotency-Key gets the first
// answer instead of a second customer (who would then find their own e-mail taken).

import type { Ownership, Viewer } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { toE164 } from '../../../shared/contact.js';
import { getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { noSuchUser } from '../../../shared/messages.js';
import { ForbiddenError, ProblemError } from '../../../shared/problems.js';
import { customerViewerOf } from '../customer-access.js';
import { createCustomer } from '../customer-store.js';
import { customerRoutes } from '../manifest.js';

/** The caller, or the user named: only those who reach beyond their own records give customers to others. */
const ownerOf = async (viewer: Viewer, ownerId: string | undefined): Promise<Ownership & { ownerId: string }> => {
  const { actor } = viewer;
  const wanted = ownerId ?? actor.userId;
  if (wanted !== actor.userId && viewer.reach === 'own') {
    throw new ForbiddenError({
      en: 'Only managers may give a customer to someone else.',
      tr: 'Bir müşteriyi başkasına yalnızca yöneticiler verebilir.',
    });
  }
  const user = await getUser(wanted);
  if (!user && wanted !== actor.userId) {
    throw new ProblemError(422, 'unknown-owner', { en: 'There is no such user.', tr: 'Böyle bir kullanıcı yok.' }, [
      { path: 'ownerId', message: noSuchUser },
    ]);
  }
  return { ownerId: wanted, teamId: user?.teamId, unitId: user?.unitId };
};

export const handler = route(customerRoutes.createCustomer, async ({ actor, body, once }) => {
  const viewer = await customerViewerOf(actor);
  const { ownerId, spokenConsent, ...input } = body;
  const owner = await ownerOf(viewer, ownerId);
  // The agent who heard it is the caller of this route, never a field the client sets.
  const spoken = spokenConsent && {
    ...spokenConsent,
    from: toE164(spokenConsent.from)!,
    agentId: actor.userId,
    channels: [...new Set(spokenConsent.channels)],
  };
  const created = await once(body, (record) =>
    createCustomer({ ...input, spokenConsent: spoken }, owner, viewer, clockNow(), record),
  );
  return json(201, created, { location: `/customers/${created.customer.customerId}` });
});
