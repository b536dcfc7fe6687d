// Merging customers over HTTP on the local stack: the merge's answer, the same answer to a retry
// with the same Idempotency-Key, the old id answering with the kept customer, the event on the bus,
// and the refusals (a rep, the same customer, an id already merged). The read log sits outside both
// customers' partitions: reads logged before the merge stay under the id read, and nothing moves them.
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { captureLead, getLead, recentEvents, settle, uniquePerson } from '../support/e2e.js';
import { call, type ProblemFields } from '../support/quotes.js';

const k = () => inject('mergeKeys');

interface MergeAnswer {
  keptId: string;
  duplicateId: string;
  state: string;
  movedItems: number;
  repointedMarkers: number;
}

const newCustomer = async (tag: string) => {
  const person = uniquePerson(tag);
  const { leadId } = await captureLead({ name: person.name, email: person.email, language: 'tr' });
  return (await getLead(leadId)).customerId;
};

const merge = (keptId: string, duplicateId: string, key = k().admin, headers: Record<string, string> = {}) =>
  call<MergeAnswer & ProblemFields>('POST', `/customers/${keptId}/merge`, key, { duplicateId }, headers);

describe('merging customers over HTTP', () => {
  it('merges, answers a retry the same, forwards the old id, emits CustomersMerged, and refuses what it must', async () => {
    const [keptId, duplicateId, otherId] = [
      await newCustomer('merge-kept'),
      await newCustomer('merge-dup'),
      await newCustomer('merge-other'),
    ];
    await settle();
    // Both records read before the merge: each read logged under its own customer.
    for (const id of [keptId, duplicateId]) expect((await call('GET', `/customers/${id}`, k().admin)).status).toBe(200);

    const rep = await merge(keptId, duplicateId, k().rep);
    expect([rep.status, rep.body.code]).toEqual([403, 'forbidden']);
    const self = await merge(keptId, keptId);
    expect([self.status, self.body.code, self.body.errors?.[0]?.path]).toEqual([
      422,
      'merge-same-customer',
      'duplicateId',
    ]);

    const key = { 'idempotency-key': `merge-${duplicateId}` };
    const merged = await merge(keptId, duplicateId, k().admin, key);
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body).toMatchObject({ keptId, duplicateId, state: 'done', repointedMarkers: 1 });
    expect(merged.body.movedItems).toBeGreaterThanOrEqual(1);
    const retried = await merge(keptId, duplicateId, k().admin, key);
    expect([retried.status, retried.body]).toEqual([200, merged.body]);

    // The old id answers with the kept customer, saying which id was asked for.
    const old = await call<{ customer: { customerId: string }; mergedFrom?: string; leads: { items: unknown[] } }>(
      'GET',
      `/customers/${duplicateId}`,
      k().admin,
    );
    expect([old.status, old.body.customer.customerId, old.body.mergedFrom, old.body.leads.items.length]).toEqual([
      200,
      keptId,
      duplicateId,
      2,
    ]);

    // The read of the duplicate stays in its log; reading the old id now shows, and logs, the kept one.
    const officer = (
      await createApiKey({ label: 'merge reads', userId: 'dpo-merge-e2e', role: 'admin', scopes: ['privacy:read'] })
    ).key;
    const reads = async (customerId: string) =>
      (await call<{ items: { route: string }[] }>('GET', `/privacy/record-reads?customerId=${customerId}`, officer))
        .body.items;
    expect((await reads(duplicateId)).map((r) => r.route)).toEqual(['GET /customers/{customerId}']);
    expect((await reads(keptId)).map((r) => r.route)).toEqual([
      'GET /customers/{customerId}',
      'GET /customers/{customerId}',
    ]);

    // Into a merged customer, or a duplicate merged already elsewhere: 409.
    const intoMerged = await merge(duplicateId, otherId);
    expect([intoMerged.status, intoMerged.body.code, intoMerged.body.errors?.[0]?.path]).toEqual([
      409,
      'customer-merged',
      'customerId',
    ]);
    const mergedElsewhere = await merge(otherId, duplicateId);
    expect([mergedElsewhere.status, mergedElsewhere.body.code, mergedElsewhere.body.errors?.[0]?.path]).toEqual([
      409,
      'customer-merged',
      'duplicateId',
    ]);

    await settle();
    const events = (await recentEvents()).filter(
      (e) => e['detail-type'] === 'CustomersMerged' && e.detail.duplicateId === duplicateId,
    );
    expect(events.map((e) => [e.source, e.detail.keptId])).toEqual([['crm.customers', keptId]]);
  });
});
