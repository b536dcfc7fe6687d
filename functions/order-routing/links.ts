// The acknowledge link in a unit's order mail: one order, one unit, one routing step. Single use by
// its move: acknowledging is conditional on the order still being routed to that unit at that step,
// so once acknowledged, re-routed or cancelled, the same link changes nothing.
import { defineLink } from '../../shared/links.js';
import * as z from '../../shared/schema.js';

export const ACK_LINK_HOURS = 7 * 24;

export const ackLink = defineLink({
  purpose: 'order-acknowledge',
  path: '/order-links/acknowledge',
  claims: z.object({
    customerId: z.string(),
    orderId: z.string(),
    unitId: z.string(),
    step: z.int().check(z.positive()),
  }),
  ttlSeconds: ACK_LINK_HOURS * 3600,
  singleUse: { by: 'move', guard: 'acknowledging is conditional on the order being routed to this unit at this step' },
});
