// The ERP routes' request and response schemas: the manifest declares them on the routes, the
// handler gets its requests parsed with them, the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';

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
