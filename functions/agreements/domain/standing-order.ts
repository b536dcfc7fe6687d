// A customer's standing order: a monthly schedule of lines placed by itself without an agreement,
// priced at the unit prices it was given or else its price list's. It orders through the same period
// machinery as an agreement's schedule (periodsOf, duePeriods, upcomingPeriods in agreement.ts).
import type { Movable } from '../../../shared/entity.js';
import type { AgreedPrice, Schedule } from './agreement.js';

export const standingOrderStatuses = ['active', 'ended'] as const;
export type StandingOrderStatus = (typeof standingOrderStatuses)[number];

export interface StandingOrder extends Movable {
  standingOrderId: string;
  customerId: string;
  status: StandingOrderStatus;
  currency: string;
  priceListId?: string;
  /** The lines' own unit prices, as agreed prices by product: a line without one takes the list price. */
  prices: AgreedPrice[];
  schedule: Schedule;
  /** The last day it orders on; absent: until it is ended. */
  validUntil?: string;
  ownerId: string;
  teamId?: string;
  createdAt: string;
  updatedAt: string;
}
