import { describe, expect, it } from 'vitest';
import { parseSesEvent } from '../../functions/campaigns/domain/ses-events.js';
import { type SesEventKind, sesEventDetail } from '../../infra/local/ses-events.js';

/** An SES bounce as EventBridge delivers it (the shape of AWS's documented example, invented addresses). */
const awsBounce = {
  version: '0',
  id: '9d1a5c2e-0000-4c1b-9e8f-111122223333',
  'detail-type': 'Email Bounced',
  source: 'aws.ses',
  account: '123456789012',
  time: '2026-11-29T10:00:00Z',
  region: 'eu-central-1',
  resources: ['arn:aws:ses:eu-central-1:123456789012:configuration-set/pusula'],
  detail: {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'ece.yilmaz@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      timestamp: '2026-11-29T10:00:00.000Z',
      feedbackId: 'fb-1',
      reportingMTA: 'dsn; a8-1.smtp-out.amazonses.com',
    },
    mail: {
      timestamp: '2026-11-29T09:59:58.000Z',
      source: 'crm@firma.com.tr',
      sendingAccountId: '123456789012',
      messageId: 'msg-1',
      destination: ['ece.yilmaz@example.com'],
      headersTruncated: false,
      tags: { 'ses:configuration-set': ['pusula'], campaign: ['01KCAMPAIGN'] },
    },
  },
};

const local = (kind: SesEventKind, campaignId?: string) => ({
  ...awsBounce,
  'detail-type': 'local',
  detail: sesEventDetail(
    kind,
    { messageId: 'm-2', from: 'crm@example.com', subject: 's', destination: ['can@example.com'] },
    { configurationSet: 'pusula-local', campaignId, now: new Date() },
  ),
});

describe('SES event parsing', () => {
  it('reads a hard bounce: counted as bounced for its campaign tag, its recipient suppressed', () => {
    expect(parseSesEvent(awsBounce, 'campaign')).toEqual({
      eventId: awsBounce.id,
      eventType: 'Bounce',
      messageId: 'msg-1',
      campaignId: '01KCAMPAIGN',
      stat: 'bounced',
      suppress: [{ address: 'ece.yilmaz@example.com', reason: 'hard-bounce' }],
    });
  });

  it('counts a soft bounce apart and suppresses nobody', () => {
    const facts = parseSesEvent(local('soft-bounce', 'c1'), 'campaign');
    expect(facts.stat).toBe('soft-bounced');
    expect(facts.suppress).toEqual([]);
  });

  it('suppresses a complaint’s recipients and maps every counted type to its stat', () => {
    expect(parseSesEvent(local('complaint'), 'campaign').suppress).toEqual([
      { address: 'can@example.com', reason: 'complaint' },
    ]);
    const stats = (['delivery', 'open', 'click', 'reject'] as const).map(
      (kind) => parseSesEvent(local(kind, 'c1'), 'campaign').stat,
    );
    expect(stats).toEqual(['delivered', 'opened', 'clicked', 'rejected']);
  });

  it('has no campaign when the message carried no campaign tag, and counts nothing for a send', () => {
    const facts = parseSesEvent(local('delivery'), 'campaign');
    expect(facts.campaignId).toBeUndefined();
    const sent = { ...awsBounce, detail: { eventType: 'Send', send: {}, mail: awsBounce.detail.mail } };
    expect(parseSesEvent(sent, 'campaign').stat).toBeUndefined();
  });

  it('refuses what is not an SES event (another source, or no mail)', () => {
    expect(() => parseSesEvent({ ...awsBounce, source: 'crm.leads' }, 'campaign')).toThrow();
    expect(() => parseSesEvent({ ...awsBounce, detail: { eventType: 'Bounce' } }, 'campaign')).toThrow();
  });
});
