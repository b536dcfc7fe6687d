// Erasure (KVKK art. 7): the person's partition as the modules say (shared/record-part.ts's `erase`,
// their contributions), the platform's copies elsewhere (shared/erasure.ts), the keyed hash of each
// erased detail, and the request's record. Writes go in this order: what is kept first, then what
// names the person elsewhere, then the partition's items, and the profile with the request's record
// last: an erasure stopped half-way leaves the profile, and the same request takes it up again.

import { clockNow } from '../../shared/clock.js';
import type { ConsentEntry } from '../../shared/consent.js';
import { batchWrite, type TransactItem, tableName, transact } from '../../shared/db.js';
import { consentEvidence, detailHash, erasedContactItem, itemsNamingPerson } from '../../shared/erasure.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { ProblemError } from '../../shared/problems.js';
import { fromItem, type Key, keys, tableKeyOf } from '../../shared/table.js';
import { partitionItems } from './access.js';
import { erasureContributions, erasureParts } from './contributions.js';
import { personDetails, planErasure } from './domain/erasure-plan.js';
import { requestItem, type WrittenWith } from './request-store.js';
import { findSubject, type SubjectQuery } from './subject.js';

type Item = Record<string, unknown>;

/** A consent entry as evidence: kept where it was, the address replaced by its keyed hash (once). */
const evidenceItem = async (item: Item, now: Date): Promise<Item> => {
  if (item.address === undefined) return item;
  const { pk, sk } = tableKeyOf(item);
  return { pk, sk, type: 'consent', ...(await consentEvidence(fromItem<ConsentEntry>(item), now)) };
};

/** The forwarding records of customers merged into this one: ids only, but they lead to nobody now. */
const forwards = (profile: Item | undefined): Key[] =>
  Array.isArray(profile?.absorbedIds) ? profile.absorbedIds.map((id) => keys.customer(String(id))) : [];

/** What erasing the person would do to their partition now, in counts, and why it cannot be done yet. */
export const erasurePreview = async (customerId: string) => {
  const plan = planErasure(await partitionItems(customerId), erasureParts, erasureContributions);
  return {
    deleted: plan.deletes.length + (plan.profile ? 1 : 0),
    keptAnonymised: plan.keeps.length + plan.consents.length,
    keptAsIs: plan.untouched,
    refusals: plan.refusals,
  };
};

export const erasePerson = async (
  query: SubjectQuery,
  actor: Actor,
  route: string,
  now = clockNow(),
  also?: (recordId: string) => WrittenWith,
) => {
  const customerId = await findSubject(query);
  const items = await partitionItems(customerId);
  const plan = planErasure(items, erasureParts, erasureContributions);
  if (plan.refusals.length) {
    throw new ProblemError(
      409,
      'erasure-refused',
      {
        en: 'The person still has work under way that needs their details: nothing was erased.',
        tr: 'Kişinin bilgilerine gerek duyan, süren işleri var: hiçbir şey silinmedi.',
      },
      plan.refusals.map((message) => ({ path: 'customerId', message })),
    );
  }
  const person = personDetails(customerId, items);
  const elsewhere = await itemsNamingPerson(person, erasureContributions);
  const erasureId = newId();
  const at = now.toISOString();
  const evidence = await Promise.all(plan.consents.map((item) => evidenceItem(item, now)));
  const erased = await Promise.all([
    ...person.emails.map(async (email) => erasedContactItem(await detailHash('email', email), 'email', erasureId, at)),
    ...person.phones.map(async (phone) => erasedContactItem(await detailHash('phone', phone), 'phone', erasureId, at)),
  ]);
  await batchWrite([...plan.keeps, ...evidence, ...erased].map((Item) => ({ PutRequest: { Item } })));
  const { profile } = plan;
  const deletes = [...elsewhere, ...forwards(items.find((item) => item.type === 'customer')), ...plan.deletes];
  await batchWrite(deletes.map((Key) => ({ DeleteRequest: { Key } })));
  const counts = {
    deleted: deletes.length + (profile ? 1 : 0),
    keptAnonymised: plan.keeps.length + evidence.length,
    keptAsIs: plan.untouched,
    detailsHashed: erased.length,
  };
  const closing = also?.(erasureId);
  const last: TransactItem[] = [
    requestItem({ requestId: erasureId, kind: 'erasure', customerId, actorId: actor.userId, route, at, counts }),
    ...(profile ? [{ Delete: { TableName: tableName(), Key: profile } }] : []),
    ...(closing?.items ?? []),
  ];
  const written = await transact(last);
  if (!written.ok && closing) throw closing.refused();
  return { erasureId, customerId, at, counts };
};
