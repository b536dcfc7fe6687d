// GET /numbers/{number} — the record a number stands for, as the console's search box asks: its kind
// and id. Each kind asks its own module's access rule, with the scope reading that kind takes; a
// number the caller may not see answers the same 404 as one nobody holds, so a number reveals nothing.

import { viewerOf } from '../../../shared/access.js';
import { type Actor, json, route } from '../../../shared/http.js';
import type { Scope } from '../../../shared/manifest.js';
import { ProblemError } from '../../../shared/problems.js';
import {
  type NumberedKind,
  type NumberHolder,
  numberHolders,
  parseNumber,
  recordNumber,
} from '../../../shared/record-numbers.js';
import { agreementVisibleTo } from '../../agreements/public.js';
import { requestViewerOf, requestVisibleTo } from '../../call-center/public.js';
import { customerViewerOf, visibleProfile } from '../../customers/public.js';
import { leadVisibleTo } from '../../lead-capture/public.js';
import { orderVisibleTo } from '../../order-routing/public.js';
import { quoteVisibleTo } from '../../quote-approval/public.js';
import { lookupRoutes } from '../manifest.js';

/** What reading each kind takes: the scope, and the owning module's rule (it throws 404 when unseen). */
const readers: Record<NumberedKind, { scope: Scope; see: (actor: Actor, holder: NumberHolder) => Promise<unknown> }> = {
  quote: { scope: 'quotes:read', see: async (actor, h) => quoteVisibleTo(await viewerOf(actor), h.id) },
  order: { scope: 'orders:read', see: async (actor, h) => orderVisibleTo(await viewerOf(actor), h.id) },
  request: { scope: 'requests:read', see: async (actor, h) => requestVisibleTo(await requestViewerOf(actor), h.id) },
  lead: { scope: 'leads:read', see: async (actor, h) => leadVisibleTo(await viewerOf(actor), h.id) },
  customer: { scope: 'customers:read', see: async (actor, h) => visibleProfile(await customerViewerOf(actor), h.id) },
  agreement: { scope: 'quotes:read', see: async (actor, h) => agreementVisibleTo(await viewerOf(actor), h.id) },
};

const mayRead = (actor: Actor, kind: NumberedKind) =>
  actor.scopes.includes(readers[kind].scope) || actor.scopes.includes('admin');

/** Seen by the caller: false for a record their module's rule hides (its 404), any other error thrown. */
const seen = async (actor: Actor, holder: NumberHolder) => {
  try {
    await readers[holder.kind].see(actor, holder);
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return false;
    throw error;
  }
};

const notFound = (number: string) =>
  new ProblemError(
    404,
    'not-found',
    { en: `No record you may see has the number ${number}.`, tr: `${number} numaralı, görebileceğiniz bir kayıt yok.` },
    [{ path: 'number', message: { en: 'No record has it.', tr: 'Bu numarayla kayıt yok.' } }],
  );

export const handler = route(lookupRoutes.findNumber, async ({ actor, params }) => {
  const typed = params.number.trim().slice(0, 40);
  const parsed = parseNumber(typed);
  if (!parsed || !mayRead(actor, parsed.kind)) throw notFound(typed);
  for (const holder of await numberHolders(parsed.kind, parsed.suffix)) {
    if (await seen(actor, holder)) {
      return json(200, {
        kind: holder.kind,
        id: holder.id,
        number: recordNumber(holder.kind, holder.id),
        customerId: holder.customerId,
      });
    }
  }
  throw notFound(typed);
});
