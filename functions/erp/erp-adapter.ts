// The ERP adapter: what the CRM asks of the firm's ERP about stock, behind one interface, and the one
// implementation that speaks HTTP to a bridge in front of the ERP (the contract: docs/integrations.md).
// Whatever keeps the ERP from answering (refused, timed out, a 5xx, an answer of the wrong shape) is an
// ErpUnavailableError: the caller waits and asks again, never guesses.
import { config } from '../../shared/config.js';
import * as z from '../../shared/schema.js';
import type { StockLevel } from './domain/stock.js';

export interface Reservation {
  /** The order's id: the same reservation sent again is the one the ERP holds, not a second. */
  reservationId: string;
  lines: { productId: string; quantity: number }[];
}

export interface ErpAdapter {
  /** The stock of these products; a product the ERP keeps no stock of is left out. */
  available(productIds: readonly string[]): Promise<StockLevel[]>;
  /** Reserves an order's lines; idempotent by `reservationId`. */
  reserve(reservation: Reservation): Promise<void>;
}

export class ErpUnavailableError extends Error {
  constructor(reason: string) {
    super(`The ERP did not answer: ${reason}`);
    this.name = 'ErpUnavailableError';
  }
}

const count = z.int().check(z.gte(0));
const stockAnswer = z.object({
  items: z.array(z.object({ productId: z.string(), onHand: count, reserved: z.optional(count) })),
});

/** At most this many products in one stock question: the query string stays short. */
export const MAX_PRODUCTS_PER_CALL = 100;

export const httpErp = (baseUrl: string, timeoutMs: number): ErpAdapter => {
  const call = async (path: string, init: RequestInit = {}) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ErpUnavailableError(
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'no answer',
      );
    }
    if (!response.ok) throw new ErpUnavailableError(`status ${response.status}`);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new ErpUnavailableError('not JSON');
    }
  };
  return {
    async available(productIds) {
      const unique = [...new Set(productIds)];
      const levels: StockLevel[] = [];
      for (let i = 0; i < unique.length; i += MAX_PRODUCTS_PER_CALL) {
        const products = unique
          .slice(i, i + MAX_PRODUCTS_PER_CALL)
          .map(encodeURIComponent)
          .join(',');
        const parsed = stockAnswer.safeParse(await call(`/stock?products=${products}`));
        if (!parsed.success) throw new ErpUnavailableError('a stock answer of another shape');
        levels.push(...parsed.data.items.filter((item) => unique.includes(item.productId)));
      }
      return levels;
    },
    async reserve(reservation) {
      await call('/reservations', { method: 'POST', body: JSON.stringify(reservation) });
    },
  };
};

/** The firm's ERP from the configuration; undefined where none is configured (stock features off). */
export const configuredErp = (): ErpAdapter | undefined => {
  const url = config.erpUrl();
  return url ? httpErp(url, config.erpTimeoutMs()) : undefined;
};
