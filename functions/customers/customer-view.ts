// A customer's story from ONE Query of their partition (profile, leads, consents, quotes, orders),
// grouped by item type: what the call center's lookup and the full record both answer.
import { type Viewer, viewerOf } from '../../shared/access.js';
import type { ConsentEntry } from '../../shared/consent.js';
import { type Customer, customerItemVisibleTo, customers } from '../../shared/customer.js';
import { fromItem } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';
import type { Lead } from '../lead-capture/lead-store.js';
import type { Order } from '../order-routing/order-store.js';
import type { QuoteStatus } from '../quote-approval/domain/lifecycle.js';
import type { Quote } from '../quote-approval/quote-store.js';

/** Items read from one partition at most: beyond this a part says `more` even if its cap is not reached. */
export const PARTITION_MAX = 1000;

/** Quotes that can still become an order or be revised are open; these cannot. */
const closedQuoteStatuses: readonly QuoteStatus[] = ['accepted', 'declined', 'expired'];

/**
 * Who may read customers here. Call-center agents answer any caller, so an `agent` reaches every
 * customer (the `customers:read` scope is what limits which agent keys may ask); everyone else has
 * their usual reach.
 */
export const customerViewerOf = async (actor: Actor): Promise<Viewer> =>
  actor.role === 'agent' ? { actor, reach: 'all' } : viewerOf(actor);

type Item = Record<string, unknown>;

export interface CustomerPartition {
  customer: Customer;
  owners: { ownerIds: string[]; teamIds: string[] };
  consents: ConsentEntry[];
  leads: Lead[];
  quotes: Quote[];
  orders: Order[];
  /** The partition held more than PARTITION_MAX items: every part may be missing some. */
  truncated: boolean;
  /** Asked for by an id that was merged into this customer (see functions/customers/merge.ts). */
  mergedFrom?: string;
}

const sorted = (set: unknown) => [...((set as Set<string> | undefined) ?? [])].sort();
const newestFirst = <T extends { createdAt: string }>(list: T[]) => list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/**
 * The customer's partition, if it exists and the viewer reaches it; otherwise undefined, the same
 * for a customer who does not exist and one the viewer may not see.
 */
export const readCustomerPartition = async (viewer: Viewer, customerId: string): Promise<CustomerPartition | undefined> => {
  const items = await queryAll({ partition: keys.customerPartition(customerId), consistent: true }, PARTITION_MAX + 1);
  const byType = new Map<string, Item[]>();
  for (const item of items.slice(0, PARTITION_MAX)) {
    const type = String(item.type);
    const list = byType.get(type) ?? [];
    list.push(item);
    byType.set(type, list);
  }
  const profile = byType.get('customer')?.[0];
  // A merged customer's id answers with the customer it was merged into.
  const forward = byType.get('customer-forward')?.[0];
  if (!profile && forward) {
    const kept = await readCustomerPartition(viewer, String(forward.mergedInto));
    return kept && { ...kept, mergedFrom: kept.mergedFrom ?? customerId };
  }
  if (!profile || !customerItemVisibleTo(viewer, profile)) return undefined;
  const { ownerIds, teamIds, ...rest } = profile;
  const of = <T>(type: string) => (byType.get(type) ?? []).map((item) => fromItem<T>(item));
  return {
    customer: customers.read(rest),
    owners: { ownerIds: sorted(ownerIds), teamIds: sorted(teamIds) },
    consents: of<ConsentEntry>('consent'),
    leads: newestFirst(of<Lead>('lead')),
    quotes: newestFirst(of<Quote>('quote')),
    orders: newestFirst(of<Order>('order')),
    truncated: items.length > PARTITION_MAX,
  };
};

/**
 * Where each address stands per channel and topic: its newest grant or withdrawal, or a pending
 * request when it has had neither (a request after a grant leaves the grant standing).
 */
export const consentStates = (entries: ConsentEntry[]) => {
  const states = new Map<string, ConsentEntry>();
  for (const entry of [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))) {
    const key = `${entry.channel} ${entry.address} ${entry.topic}`;
    const known = states.get(key);
    if (!known || (known.action === 'requested' && entry.action !== 'requested')) states.set(key, entry);
  }
  return [...states.values()].map((e) => ({ channel: e.channel, address: e.address, topic: e.topic, state: e.action, via: e.via, at: e.occurredAt }));
};

export const leadSummary = (lead: Lead) => ({
  leadId: lead.leadId,
  status: lead.status,
  ownerId: lead.owner?.id,
  productInterest: lead.productInterest,
  source: lead.source,
  createdAt: lead.createdAt,
});

export const quoteSummary = (quote: Quote) => ({
  quoteId: quote.quoteId,
  status: quote.status,
  version: quote.version,
  ownerId: quote.ownerId,
  grandTotal: quote.totals?.grandTotal,
  validUntil: quote.validUntil,
  createdAt: quote.createdAt,
});

export const orderSummary = (order: Order) => ({
  orderId: order.orderId,
  status: order.status,
  channel: order.channel,
  quoteId: order.quoteId,
  unitId: order.unitId,
  grandTotal: order.totals?.grandTotal,
  createdAt: order.createdAt,
});

export const isOpenQuote = (quote: Quote) => !closedQuoteStatuses.includes(quote.status);

/** The first `cap` (newest first), and whether there are more. */
export const capped = <T, S>(list: T[], cap: number, truncated: boolean, summary: (item: T) => S) => ({
  items: list.slice(0, cap).map(summary),
  more: list.length > cap || truncated,
});

/** What both views show about the customer themselves. */
export const profileParts = (partition: CustomerPartition) => ({
  customer: partition.customer,
  owners: partition.owners,
  consents: consentStates(partition.consents),
});
