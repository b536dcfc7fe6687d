// The ERP routes' request and response schemas: the manifest declares them on the routes, the
// handler gets its requests parsed with them, the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { isoDateSchema } from '../../shared/time.js';
import { purchaseActions, purchaseStatuses } from './domain/purchase-lifecycle.js';

export { invoiceBodySchema as invoiceBody, paymentBodySchema as paymentBody } from './domain/postings.js';

const posted = <S extends z.core.$ZodType>(posting: S) =>
  z.strictObject({
    /** false: the ERP had posted this number before, and nothing changed. */
    recorded: z.boolean(),
    posting,
  });
const stored = { customerId: z.string(), postedAt: z.string() };
export const invoicePosted = posted(
  z.looseObject({ orderId: z.string(), invoiceNumber: z.string(), eInvoiceId: z.string(), ...stored }),
);
export const paymentPosted = posted(z.looseObject({ orderId: z.string(), paymentId: z.string(), ...stored }));

// ---- stock ----
const count = z.int().check(z.gte(0));
/** `answered`: the ERP's figures; `unavailable`: it did not answer (ask again); `off`: no ERP configured. */
const erpState = z.enum(['answered', 'unavailable', 'off']);
const lineStock = z.strictObject({
  sku: z.string(),
  quantity: z.int(),
  /** What the ERP can still promise; absent: it keeps no stock of the product (a service). */
  available: z.optional(count),
  reserve: count,
  purchase: count,
});

/** The product ids of a comma-separated list, each once. */
export const productIdsOf = (list: string) => [...new Set(list.split(',').map((id) => id.trim()))].filter(Boolean);
const MAX_PRODUCTS = 100;
export const stockQuery = z.strictObject({
  /** Product ids (SKUs), comma-separated: the quote builder's lines. */
  products: z.requiredLine(2000).check(
    z.refine((list: string) => productIdsOf(list).length <= MAX_PRODUCTS, {
      ...z.said({ en: `At most ${MAX_PRODUCTS} products.`, tr: `En çok ${MAX_PRODUCTS} ürün.` }),
    }),
  ),
});
export const stockLevels = z.strictObject({
  erp: erpState,
  items: z.array(
    z.strictObject({ productId: z.string(), onHand: count, reserved: z.optional(count), available: count }),
  ),
});

export const quoteParams = z.strictObject({ quoteId: z.string() });
export const quoteStock = z.strictObject({ quoteId: z.string(), erp: erpState, lines: z.array(lineStock) });

export const orderParams = z.strictObject({ orderId: z.string() });
const purchaseRequest = z.looseObject({
  purchaseRequestId: z.string(),
  orderId: z.string(),
  sku: z.string(),
  quantity: z.int(),
  status: z.enum(purchaseStatuses),
  seq: z.int(),
  unitId: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  overdueAt: z.optional(z.string()),
  supplierRef: z.optional(z.string()),
  expectedOn: z.optional(z.string()),
  cancelReason: z.optional(z.string()),
});
export const orderStock = z.strictObject({
  orderId: z.string(),
  /** `pending`: waiting for the ERP (never decided on a guess); `checked`: decided once; `off`: no ERP. */
  stock: z.enum(['off', 'pending', 'checked']),
  attempts: z.optional(count),
  lastTriedAt: z.optional(z.string()),
  lastError: z.optional(z.string()),
  checkedAt: z.optional(z.string()),
  lines: z.optional(z.array(lineStock)),
  /** `none`: nothing to buy in; `open`: purchase requests not all received; `cleared`: all received. */
  shortfall: z.optional(z.enum(['none', 'open', 'cleared'])),
  shortfallClearedAt: z.optional(z.string()),
  purchaseRequests: z.array(purchaseRequest),
});

export const purchaseActionParams = z.strictObject({
  purchaseRequestId: z.string(),
  action: z.enum(purchaseActions),
});
export const purchaseActionBody = z.strictObject({
  /** The seq the caller saw: a move made from a stale screen is refused with where the request is now. */
  seq: z.optional(z.int().check(z.positive())),
  /** order: the supplier's reference for the order placed with them, and the day they expect to deliver. */
  supplierRef: z.optional(z.requiredLine(100)),
  expectedOn: z.optional(isoDateSchema),
  /** cancel: why. */
  reason: z.optional(z.text(1000).check(z.minLength(1, z.required))),
  note: z.optional(z.text(1000)),
});
export const movedPurchaseRequest = z.looseObject({
  purchaseRequestId: z.string(),
  orderId: z.string(),
  status: z.enum(purchaseStatuses),
  seq: z.int(),
  /** A receipt that was the order's last: its shortfall is cleared. */
  shortfallCleared: z.boolean(),
});

export const purchaseRequestsQuery = z.strictObject({ unitId: z.optional(z.requiredLine(100)) });
export const purchaseRequestList = z.strictObject({ unitId: z.string(), items: z.array(purchaseRequest) });
