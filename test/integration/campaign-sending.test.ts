// Campaign runs against DynamoDB Local and an SES peer that keeps the raw MIME it receives (the local
// SES endpoint drops custom headers, and List-Unsubscribe is what we check). The workers are driven
// directly, the way the CampaignBatchReady consumer calls them, so races and crashes are staged.

import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activitiesKeys } from '../../functions/activities/keys.js';
import {
  type CampaignRun,
  cancelCampaign,
  createCampaign,
  editCampaign,
  getCampaign,
  getRun,
  getShards,
  scheduleCampaign,
  sweepCampaigns,
} from '../../functions/campaigns/campaigns.js';
import { campaignsKeys } from '../../functions/campaigns/keys.js';
import { accountReputation, countInto, gateHistory, liftGate } from '../../functions/campaigns/reports.js';
import { createSegment } from '../../functions/campaigns/segments.js';
import { LEASE_MS, materialiseStep, runProgress, type Sender, sendStep } from '../../functions/campaigns/sending.js';
import { createTemplate } from '../../functions/campaigns/templates.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { sendMarketing } from '../../shared/mail.js';
import { queryAll } from '../../shared/query.js';
import { keys, SHARDS } from '../../shared/table.js';
import { startSesStandIn } from '../support/ses-stand-in.js';
import { consentItem } from '../support/subscriptions.js';

let ses: Awaited<ReturnType<typeof startSesStandIn>>;
beforeAll(async () => {
  ses = await startSesStandIn();
});
afterAll(() => ses.close());
beforeEach(() => ses.reset());

const fast = { ratePerSecond: 1000 };
const topic = 'offers';

/** Customers in the directory with a sector no other test uses; `consenting` of them granted e-mail consent. */
const seed = async (count: number, consenting = count) => {
  const sector = `sector-${newId()}`;
  const at = new Date().toISOString();
  const people = Array.from({ length: count }, () => newId()).map((customerId) => ({
    customerId,
    email: `kisi-${customerId.toLowerCase()}@example.com`,
  }));
  const addresses = people.map((p) => p.email);
  await Promise.all(
    people.map(async ({ customerId, email }, i) => {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: customers.item({
            customerId,
            name: `Deneme Kişi ${i}`,
            email,
            emailKey: email,
            sector,
            language: i % 2 ? 'en' : 'tr',
            createdAt: at,
            updatedAt: at,
          }),
        }),
      );
      if (i < consenting) {
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: consentItem(customerId, email, 'granted', 'all', new Date(at)),
          }),
        );
      }
    }),
  );
  return { sector, people, addresses };
};

const version = {
  subject: 'Merhaba {{name}}',
  html: '<p>Sayın {{name}}, {{offer.discount}} indirim.</p>',
  text: 'Sayın {{name}}, {{offer.discount}} indirim.',
};

/** A campaign over the seeded sector, scheduled and started by the minute sweep; its run, materialised. */
const startedRun = async (sector: string): Promise<CampaignRun> => {
  const segment = await createSegment(
    { name: 'Test', filter: { sectors: [sector] }, consent: { channel: 'email', topic } },
    'mkt-elif',
  );
  const template = await createTemplate({ name: 'Test', parts: { tr: version, en: version } }, 'mkt-elif');
  const now = new Date();
  const at = new Date(now.getTime() + 60_000).toISOString();
  const draft = await createCampaign(
    {
      name: 'Test',
      segmentId: segment.segmentId,
      templateId: template.templateId,
      topic,
      language: 'tr',
      schedule: { at },
      offer: { discount: '%20' },
    },
    'mkt-elif',
  );
  await scheduleCampaign(draft, 'mkt-elif', draft.seq, now);
  await sweepCampaigns(new Date(now.getTime() + 61_000));
  const campaign = await getCampaign(draft.campaignId);
  expect(campaign).toMatchObject({ status: 'sending', runCount: 1 });
  return (await getRun(draft.campaignId, campaign!.currentRunId!))!;
};

const materialise = async (run: CampaignRun, options: Parameters<typeof materialiseStep>[2] = {}) => {
  for (let chain = 0; (await getRun(run.campaignId, run.runId))?.status === 'materialising'; chain++) {
    await materialiseStep(run, chain, options);
  }
};

/** Works every shard until it is done, as the event chain would. */
const drain = async (run: CampaignRun, options: Parameters<typeof sendStep>[2] = fast) => {
  for (let shard = 0; shard < SHARDS; shard++) {
    for (let guard = 0; guard < 50; guard++) {
      const state = (await getShards(run.campaignId, run.runId))[shard]!;
      if (state.done) break;
      await sendStep({ ...run, shard }, state.chain, options);
    }
  }
};

const records = async (run: CampaignRun) =>
  (
    await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        queryAll({
          partition: campaignsKeys.campaignRecipientShard(run.campaignId, run.runId, shard),
          consistent: true,
        }),
      ),
    )
  ).flat();

const mailsTo = (address: string) => ses.raw.filter((mime) => new RegExp(`^To: ${address}`, 'im').test(mime)).length;

describe('campaign runs', () => {
  it('refuses a schedule that is no cron expression with 400 naming schedule.cron, and keeps a good one', async () => {
    const segment = await createSegment(
      { name: 'Cron', filter: { sectors: ['cron-check'] }, consent: { channel: 'email', topic } },
      'mkt-elif',
    );
    const template = await createTemplate({ name: 'Cron', parts: { tr: version, en: version } }, 'mkt-elif');
    const input = {
      name: 'Cron',
      segmentId: segment.segmentId,
      templateId: template.templateId,
      topic,
      language: 'tr' as const,
    };
    await expect(createCampaign({ ...input, schedule: { cron: '61 9 * * *' } }, 'mkt-elif')).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'schedule.cron' }],
    });
    const weekly = await createCampaign({ ...input, schedule: { cron: '0 9 * * 1' } }, 'mkt-elif');
    await expect(editCampaign(weekly, { schedule: { cron: '0 9 * *' } }, 'mkt-elif', weekly.seq)).rejects.toMatchObject(
      {
        errors: [{ path: 'schedule.cron' }],
      },
    );
    expect(await getCampaign(weekly.campaignId)).toMatchObject({ schedule: { cron: '0 9 * * 1' }, status: 'draft' });
  });

  it('materialises the segment once, page after page, even when two workers take the same turn', async () => {
    const { sector, addresses } = await seed(12);
    const run = await startedRun(sector);
    const [first, second] = await Promise.all([
      materialiseStep(run, 0, { pageSize: 5 }),
      materialiseStep(run, 0, { pageSize: 5 }),
    ]);
    expect([first.acted, second.acted].filter(Boolean).length).toBe(1);
    await materialise(run, { pageSize: 5 });
    // Twelve customers of our own alone fill three pages of five: the directory cursor was kept between turns.
    expect((await getRun(run.campaignId, run.runId))?.chain).toBeGreaterThanOrEqual(3);
    const written = await records(run);
    expect(written).toHaveLength(addresses.length);
    expect(new Set(written.map((r) => r.email))).toEqual(new Set(addresses));
    expect(written.every((r) => r.status === 'pending' && typeof r.expiresAt === 'number')).toBe(true);
    // Only what sending needs: no phone, no sector.
    expect(Object.keys(written[0]!)).not.toContain('phone');
    expect((await getRun(run.campaignId, run.runId))?.recipients).toBe(addresses.length);
  });

  it('two workers racing on every shard mail each consenting recipient once, skip the rest, and the campaign is sent', async () => {
    const { sector, people, addresses } = await seed(16, 14);
    const run = await startedRun(sector);
    await materialise(run);
    await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) => [
        sendStep({ ...run, shard }, 0, fast),
        sendStep({ ...run, shard }, 0, fast),
      ]).flat(),
    );
    await drain(run);
    expect(addresses.slice(0, 14).map(mailsTo)).toEqual(Array(14).fill(1));
    expect(addresses.slice(14).map(mailsTo)).toEqual([0, 0]);
    expect(ses.raw).toHaveLength(14);
    expect(
      ses.raw.every((mime) => /^List-Unsubscribe:\s+<https:\/\/crm\.example\.com\/unsubscribe\?token=/m.test(mime)),
    ).toBe(true);
    expect(ses.raw.every((mime) => /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m.test(mime))).toBe(true);
    // The personal unsubscribe link is in the body too.
    expect(
      ses.raw.every((mime) => mime.includes('crm.example.com/unsubscribe?token=') && mime.includes('%20 indirim')),
    ).toBe(true);
    expect(await runProgress(run)).toMatchObject({
      status: 'done',
      recipients: 16,
      sent: 14,
      skipped: 2,
      skippedBy: { 'no-consent': 2 },
      failed: 0,
      remaining: 0,
    });
    expect(await getCampaign(run.campaignId)).toMatchObject({ status: 'sent' });
    // Each mail is on its customer's timeline once (template and message id, never the body).
    const logged = await Promise.all(
      people.map(async ({ customerId }) =>
        (
          await queryAll({
            partition: keys.customerPartition(customerId),
            range: { prefix: activitiesKeys.activitiesPrefix() },
            consistent: true,
          })
        ).filter((item) => item.type === 'activity' && item.kind === 'email'),
      ),
    );
    expect(logged.map((items) => items.length)).toEqual([...Array(14).fill(1), 0, 0]);
    expect(logged[0]![0]).toMatchObject({ template: `campaign:${run.campaignId}`, messageId: expect.any(String) });
  });

  it('a worker that dies mid-batch leaves its claims; after their lease another resumes: nobody twice, nobody missed', async () => {
    const { sector, addresses } = await seed(24);
    const run = await startedRun(sector);
    await materialise(run);
    const shard = (await getShards(run.campaignId, run.runId)).reduce((a, b) =>
      b.recipients > a.recipients ? b : a,
    ).shard;
    let calls = 0;
    const delivered: Promise<unknown>[] = [];
    let died: () => void = () => {};
    const death = new Promise<void>((resolve) => {
      died = resolve;
    });
    // The process dies during its 4th send: that call, and any after, never return.
    const dying: Sender = (mail, scope) => {
      calls++;
      if (calls < 4) {
        const sent = sendMarketing(mail, scope);
        delivered.push(sent);
        return sent;
      }
      died();
      return new Promise(() => {});
    };
    void sendStep({ ...run, shard }, 0, { ...fast, send: dying });
    await death;
    await Promise.all(delivered);
    const mailedBeforeDeath = ses.raw.length;
    expect(mailedBeforeDeath).toBe(3);
    const afterLease = { ...fast, clock: () => new Date(Date.now() + LEASE_MS + 1000) };
    await drain(run, afterLease);
    expect(addresses.map(mailsTo)).toEqual(Array(24).fill(1));
    expect(await runProgress(run)).toMatchObject({ status: 'done', sent: 24, remaining: 0 });
  });

  it('cancel stops a send in progress: the run ends and later batches mail nobody', async () => {
    const { sector, addresses } = await seed(48);
    const run = await startedRun(sector);
    await materialise(run);
    let cancelled: Promise<unknown> | undefined;
    const cancelling: Sender = async (mail, scope) => {
      cancelled ??= getCampaign(run.campaignId).then((campaign) => cancelCampaign(campaign!, 'mkt-elif'));
      await cancelled;
      return sendMarketing(mail, scope);
    };
    const shard = (await getShards(run.campaignId, run.runId)).reduce((a, b) => (b.recipients > a.recipients ? b : a));
    await sendStep({ ...run, shard: shard.shard }, 0, { ...fast, send: cancelling });
    const mailedWhileCancelling = ses.raw.length;
    expect(mailedWhileCancelling).toBeLessThan(shard.recipients);
    await drain(run);
    expect(ses.raw.length).toBe(mailedWhileCancelling);
    expect(addresses.map(mailsTo).reduce((a, b) => a + b, 0)).toBe(mailedWhileCancelling);
    expect(await getCampaign(run.campaignId)).toMatchObject({ status: 'cancelled' });
    expect(await getRun(run.campaignId, run.runId)).toMatchObject({ status: 'cancelled' });
  });

  it("refuses to schedule while the account's bounce rate is at 5% (409 sending-paused-reputation)", async () => {
    const { sector } = await seed(2);
    const run = await startedRun(sector);
    await materialise(run);
    await drain(run);
    const bounced = campaignsKeys.campaignStats(run.campaignId, 'bounced');
    // Over the minimum volume (1000 sends in the window), so the rate is judged.
    await transact([countInto(run.campaignId, 'bounced', 1_000_000), countInto(run.campaignId, 'sent', 2_000_000)]);
    try {
      const segment = await createSegment({ name: 'x', filter: {}, consent: { channel: 'email', topic } }, 'mkt-elif');
      const template = await createTemplate({ name: 'x', parts: { tr: version, en: version } }, 'mkt-elif');
      const draft = await createCampaign(
        {
          name: 'x',
          segmentId: segment.segmentId,
          templateId: template.templateId,
          topic,
          language: 'tr',
          schedule: { at: new Date(Date.now() + 3_600_000).toISOString() },
        },
        'mkt-elif',
      );
      await expect(scheduleCampaign(draft, 'mkt-elif')).rejects.toMatchObject({
        code: 'sending-paused-reputation',
        status: 409,
      });
      expect(await getCampaign(draft.campaignId)).toMatchObject({ status: 'draft' });
    } finally {
      await db().send(new DeleteCommand({ TableName: tableName(), Key: bounced }));
      await transact([countInto(run.campaignId, 'sent', -2_000_000)]);
    }
  });

  it('gates on rates only above the minimum volume, and an admin lifts a paused gate once, with a reason in its audit', async () => {
    const { sector } = await seed(2);
    const run = await startedRun(sector);
    await materialise(run);
    await drain(run);
    const draft = async () => {
      const segment = await createSegment({ name: 'x', filter: {}, consent: { channel: 'email', topic } }, 'mkt-elif');
      const template = await createTemplate({ name: 'x', parts: { tr: version, en: version } }, 'mkt-elif');
      return createCampaign(
        {
          name: 'x',
          segmentId: segment.segmentId,
          templateId: template.templateId,
          topic,
          language: 'tr',
          schedule: { at: new Date(Date.now() + 3_600_000).toISOString() },
        },
        'mkt-elif',
      );
    };
    const admin = { actorId: 'admin-ayse', via: 'api' as const };
    const before = await accountReputation();
    const lifts = (await gateHistory()).length;
    try {
      // One bounce among ten mails (this run's two and eight more): below the minimum, nothing pauses.
      await transact([countInto(run.campaignId, 'sent', 8), countInto(run.campaignId, 'bounced', 1)]);
      const few = await accountReputation();
      expect(few.sent - before.sent).toBe(8);
      if (few.sent < 1000) {
        expect(few).toMatchObject({ paused: false, minimumSends: 1000, gate: { state: 'learning' } });
        const scheduled = await scheduleCampaign(await draft(), 'mkt-elif');
        expect(scheduled.status).toBe('scheduled');
        await cancelCampaign(scheduled, 'mkt-elif');
      }
      // Lifting a gate that is not paused is a 409 and writes nothing.
      await expect(liftGate(admin, 'nothing to lift')).rejects.toMatchObject({
        status: 409,
        code: 'reputation-gate-not-paused',
      });
      expect(await gateHistory()).toHaveLength(lifts);

      // Over the minimum at a 10 % bounce rate: paused, with its reason in both languages.
      await transact([countInto(run.campaignId, 'sent', 10_000), countInto(run.campaignId, 'bounced', 1_000)]);
      const paused = await accountReputation();
      expect(paused).toMatchObject({ paused: true, gate: { state: 'paused' } });
      expect(paused.gate.reason.tr).toMatch(/^Gönderim durduruldu: 30 günde \d+ gönderimde geri dönme oranı/);
      await expect(scheduleCampaign(await draft(), 'mkt-elif')).rejects.toMatchObject({
        status: 409,
        code: 'sending-paused-reputation',
      });

      // Two admins lift at once: one lift is written, the other is a 409; a later lift too.
      const reason = 'Geçersiz adresler listeden çıkarıldı';
      const results = await Promise.allSettled([
        liftGate(admin, reason),
        liftGate({ actorId: 'admin-bora', via: 'api' }, reason),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ status: 409 });
      expect(['reputation-gate-changed', 'reputation-gate-not-paused']).toContain(refused.reason.code);
      await expect(liftGate(admin, 'again')).rejects.toMatchObject({ status: 409, code: 'reputation-gate-not-paused' });
      const lifted = await accountReputation();
      expect(lifted).toMatchObject({
        paused: false,
        seq: 1,
        gate: { state: 'lifted', judged: { sent: 0 }, lift: { reason } },
      });
      const history = await gateHistory();
      expect(history).toHaveLength(lifts + 1);
      expect(history[0]).toMatchObject({ action: 'lifted', via: 'api', note: reason });
      expect(['admin-ayse', 'admin-bora']).toContain(history[0]!.actorId);
      // Lifted, a campaign may be scheduled again.
      const again = await scheduleCampaign(await draft(), 'mkt-elif');
      expect(again.status).toBe('scheduled');
      await cancelCampaign(again, 'mkt-elif');
    } finally {
      await transact([countInto(run.campaignId, 'sent', -10_008), countInto(run.campaignId, 'bounced', -1_001)]);
      await db().send(new DeleteCommand({ TableName: tableName(), Key: campaignsKeys.reputationGate() }));
    }
  });
});
