// GET /agreement-links/accept?token= shows the customer the agreement and the form; POST accepts it
// under the name typed, keeping when, the address and the browser as evidence. Used, expired, replaced
// or tampered links get a clear page and change nothing.

import type { HttpEvent } from '../../../shared/http.js';
import { clientIp, header, route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { agreements } from '../agreement-store.js';
import { acceptAgreement } from '../agreements.js';
import { agreementsKeys } from '../keys.js';
import { acceptLink } from '../links.js';
import { agreementRoutes } from '../manifest.js';
import { acceptOutcomePage, acceptPage } from '../templates/accept-page.js';

const accept = async (token: string, posted: { name?: string } | undefined, event: HttpEvent) => {
  const link = await acceptLink.read(token);
  if (!link.ok) return acceptOutcomePage(defaultLanguage, link.reason);
  const { customerId, agreementId, seq } = link.claims;
  const a = await agreements.get(agreementsKeys.agreement(customerId, agreementId));
  if (!a) return acceptOutcomePage(defaultLanguage, 'invalid');
  if (a.status === 'accepted' || a.status === 'expired') return acceptOutcomePage(a.language, 'answered');
  if (a.status !== 'sent' || a.seq !== seq) return acceptOutcomePage(a.language, 'closed');
  if (!posted) return acceptPage(a, token);
  const name = (posted.name ?? '').trim().slice(0, 200);
  if (!name) return acceptPage(a, token, true);
  const evidence = {
    name,
    ip: clientIp(event),
    userAgent: (header(event, 'user-agent') ?? 'unknown').slice(0, 500),
    linkId: link.jti,
  };
  return acceptOutcomePage(a.language, (await acceptAgreement(a, seq, evidence)) ? 'accepted' : 'closed');
};

export const handler = routes([
  route(agreementRoutes.acceptLinkPage, async ({ query }, event) => accept(query.token ?? '', undefined, event)),
  route(agreementRoutes.acceptLinkAct, async ({ body }, event) =>
    accept(body.token ?? '', { name: typeof body.name === 'string' ? body.name : undefined }, event),
  ),
]);
