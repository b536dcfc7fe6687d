// GET/PUT /customers/{customerId}/channel-preference and POST …/link — staff read and set the
// preferred channel, or make the signed link the customer chooses with. A customer the caller may
// not see answers as one that does not exist.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route, routes } from '../../../shared/http.js';
import { channelRoutes } from '../manifest.js';
import { preferenceLink, preferenceView, setPreference } from '../preferences.js';

const LINK_SECONDS = 30 * 24 * 3600;

export const handler = routes([
  route(channelRoutes.getPreference, async ({ actor, params }) => {
    const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
    return json(200, await preferenceView(customer.customerId));
  }),
  route(channelRoutes.setPreference, async ({ actor, params, body }) => {
    const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
    await setPreference(customer.customerId, body.channel, { via: 'staff', setBy: actor.userId }, body.seq);
    return json(200, await preferenceView(customer.customerId));
  }),
  route(channelRoutes.preferenceLink, async ({ actor, params }) => {
    const customer = await customerVisibleTo(await viewerOf(actor), params.customerId);
    const now = clockNow();
    const url = await preferenceLink.url({ customerId: customer.customerId }, { now });
    return json(200, { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() });
  }),
]);
