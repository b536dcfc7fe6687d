// A campaign on the local stack: 10,000 consenting customers written straight into DynamoDB Local,
// one campaign started by the minute sweep (fired through the local scheduler) and sent by the real
// workers (CampaignBatchReady on the local bus, paced to SES_MAX_SEND_RATE) to the local SES
// endpoint. Prints the achieved send rate ÷ the configured rate, and the duplicates and misses
// counted from the SES store.

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createCampaign, getCampaign, scheduleCampaign } from '../../functions/campaigns/campaigns.js';
import { createSegment } from '../../functions/campaigns/segments.js';
import { runProgress } from '../../functions/campaigns/sending.js';
import { createTemplate } from '../../functions/campaigns/templates.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { consentItem, smsConsentItem } from '../support/subscriptions.js';
import { out } from './output.js';

const RECIPIENTS = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 10_000);
const RATE = Number(process.env.BENCH_CAMPAIGN_RATE ?? 50);
const SMS_RECIPIENTS = Number(process.env.BENCH_SMS_RECIPIENTS ?? 2_000);
const SMS_RATE = Number(process.env.BENCH_SMS_RATE ?? 20);

const version = {
  subject: 'Fırsat: {{name}}',
  html: '<p>Sayın {{name}}, {{offer.discount}} indirim.</p>',
  text: 'Sayın {{name}}, {{offer.discount}} indirim.',
};

/** The customers and their consent (every topic) on the channel, in batches of 25 puts. */
const seed = async (stack: LocalStack, tag: string, channel: Channel, recipients: number) => {
  const now = new Date().toISOString();
  const addresses = new Set<string>();
  const items = Array.from({ length: recipients }, (_, i) => {
    const customerId = newId();
    const email = `${tag}-${i}@example.com`;
    const phone = `+90555${String(1_000_000 + i).padStart(7, '0')}`;
    addresses.add(channel === 'sms' ? phone : email);
    return [
      customers.item({
        customerId,
        name: `Bench Müşteri ${i}`,
        email,
        emailKey: email,
        ...(channel === 'sms' ? { phone } : {}),
        language: 'tr',
        tags: [tag],
        createdAt: now,
        updatedAt: now,
      }),
      channel === 'sms' ? smsConsentItem(customerId, phone) : consentItem(customerId, email, 'granted'),
    ];
  }).flat();
  for (let i = 0; i < items.length; i += 25) {
    await stack.documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  return addresses;
};

type Channel = 'email' | 'sms';

export const benchCampaign = async (stack: LocalStack, channel: Channel = 'email') => {
  const tag = `bench-${channel}-${Date.now().toString(36)}`;
  const rateVariable = channel === 'sms' ? 'SMS_MAX_SEND_RATE' : 'SES_MAX_SEND_RATE';
  const rate = channel === 'sms' ? SMS_RATE : RATE;
  const recipients = channel === 'sms' ? SMS_RECIPIENTS : RECIPIENTS;
  const configured = { rate: process.env[rateVariable], quiet: process.env.QUIET_HOURS };
  process.env[rateVariable] = String(rate);
  // Texts wait out the night: the bench sends at whatever hour it is run.
  if (channel === 'sms') process.env.QUIET_HOURS = 'none';
  try {
    const seeding = performance.now();
    const addresses = await seed(stack, tag, channel, recipients);
    const seeded = (performance.now() - seeding) / 1000;

    const segment = await createSegment(
      { name: tag, filter: { tags: [tag] }, consent: { channel: 'email', topic: 'offers' } },
      'bench',
    );
    const template = await createTemplate({ name: tag, parts: { tr: version, en: version } }, 'bench');
    const at = new Date(Date.now() + 2000);
    const draft = await createCampaign(
      {
        name: tag,
        segmentId: segment.segmentId,
        templateId: template.templateId,
        topic: 'offers',
        channel,
        language: 'tr',
        schedule: { at: at.toISOString() },
        offer: { discount: '%10' },
      },
      'bench',
    );
    await scheduleCampaign(draft, 'bench');
    const fired = performance.now();
    await stack.scheduler.fireNow('campaigns.sweep-campaigns', new Date(at.getTime() + 1000));

    // Timed from the first look at `sending` (recipients materialised) to the run's end.
    let sendingFrom: number | undefined;
    let progress: Awaited<ReturnType<typeof runProgress>>;
    for (;;) {
      const campaign = await getCampaign(draft.campaignId);
      progress = campaign?.currentRunId
        ? await runProgress({ campaignId: draft.campaignId, runId: campaign.currentRunId })
        : undefined;
      if (progress?.status === 'sending') sendingFrom ??= performance.now();
      if (progress?.status === 'done' || progress?.status === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const ended = performance.now();
    await stack.settle();

    const mailed =
      channel === 'sms'
        ? ((await (await fetch(`${stack.urls.sms}/store`)).json()) as { messages: { to: string }[] }).messages
            .map((m) => m.to)
            .filter((to) => addresses.has(to))
        : (
            (await (await fetch(`${stack.urls.mail}/store`)).json()) as { emails: { destination: { to: string[] } }[] }
          ).emails
            .flatMap((m) => m.destination.to)
            .filter((to) => addresses.has(to));
    const distinct = new Set(mailed).size;
    const sendSeconds = (ended - (sendingFrom ?? fired)) / 1000;
    const achieved = progress.sent / sendSeconds;
    const what = channel === 'sms' ? 'SMS' : 'Campaign';
    out.log(
      `\n${what} send: ${recipients.toLocaleString('en')} consenting customers (seeded in ${seeded.toFixed(0)} s), ${rateVariable} ${rate}/s`,
    );
    out.table({
      'sweep → recipients materialised': {
        seconds: (((sendingFrom ?? ended) - fired) / 1000).toFixed(1),
        'per second': '',
      },
      'sending (materialised → run done)': { seconds: sendSeconds.toFixed(1), 'per second': achieved.toFixed(1) },
    });
    out.log(
      `${what} achieved send rate / configured rate: ${(achieved / rate).toFixed(2)}× (goal ≥ 0.95×, paced to stay at or under 1.00×)`,
    );
    out.log(
      `${channel === 'sms' ? 'SMS stand-in' : 'SES store'}: ${mailed.length} messages to ${distinct} of ${addresses.size} recipients → duplicates ${mailed.length - distinct}, misses ${addresses.size - distinct} (run: sent ${progress.sent}, skipped ${progress.skipped}, failed ${progress.failed})`,
    );
    return {
      achieved,
      ratio: achieved / rate,
      duplicates: mailed.length - distinct,
      misses: addresses.size - distinct,
    };
  } finally {
    for (const [name, value] of [
      [rateVariable, configured.rate],
      ['QUIET_HOURS', configured.quiet],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};
