// Stock as the firm's ERP tells it, and what an order's lines need of it: the part of each product
// the ERP can reserve now, and the shortfall that becomes a purchase request for the purchasing unit,
// due within its own SLA in that unit's working hours. No AWS, no HTTP here.
import { addBusinessMinutes, officeHours, type WorkingHours } from '../../../shared/business-hours.js';

/** One product's stock at the ERP: what it holds, and how much of that is promised already. */
export interface StockLevel {
  productId: string;
  onHand: number;
  reserved?: number;
}

/** What can still be promised: on hand less reserved, never below zero. */
export const availableOf = (level: StockLevel) => Math.max(0, level.onHand - (level.reserved ?? 0));

/** One product of an order as the check decided it (lines of the same product counted together). */
export interface LineStock {
  sku: string;
  quantity: number;
  /** Absent: the ERP keeps no stock of it (a service): nothing to reserve or buy. */
  available?: number;
  /** Reserved for the order at the ERP. */
  reserve: number;
  /** The shortfall to buy in: a purchase request when above zero. */
  purchase: number;
}

/**
 * Per product of the order, in the order the products first appear: reserve what the ERP can
 * promise, purchase the rest. A product the ERP does not know is not stock-kept: neither.
 */
export const stockPlan = (lines: readonly { sku: string; quantity: number }[], levels: readonly StockLevel[]) => {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
  const bySku = new Map(levels.map((level) => [level.productId, level]));
  return [...wanted].map(([sku, quantity]): LineStock => {
    const level = bySku.get(sku);
    if (!level) return { sku, quantity, reserve: 0, purchase: 0 };
    const available = availableOf(level);
    const reserve = Math.min(quantity, available);
    return { sku, quantity, available, reserve, purchase: quantity - reserve };
  });
};

/** The products a purchase request is raised for. */
export const toPurchase = (plan: readonly LineStock[]) => plan.filter((line) => line.purchase > 0);

/** The products reserved at the ERP for the order. */
export const toReserve = (plan: readonly LineStock[]) =>
  plan.filter((line) => line.reserve > 0).map((line) => ({ productId: line.sku, quantity: line.reserve }));

/**
 * A purchase request's own SLA: purchasing answers it (a supplier and a date) within a working day of
 * eight business hours, in its unit's hours (office hours when the unit keeps none), holidays closed.
 */
export const PURCHASE_SLA_MINUTES = 8 * 60;

export const purchaseDueAt = (hours: WorkingHours | undefined, requestedAt: Date) =>
  addBusinessMinutes(requestedAt, PURCHASE_SLA_MINUTES, hours ?? officeHours);

/** How long a stock check waits for the ERP before it asks again, after a try that got no answer. */
export const STOCK_RETRY_MINUTES = 5;

export const nextStockTry = (triedAt: Date) => new Date(triedAt.getTime() + STOCK_RETRY_MINUTES * 60_000);
