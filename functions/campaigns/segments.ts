// Segments: saved filters over the customer directory. Evaluating one pages the directory index
// (every customer profile, by folded name, sharded) and applies the pure predicate: there is no
// index per attribute, so a preview says how many customers it read.

import type { Viewer } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { customerItemVisibleTo } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { advance, defineEntity, refuseStale } from '../../shared/entity.js';
import { newId } from '../../shared/ids.js';
import { changedReload, records } from '../../shared/messages.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { byState, keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { purchaseHistories, purchaseHistoriesOf } from '../analytics/public.js';
import {
  matchesSegment,
  type PurchaseHistory,
  purchaseYears,
  type SegmentCandidate,
  type SegmentFilter,
} from './domain/segment-filter.js';
import { campaignsKeys } from './keys.js';

export interface Segment {
  segmentId: string;
  name: string;
  filter: SegmentFilter;
  /** The consent a recipient needs: e-mail marketing on this topic (checked per recipient at send time). */
  consent: { channel: 'email'; topic: string };
  status: 'active';
  seq: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const segments = defineEntity<Segment>({
  type: 'segment',
  key: (s) => campaignsKeys.segment(s.segmentId),
  indexes: (s) => campaignsKeys.segmentList(s.createdAt, s.segmentId),
});

export const createSegment = async (
  input: Pick<Segment, 'name' | 'filter' | 'consent'>,
  by: string,
  now = clockNow(),
) => {
  const at = now.toISOString();
  const segment: Segment = {
    ...input,
    segmentId: newId(),
    status: 'active',
    seq: 1,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  };
  await transact(segments.createItems(segment));
  return segment;
};

export const getSegment = async (segmentId: string) => segments.get(campaignsKeys.segment(segmentId));

export const segmentOr404 = async (segmentId: string) => {
  const found = await getSegment(segmentId);
  if (!found) throw new NotFoundError(records.segment);
  return found;
};

/** Changes a segment on condition that it is still at the seq the caller saw. */
export const updateSegment = async (
  before: Segment,
  changes: Partial<Pick<Segment, 'name' | 'filter' | 'consent'>>,
  seq?: number,
) => {
  refuseStale(before, seq, 'campaign-changed', records.segment);
  const after = advance(before, { ...changes, updatedAt: clockNow().toISOString() });
  if (!(await segments.move(before, after)))
    throw new ConflictError('campaign-changed', changedReload(records.segment));
  return after;
};

export const listSegments = async (limit: number, cursor?: string) => {
  const page = await queryPage({ index: byState, partition: campaignsKeys.segmentListPartition(), limit, cursor });
  return { items: page.items.map((item) => segments.read(item)), next: page.next };
};

export const segmentForCampaign = async (segmentId: string) => {
  const found = await getSegment(segmentId);
  if (!found) {
    throw new ProblemError(
      422,
      'segment-not-found',
      { en: 'There is no such segment.', tr: 'Böyle bir segment yok.' },
      [{ path: 'segmentId', message: { en: 'No such segment.', tr: 'Böyle bir segment yok.' } }],
    );
  }
  return found;
};

type Item = Record<string, unknown>;

/** A page of the customer directory: every profile, in name order over all shards. */
export const directoryPage = (limit: number, cursor?: string) =>
  queryPage({ index: byState, partition: keys.customersByNamePartitions(), order: 'oldest', limit, cursor });

export const candidateOf = (item: Item, histories?: ReadonlyMap<string, PurchaseHistory>): SegmentCandidate =>
  histories ? { ...(item as SegmentCandidate), purchases: histories.get(String(item.customerId)) } : item;

/** The Istanbul month a segment is evaluated in: what "buys less" looks back from. */
export const evaluationMonth = (now = clockNow()) => istanbulDate(now).slice(0, 7);

/**
 * What a filter's purchase conditions read, for a pass over the whole directory: every buyer's
 * history over the years they span, from the purchasers index once (its cost grows with buyers, not
 * with order lines). Undefined when the filter has none.
 */
export const purchaseContext = async (filter: SegmentFilter, month = evaluationMonth()) =>
  filter.purchases?.length ? purchaseHistories(purchaseYears(filter, month)) : undefined;

/**
 * The directory items of one page that are in the segment. A filter with purchase conditions reads
 * the histories of only the customers the other conditions let through, when no context was loaded.
 */
export const matchingItems = async (
  filter: SegmentFilter,
  items: readonly Item[],
  histories?: ReadonlyMap<string, PurchaseHistory>,
  month = evaluationMonth(),
) => {
  if (!filter.purchases?.length || histories)
    return items.filter((i) => matchesSegment(filter, candidateOf(i, histories), { month }));
  const rest = { ...filter, purchases: undefined };
  const through = items.filter((item) => matchesSegment(rest, candidateOf(item)));
  if (through.length === 0) return [];
  const read = await purchaseHistoriesOf(
    through.map((item) => String(item.customerId)),
    purchaseYears(filter, month),
  );
  return through.filter((item) => matchesSegment(filter, candidateOf(item, read), { month }));
};

/** How many directory items one preview reads at most: a bound on a request's time. */
export const PREVIEW_MAX_SCANNED = 20_000;
const PAGE = 500;

/**
 * Count and a sample of ten names; `complete` says whether every customer was read. The count is an
 * aggregate, firm-wide; the sample names only customers the viewer may see (none, for a viewer
 * whose reach holds no customer of the segment).
 */
export const previewSegment = async (filter: SegmentFilter, viewer: Viewer, maxScanned = PREVIEW_MAX_SCANNED) => {
  let scanned = 0;
  let count = 0;
  const sample: { customerId: string; name: string }[] = [];
  let cursor: string | undefined;
  const month = evaluationMonth();
  const histories = await purchaseContext(filter, month);
  do {
    const page = await directoryPage(Math.min(PAGE, maxScanned - scanned), cursor);
    scanned += page.items.length;
    for (const item of page.items) {
      if (!matchesSegment(filter, candidateOf(item, histories), { month })) continue;
      count++;
      if (sample.length < 10 && customerItemVisibleTo(viewer, item))
        sample.push({ customerId: String(item.customerId), name: String(item.name) });
    }
    cursor = page.next;
  } while (cursor && scanned < maxScanned);
  return { count, sample, scanned, complete: cursor === undefined };
};

/** Every segment (for reports by segment): a marketing team keeps tens, not thousands. */
export const allSegments = async () =>
  (await queryAll({ index: byState, partition: campaignsKeys.segmentListPartition() })).map((i) => segments.read(i));

/**
 * The customers a filter matches, a directory page at a time from `from` (a directory cursor; the start
 * when absent): each page's member ids, the cursor it was read at and the next one. A reader that stops
 * mid-page resumes at that page's cursor.
 */
export async function* segmentPages(filter: SegmentFilter, pageSize = PAGE, anyChannel = false, from?: string) {
  let cursor = from;
  const month = evaluationMonth();
  const histories = await purchaseContext(filter, month);
  do {
    const page = await directoryPage(pageSize, cursor);
    const members = page.items
      .filter((item) => matchesSegment(filter, candidateOf(item, histories), { anyChannel, month }))
      .map((item) => String(item.customerId));
    yield { at: cursor, members, next: page.next };
    cursor = page.next;
  } while (cursor);
}

/** The ids of every customer a filter matches, a directory page at a time: what issuing to a segment reads. */
export async function* segmentMembers(filter: SegmentFilter, pageSize = PAGE, anyChannel = false) {
  for await (const page of segmentPages(filter, pageSize, anyChannel)) yield* page.members;
}
