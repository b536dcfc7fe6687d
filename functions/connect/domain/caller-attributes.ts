// What a contact flow gets back about a caller: a flat map of strings (Amazon Connect takes nothing
// else), small and free of personal data beyond what the agent's screen shows anyway (the customer's
// number and name). Unknown and ambiguous callers get the same keys, so the flow can branch on
// `lookupResult` without checking which attributes exist.

/** What the lookup answers per matching customer, as far as the flow needs it. */
export interface CallerMatch {
  customer: { customerId: string; name: string; segment?: string; preferredDealerId?: string; language?: string };
  openCases?: { items: unknown[]; more: boolean };
  recentOrders?: { items: { status: string }[]; more: boolean };
}

export type LookupResult = 'found' | 'unknown' | 'ambiguous' | 'no-number';

/** The queues a flow routes to, by name: the flow maps each to a Connect queue. */
export const queues = {
  /** Nobody or several: an agent who asks who is calling. */
  general: 'general',
  /** A customer with an open case: customer service. */
  service: 'customer-service',
  /** A customer with an order on its way. */
  orders: 'orders',
  /** An A customer (the top revenue segment). */
  priority: 'priority',
  /** Everyone else known. */
  sales: 'sales',
} as const;

/** Order statuses that are still in progress. */
const openOrderStatuses = ['received', 'routed', 'acknowledged', 'in_progress', 'shipped'];

const count = (n: number, more: boolean) => (more ? `${n}+` : String(n));

export type CallerAttributes = Record<string, string>;

const blank: CallerAttributes = {
  lookupResult: '',
  matchCount: '0',
  customerNumber: '',
  customerName: '',
  segment: '',
  preferredDealer: '',
  language: '',
  openCases: '0',
  openOrders: '0',
  queue: queues.general,
  screenPopUrl: '',
};

/** The attributes for the matches of the caller's number; `consoleUrl` is the staff console's address. */
export const callerAttributes = (
  result: { matches: CallerMatch[] } | 'no-number',
  consoleUrl: string | undefined,
): CallerAttributes => {
  const console = consoleUrl ?? '';
  if (result === 'no-number')
    return { ...blank, lookupResult: 'no-number', screenPopUrl: console && `${console}#/lookup` };
  const { matches } = result;
  if (matches.length !== 1) {
    return {
      ...blank,
      lookupResult: matches.length ? 'ambiguous' : 'unknown',
      matchCount: String(matches.length),
      screenPopUrl: console && `${console}#/lookup`,
    };
  }
  const { customer, openCases, recentOrders } = matches[0]!;
  const cases = openCases?.items.length ?? 0;
  const orders = recentOrders?.items.filter((o) => openOrderStatuses.includes(o.status)).length ?? 0;
  const queue =
    cases > 0 ? queues.service : customer.segment === 'A' ? queues.priority : orders > 0 ? queues.orders : queues.sales;
  return {
    lookupResult: 'found',
    matchCount: '1',
    customerNumber: customer.customerId,
    customerName: customer.name,
    segment: customer.segment ?? '',
    preferredDealer: customer.preferredDealerId ?? '',
    language: customer.language ?? '',
    openCases: count(cases, openCases?.more ?? false),
    // Recent orders are capped: more of them may be open than the count shows.
    openOrders: count(orders, recentOrders?.more ?? false),
    queue,
    screenPopUrl: console && `${console}#/customers/${customer.customerId}`,
  };
};
