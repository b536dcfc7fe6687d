// Listing leads against DynamoDB Local: without a status, every status's queue is read and merged
// newest first; with one, only that status's.
import { describe, expect, it } from 'vitest';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import {
  getLead,
  type Lead,
  type LeadQuery,
  listLeads,
  saveStatusChange,
} from '../../functions/lead-capture/lead-store.js';

const unique = () => Math.random().toString(36).slice(2, 10);

const capture = async (name: string) => {
  const { website, redirect, idempotencyKey, ...submission } = leadSubmissionSchema.parse({
    name,
    email: `${unique()}@example.com`,
  });
  const { leadId } = await captureLead({ submission, ip: '192.0.2.1' });
  return (await getLead(leadId))!;
};

/** Every lead the query lists, page by page. */
const listAll = async (query: Omit<LeadQuery, 'limit' | 'cursor'>) => {
  const all: Lead[] = [];
  let cursor: string | undefined;
  do {
    const page = await listLeads({ ...query, limit: 7, cursor });
    all.push(...page.leads);
    cursor = page.next;
  } while (cursor);
  return all;
};

describe('listing leads', () => {
  it('without a status lists every status, newest first; with one, only that one', async () => {
    const fresh = await capture('Liste Yeni');
    const worked = await capture('Liste Görüşülen');
    const closed = await capture('Liste Elenen');
    const now = new Date();
    expect(await saveStatusChange(worked, 'contacted', { actorId: 'mgr-test', action: 'contact' }, now)).toBeTruthy();
    expect(
      await saveStatusChange(closed, 'disqualified', { actorId: 'mgr-test', action: 'disqualify' }, now),
    ).toBeTruthy();
    const ours = new Set([fresh.leadId, worked.leadId, closed.leadId]);

    const everything = await listAll({});
    const mine = everything.filter((lead) => ours.has(lead.leadId));
    expect(mine.map((lead) => [lead.leadId, lead.status])).toEqual([
      [closed.leadId, 'disqualified'],
      [worked.leadId, 'contacted'],
      [fresh.leadId, 'new'],
    ]);
    const created = everything.map((lead) => `${lead.createdAt}#${lead.leadId}`);
    expect(created).toEqual([...created].sort().reverse());
    expect(new Set(everything.map((lead) => lead.leadId)).size).toBe(everything.length);

    const contacted = await listAll({ status: 'contacted' });
    expect(contacted.map((lead) => lead.leadId)).toContain(worked.leadId);
    expect(contacted.every((lead) => lead.status === 'contacted')).toBe(true);
    expect((await listAll({ status: 'new' })).map((lead) => lead.leadId)).not.toContain(worked.leadId);
  });
});
