// GET /inbox?number= — the signed-in person's unit's active requests, orders, cases and purchase
// requests, most urgent first. Only people of a unit have one: for anyone else there is no inbox (404), as for a record
// they may not see. `number` narrows it to the items whose number ends with what was typed.

import { viewerOf } from '../../../shared/access.js';
import { officeHours } from '../../../shared/business-hours.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { unitRequests } from '../../call-center/public.js';
import { unitCases } from '../../complaint-escalation/public.js';
import { activePurchaseRequests, purchaseLifecycle } from '../../erp/public.js';
import { loadUnits, orderMoves, orderNumber, ordersIn } from '../../order-routing/public.js';
import type { InboxItem } from '../api-schemas.js';
import { byUrgency, minutesUntil } from '../domain/urgency.js';
import { inboxRoutes } from '../manifest.js';

/** The most of each kind one inbox holds: a unit with more works from the module's own list. */
const MAX_EACH = 500;
/** The orders a unit still has work on: acknowledge, start, ship, deliver. */
const unitOrderStatuses = ['routed', 'acknowledged', 'in_progress', 'shipped'] as const;

export const handler = route(inboxRoutes.getInbox, async ({ actor, query }) => {
  const viewer = await viewerOf(actor);
  if (viewer.reach !== 'unit' || !viewer.unitId) throw new NotFoundError({ en: 'Your unit', tr: 'Biriminiz' });
  const { unitId } = viewer;
  const now = clockNow();
  const [units, requests, orders, cases, purchases] = await Promise.all([
    loadUnits([unitId]),
    unitRequests(unitId, actor.role, MAX_EACH),
    ordersIn(unitOrderStatuses, { unitId }, MAX_EACH),
    unitCases(unitId, actor.role, now, MAX_EACH),
    activePurchaseRequests(unitId, MAX_EACH),
  ]);
  const hours = units.get(unitId)?.hours ?? officeHours;
  const clock = (dueAt: string | undefined) =>
    dueAt ? { dueAt, minutesLeft: minutesUntil(now, new Date(dueAt), hours) } : {};
  const items: InboxItem[] = [
    ...requests.map(
      ({ request: r, customerName, dueAt, allowedMoves }): InboxItem => ({
        kind: 'request',
        id: r.requestId,
        number: recordNumber('request', r.requestId),
        customerId: r.customerId,
        customerName,
        status: r.status,
        seq: r.seq,
        subject: r.kind,
        createdAt: r.createdAt,
        ...clock(dueAt),
        allowedMoves,
      }),
    ),
    ...orders.map(
      (o): InboxItem => ({
        kind: 'order',
        id: o.orderId,
        number: orderNumber(o),
        customerId: o.customerId,
        customerName: o.contact?.company ?? o.contact?.name,
        status: o.status,
        seq: o.seq,
        subject: o.category,
        createdAt: o.createdAt,
        ...clock(o.status === 'routed' ? o.routing?.ackDueAt : undefined),
        allowedMoves: orderMoves(o.status, actor.role),
      }),
    ),
    ...cases.map(
      ({ case: c, dueAt, minutesLeft, allowedMoves }): InboxItem => ({
        kind: 'case',
        id: c.caseId,
        number: c.caseNumber,
        customerId: c.customerId,
        customerName: c.contact?.name,
        status: c.status,
        seq: c.seq,
        subject: c.subject,
        createdAt: c.createdAt,
        ...(dueAt ? { dueAt } : {}),
        ...(minutesLeft !== undefined ? { minutesLeft } : {}),
        allowedMoves,
      }),
    ),
    ...purchases.map(
      (p): InboxItem => ({
        kind: 'purchase',
        id: p.purchaseRequestId,
        // It has no number of its own: its order's, so the order's number finds it.
        number: recordNumber('order', p.orderId),
        customerId: p.customerId,
        status: p.status,
        seq: p.seq,
        subject: `${p.sku} × ${p.quantity}`,
        ...(p.supplierRef ? { supplierRef: p.supplierRef } : {}),
        ...(p.expectedOn ? { expectedOn: p.expectedOn } : {}),
        createdAt: p.requestedAt,
        // Its SLA runs only while it is open: ordered, it waits on the supplier's date.
        ...clock(p.status === 'open' ? p.dueAt : undefined),
        allowedMoves: purchaseLifecycle.movesFor(p.status, actor.role),
      }),
    ),
  ];
  const typed = query.number?.trim().toUpperCase();
  const shown = typed ? items.filter((item) => item.number.toUpperCase().endsWith(typed)) : items;
  const truncated = [requests, orders, cases, purchases].some((share) => share.length >= MAX_EACH);
  return json(200, { unitId, items: byUrgency(shown), truncated });
});
