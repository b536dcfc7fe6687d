// What other modules may use of quotes: quotes as stored and read, drafting one, recording its
// order, its opportunity or its letter (this module's own writes, for another module's transaction), its
// PDF, reports.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export type { QuoteTotals } from './domain/pricing.js';
export { marginTryOf } from './domain/quote-builder.js';
export { type QuoteSummary, quoteReport } from './domain/reports.js';
export { quoteVisibleTo } from './quote-access.js';
export {
  findQuote,
  getQuote,
  getQuoteHistory,
  type Quote,
  quoteAttachedItems,
  quoteOrderedItems,
  sentInMonths,
} from './quote-store.js';
export { draftQuote, quotePostedItems } from './quotes.js';
export { recordParts } from './record-part.js';
export { issuerName, quotePdf } from './send-quote.js';
export { quoteNumber } from './templates/quote-view.js';
