// The customer record's quotes part: each quote's summary, and the call center's open quotes.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import type { QuoteStatus } from './domain/lifecycle.js';
import { quoteApprovalKeys } from './keys.js';
import type { Quote } from './quote-store.js';

const money = z.object({ amount: z.number(), currency: z.string() });

/** Quotes that can still become an order or be revised are open; these cannot. */
const closedQuoteStatuses: readonly QuoteStatus[] = ['accepted', 'declined', 'expired'];

export const quotesRecordPart = recordPart({
  prefix: quoteApprovalKeys.quotesPrefix(),
  type: 'quote',
  schema: z.strictObject({
    quoteId: z.string(),
    status: z.string(),
    version: z.int(),
    ownerId: z.string(),
    grandTotal: z.optional(money),
    validUntil: z.string(),
    createdAt: z.string(),
  }),
  summary: (quote: Quote) => ({
    quoteId: quote.quoteId,
    status: quote.status,
    version: quote.version,
    ownerId: quote.ownerId,
    grandTotal: quote.totals?.grandTotal,
    validUntil: quote.validUntil,
    createdAt: quote.createdAt,
  }),
  lookup: { name: 'openQuotes', keep: (quote) => !closedQuoteStatuses.includes(quote.status) },
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { quotes: quotesRecordPart };
