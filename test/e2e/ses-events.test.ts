// The local SES event injector end to end: a real marketing mail's message id, the event published
// to the local bus as SES would, the consumer suppressing the address and counting the campaign.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { campaignsKeys } from '../../functions/campaigns/keys.js';
import { keys } from '../../shared/table.js';
import { api, localControlHeaders, recentEvents, settle } from '../support/e2e.js';
import { futureDay, greetedCustomer, readItem } from '../support/subscriptions-e2e.js';

const inject = (body: Record<string, string>, headers: Record<string, string> = localControlHeaders) =>
  fetch(`${api()}/_local/ses-events`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('local SES events', () => {
  it('a hard bounce from the injector suppresses the address and counts once for the campaign; the CLI publishes a delivery', async () => {
    const greeted = await greetedCustomer('ses', 'tr', futureDay(42));
    const campaign = `e2e-${greeted.customerId}`;
    const bounced = await inject({ type: 'bounce', messageId: greeted.mail.messageId, campaign });
    expect(bounced.status).toBe(202);
    const { eventId } = (await bounced.json()) as { eventId: string };

    const cli = await promisify(execFile)(
      'npx',
      ['tsx', 'infra/local/ses-event.ts', 'delivery', greeted.mail.messageId, '--campaign', campaign],
      {
        env: { ...process.env, PUSULA_PORT: new URL(api()).port },
      },
    );
    expect(JSON.parse(cli.stdout)).toMatchObject({ detailType: 'Email Delivered', messageId: greeted.mail.messageId });
    await settle();

    const event = (await recentEvents()).find((e) => (e as { id?: string }).id === eventId);
    expect(event).toMatchObject({ source: 'aws.ses', 'detail-type': 'Email Bounced' });
    expect(event?.detail).toMatchObject({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: greeted.email }] },
      mail: { messageId: greeted.mail.messageId, destination: [greeted.email], tags: { campaign: [campaign] } },
    });
    expect((await readItem(keys.suppression(greeted.email)))?.reason).toBe('hard-bounce');
    expect((await readItem(campaignsKeys.campaignStats(campaign, 'bounced')))?.count).toBe(1);
    expect((await readItem(campaignsKeys.campaignStats(campaign, 'delivered')))?.count).toBe(1);
  });

  it('refuses an unknown message, an unknown type, and a request without the local header', async () => {
    expect((await inject({ type: 'bounce', messageId: 'no-such-message' })).status).toBe(404);
    expect((await inject({ type: 'explode', messageId: 'x' })).status).toBe(400);
    expect((await inject({ type: 'bounce', messageId: 'x' }, {})).status).toBe(403);
  });
});
