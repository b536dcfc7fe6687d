// An access request (KVKK art. 11): everything the CRM holds about one person, as data and as a
// document in their language, read from ONE Query of their partition; the request is recorded.
import { clockNow } from '../../shared/clock.js';
import { transact } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';
import { partsList } from '../customer-record/public.js';
import { exportDocument, personExport } from './domain/export.js';
import { requestItem, type WrittenWith } from './request-store.js';
import { findSubject, type SubjectQuery } from './subject.js';

/** Every item of a customer's partition (no cap: an export leaves nothing out). */
export const partitionItems = (customerId: string) =>
  queryAll({ partition: keys.customerPartition(customerId), consistent: true }, Number.POSITIVE_INFINITY);

/** The person's export: every item of their partition, grouped as the record shows it. */
export const exportOf = async (customerId: string) => {
  const items = await partitionItems(customerId);
  return {
    items,
    data: personExport(
      items,
      partsList.map(([name, spec]) => [name, spec.type] as const),
    ),
  };
};

export const accessRequest = async (
  query: SubjectQuery,
  actor: Actor,
  route: string,
  now = clockNow(),
  also?: (recordId: string) => WrittenWith,
) => {
  const customerId = await findSubject(query);
  const { items, data } = await exportOf(customerId);
  const language: Language = data.profile.language === 'en' ? 'en' : 'tr';
  const requestId = newId();
  const generatedAt = now.toISOString();
  const closing = also?.(requestId);
  const written = await transact([
    requestItem({
      requestId,
      kind: 'access',
      customerId,
      actorId: actor.userId,
      route,
      at: generatedAt,
      counts: { items: items.length },
    }),
    ...(closing?.items ?? []),
  ]);
  // the record's own put has a fresh id: only what came with it can fail
  if (!written.ok && closing) throw closing.refused();
  return { requestId, customerId, language, generatedAt, data, document: exportDocument(data, language, generatedAt) };
};
