// What a mail to a quote's owner needs: the quote (still at the event's version), the owner, the customer.
import { getCustomer } from '../../shared/customer.js';
import { getUser } from '../../shared/directory.js';
import { getQuote } from './quote-store.js';
import { customerView } from './templates/quote-view.js';

export const ownerNoticeContext = async (customerId: string, quoteId: string, version: number) => {
  const quote = await getQuote(customerId, quoteId);
  if (!quote || quote.version !== version) return undefined;
  const [owner, customer] = await Promise.all([getUser(quote.ownerId), getCustomer(customerId)]);
  if (!owner) return undefined;
  return { quote, owner, customer: customerView(customer) };
};
