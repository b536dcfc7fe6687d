// A customer's story from ONE Query of their partition (profile, consents, and every part of the
// record in recordParts), grouped by item type: what the call center's lookup and the full record
// both answer. A partition larger than one read gets the parts the read did not finish from their
// own queries.
import type { Viewer } from '../../shared/access.js';
import { type ConsentEntry, consentStates } from '../../shared/consent.js';
import {
  type ContactKeys,
  type Customer,
  customerItemVisibleTo,
  holdersOf,
  profileItem,
} from '../../shared/customer.js';
import { fromItem } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { cursorAfter, queryAll, queryPage } from '../../shared/query.js';
import { keptByLookup, partQuery, type RecordPart, summarize } from '../../shared/record-part.js';
import { keys, tableKeyOf } from '../../shared/table.js';
import { profileView } from '../customers/public.js';
import { logReads } from './read-log.js';
import { type PartName, partsList } from './record-parts.js';

/** Items read from one partition at most: a part the read did not finish is read by its own query. */
export const PARTITION_MAX = 1000;

type Item = Record<string, unknown>;

export interface CustomerPartition {
  customerId: string;
  customer: Customer;
  owners: { ownerIds: string[]; teamIds: string[] };
  /** Every item read, newest (highest sort key) first. */
  items: Item[];
  /** Whether the read holds every item under a sort-key prefix. */
  holdsAll: (prefix: string) => boolean;
  /** Asked for by an id that was merged into this customer (a merge). */
  mergedFrom?: string;
}

/**
 * The customer's partition, if it exists and the viewer reaches it; otherwise undefined, the same
 * for a customer who does not exist and one the viewer may not see.
 */
export const readCustomerPartition = async (
  viewer: Viewer,
  customerId: string,
): Promise<CustomerPartition | undefined> => {
  const read = await queryAll({ partition: keys.customerPartition(customerId), consistent: true }, PARTITION_MAX + 1);
  const truncated = read.length > PARTITION_MAX;
  const items = read.slice(0, PARTITION_MAX);
  // Read newest (highest sort key) first: a prefix is whole once the read went below it.
  const last = items.at(-1);
  const lowest = last ? tableKeyOf(last).sk : '';
  const holdsAll = (prefix: string) => !truncated || lowest < prefix;
  const profile =
    items.find((item) => item.type === 'customer' || item.type === 'customer-forward') ??
    (holdsAll(keys.customer(customerId).sk) ? undefined : await profileItem(customerId));
  // A merged customer's id answers with the customer it was merged into (its forwarding record, or
  // the kept profile the read of a forwarded id returns).
  const keptId =
    profile?.type === 'customer-forward'
      ? String(profile.mergedInto)
      : profile && profile.customerId !== customerId
        ? String(profile.customerId)
        : undefined;
  if (keptId) {
    const kept = await readCustomerPartition(viewer, keptId);
    return kept && { ...kept, mergedFrom: kept.mergedFrom ?? customerId };
  }
  if (!profile || !customerItemVisibleTo(viewer, profile)) return undefined;
  return { customerId, ...profileView(profile as Item), items, holdsAll };
};

/** The consent ledger's entries (the read's, or their own query's when the read stopped short of them). */
export const consentEntries = async (partition: CustomerPartition): Promise<ConsentEntry[]> => {
  const prefix = keys.consentEntriesPrefix();
  const items = partition.holdsAll(prefix)
    ? partition.items.filter((item) => item.type === 'consent')
    : await queryAll({ partition: keys.customerPartition(partition.customerId), range: { prefix }, consistent: true });
  return items.map((item) => fromItem<ConsentEntry>(item));
};

/** What both views show about the customer themselves. */
export const profileParts = async (partition: CustomerPartition) => ({
  customer: partition.customer,
  owners: partition.owners,
  consents: consentStates(await consentEntries(partition)),
});

const itemsOf = (partition: CustomerPartition, spec: RecordPart<unknown>) =>
  partition.items.filter((item) => item.type === spec.type);

/** One page of a part, newest first, with the cursor of the part's own query for the next. */
export const partPage = async (customerId: string, spec: RecordPart<unknown>, limit: number, cursor?: string) => {
  const page = await queryPage({ ...partQuery(customerId, spec), limit, cursor });
  return { items: page.items.map((item) => summarize(spec, item)), nextCursor: page.next };
};

/** Every part's first page: cut from the read when it holds the whole part, else from the part's query. */
export const firstPages = async (partition: CustomerPartition, limit: number) =>
  Object.fromEntries(
    await Promise.all(
      partsList.map(async ([name, spec]): Promise<[PartName, Awaited<ReturnType<typeof partPage>>]> => {
        if (!partition.holdsAll(spec.prefix)) return [name, await partPage(partition.customerId, spec, limit)];
        const all = itemsOf(partition, spec);
        const shown = all.slice(0, limit);
        const nextCursor =
          all.length > limit ? cursorAfter(partQuery(partition.customerId, spec), shown.at(-1)) : undefined;
        return [name, { items: shown.map((item) => summarize(spec, item)), nextCursor }];
      }),
    ),
  );

/** The call center's lists: each part the table shows in lookups, the first `cap` it keeps, and whether there are more. */
export const lookupParts = (partition: CustomerPartition, cap: number) =>
  Object.fromEntries(
    partsList
      .filter(([, spec]) => spec.lookup)
      .map(([, spec]) => {
        const kept = itemsOf(partition, spec).filter((item) => keptByLookup(spec, item));
        const items = kept.slice(0, cap).map((item) => summarize(spec, item));
        return [spec.lookup!.name, { items, more: kept.length > cap || !partition.holdsAll(spec.prefix) }];
      }),
  );

/**
 * Every customer holding the phone or e-mail that the viewer may see, each with how it matched (as
 * the customer's own detail, as which contact people's) and the lookup's lists: ONE Query of the
 * detail's partition, then one of each customer's. `alongside` (given the holders' ids) runs beside
 * those reads and is awaited before anything is returned: a rejection rejects the lookup.
 */
export const lookupMatches = async (
  viewer: Viewer,
  detail: ContactKeys,
  cap: number,
  alongside?: (customerIds: string[]) => Promise<unknown>,
) => {
  const holders = await holdersOf(detail);
  const customerIds = [...new Set(holders.map((holder) => holder.customerId))];
  const [read] = await Promise.all([
    Promise.all(customerIds.map((id) => readCustomerPartition(viewer, id))),
    customerIds.length && alongside ? alongside(customerIds) : undefined,
  ]);
  const found = read.filter((p) => p !== undefined);
  return Promise.all(
    found.map(async (partition) => {
      const mine = holders.filter((holder) => holder.customerId === partition.customerId);
      return {
        ...(await profileParts(partition)),
        matchedBy: {
          customer: mine.some((holder) => !holder.contactId),
          contactIds: mine.flatMap((holder) => (holder.contactId ? [holder.contactId] : [])),
        },
        ...lookupParts(partition, cap),
      };
    }),
  );
};

/**
 * `lookupMatches` with its read log, as every caller lookup (the API's, Amazon Connect's) writes it.
 * Whoever reaches every customer (an agent, the call center) is shown every customer the markers
 * name, so those entries are written beside the reads, not after them: a round trip less while the
 * caller waits, and still no answer without its entries. A customer shown whom no marker named (the
 * one another was merged into) is logged after the read, and anyone with a narrower reach is logged
 * after it for the customers shown only, so a refused look leaves no entry.
 */
export const loggedLookupMatches = async (
  actor: Actor,
  route: { method: string; path: string },
  viewer: Viewer,
  detail: ContactKeys,
  cap: number,
) => {
  const log = (customerIds: readonly string[]) => logReads(actor, route, customerIds);
  let logged: readonly string[] = [];
  const matches = await lookupMatches(
    viewer,
    detail,
    cap,
    viewer.reach === 'all'
      ? (customerIds) => {
          logged = customerIds;
          return log(customerIds);
        }
      : undefined,
  );
  await log(matches.map((match) => match.customer.customerId).filter((id) => !logged.includes(id)));
  return matches;
};
