// The order lifecycle as one table of moves. Anything not in the table is a 409 naming what is
// allowed: a unit shipping an order it never acknowledged, a second acknowledgement, a late cancel.
import type { Role } from '../../../shared/http.js';
import { defineLifecycle } from '../../../shared/lifecycle.js';

export const orderStatuses = [
  'received',
  'routed',
  'acknowledged',
  'in_progress',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Orders a unit is working on: what its capacity counts. */
export const openStatuses = ['routed', 'acknowledged', 'in_progress'] as const satisfies readonly OrderStatus[];

export const orderLifecycle = defineLifecycle({
  name: 'order',
  states: orderStatuses,
  actions: {
    route: { from: ['received'], to: 'routed' },
    /** The unit missed its acknowledgement SLA: the sweep sends the order on. */
    reroute: { from: ['routed'], to: 'routed' },
    acknowledge: { from: ['routed'], to: 'acknowledged' },
    start: { from: ['acknowledged'], to: 'in_progress' },
    ship: { from: ['acknowledged', 'in_progress'], to: 'shipped' },
    deliver: { from: ['shipped'], to: 'delivered' },
    cancel: {
      from: ['received', 'routed', 'acknowledged', 'in_progress'],
      to: 'cancelled',
      roles: ['manager', 'director', 'admin', 'rep', 'agent'],
    },
    return: { from: ['delivered'], to: 'returned' },
  },
  tr: {
    record: 'sipariş',
    states: {
      received: 'Alındı',
      routed: 'Yönlendirildi',
      acknowledged: 'Teslim alındı',
      in_progress: 'Hazırlanıyor',
      shipped: 'Sevk edildi',
      delivered: 'Teslim edildi',
      cancelled: 'İptal edildi',
      returned: 'İade edildi',
    },
    actions: {
      route: 'yönlendirme',
      reroute: 'yeniden yönlendirme',
      acknowledge: 'teslim alma',
      start: 'hazırlamaya başlama',
      ship: 'sevk',
      deliver: 'teslim',
      cancel: 'iptal',
      return: 'iade',
    },
  },
});
export type OrderAction = keyof typeof orderLifecycle.actions;

/** The statuses a caller may ask for through the API; routing is the system's. */
export const requestableStatuses = [
  'acknowledged',
  'in_progress',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
] as const;

/** The moves a role may ask for through the API on an order in `status` (routing is the system's). */
export const orderMoves = (status: OrderStatus, role: Role) =>
  orderLifecycle.movesFor(status, role).filter((move) => (requestableStatuses as readonly string[]).includes(move.to));
