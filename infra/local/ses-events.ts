// Local SES sending events: SES publishes a configuration set's events to EventBridge; locally
// `POST /_local/ses-events` (and `npm run ses-event`) builds the same event for a message in the local
// SES store and puts it on the local bus with source `aws.ses` and SES's detail-type and detail shape,
// so the same rule and consumer handle it. In AWS a rule forwards it from the default bus; the local
// runtime has only the crm bus, so it goes there directly.
import type { IncomingMessage } from 'node:http';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';

export const sesEventKinds = ['delivery', 'bounce', 'soft-bounce', 'complaint', 'open', 'click', 'reject'] as const;
export type SesEventKind = (typeof sesEventKinds)[number];

/** SES's names: the event's `eventType` and EventBridge detail-type. */
const kinds: Record<SesEventKind, { eventType: string; detailType: string }> = {
  delivery: { eventType: 'Delivery', detailType: 'Email Delivered' },
  bounce: { eventType: 'Bounce', detailType: 'Email Bounced' },
  'soft-bounce': { eventType: 'Bounce', detailType: 'Email Bounced' },
  complaint: { eventType: 'Complaint', detailType: 'Email Complaint Received' },
  open: { eventType: 'Open', detailType: 'Email Opened' },
  click: { eventType: 'Click', detailType: 'Email Clicked' },
  reject: { eventType: 'Reject', detailType: 'Email Rejected' },
};

export interface SentMessage {
  messageId: string;
  from: string;
  destination: string[];
  subject: string;
}

/** The `detail` SES publishes for one event about `message`, tagged as the send tagged it. */
export const sesEventDetail = (
  kind: SesEventKind,
  message: SentMessage,
  options: { configurationSet: string; campaignId?: string; now: Date },
) => {
  const timestamp = options.now.toISOString();
  const recipients = message.destination.map((emailAddress) => ({ emailAddress }));
  const { eventType } = kinds[kind];
  const parts: Record<SesEventKind, Record<string, unknown>> = {
    delivery: {
      delivery: {
        timestamp,
        recipients: message.destination,
        processingTimeMillis: 500,
        smtpResponse: '250 2.0.0 OK',
        reportingMTA: 'local',
      },
    },
    bounce: {
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: recipients.map((r) => ({
          ...r,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        })),
        timestamp,
        feedbackId: `local-${message.messageId}`,
      },
    },
    'soft-bounce': {
      bounce: {
        bounceType: 'Transient',
        bounceSubType: 'MailboxFull',
        bouncedRecipients: recipients,
        timestamp,
        feedbackId: `local-${message.messageId}`,
      },
    },
    complaint: {
      complaint: {
        complainedRecipients: recipients,
        timestamp,
        feedbackId: `local-${message.messageId}`,
        complaintFeedbackType: 'abuse',
      },
    },
    open: { open: { timestamp, userAgent: 'local', ipAddress: '127.0.0.1' } },
    click: {
      click: { timestamp, userAgent: 'local', ipAddress: '127.0.0.1', link: 'http://localhost/', linkTags: {} },
    },
    reject: { reject: { reason: 'Bad content' } },
  };
  return {
    eventType,
    mail: {
      timestamp,
      source: message.from,
      sendingAccountId: '000000000000',
      messageId: message.messageId,
      destination: message.destination,
      headersTruncated: false,
      commonHeaders: {
        from: [message.from],
        to: message.destination,
        messageId: message.messageId,
        subject: message.subject,
      },
      tags: {
        'ses:configuration-set': [options.configurationSet],
        ...(options.campaignId ? { campaign: [options.campaignId] } : {}),
      },
    },
    ...parts[kind],
  };
};

export interface SesEventRequest {
  type: SesEventKind;
  messageId: string;
  /** The local SES endpoint keeps no message tags: name the campaign the send tagged. */
  campaign?: string;
}

const readJson = (req: IncomingMessage) =>
  new Promise<unknown>((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch {
        resolve(undefined);
      }
    });
  });

const refused = (detail: string) => ({ status: 400, body: { code: 'validation-failed', detail } });

/** The `/_local/ses-events` control endpoint: finds the message in the SES store and publishes its event. */
export const sesEventControl =
  (options: { sesUrl: string; busName: string; configurationSet: string }) =>
  async (req: IncomingMessage, url: URL): Promise<{ status: number; body: unknown } | undefined> => {
    if (url.pathname !== '/_local/ses-events' || req.method !== 'POST') return undefined;
    const request = (await readJson(req)) as Partial<SesEventRequest> | undefined;
    if (!request || !sesEventKinds.includes(request.type as SesEventKind))
      return refused(`type must be one of ${sesEventKinds.join(', ')}`);
    if (typeof request.messageId !== 'string' || !request.messageId) return refused('messageId is required');
    if (request.campaign !== undefined && (typeof request.campaign !== 'string' || !request.campaign))
      return refused('campaign must be an id');
    const store = (await (await fetch(`${options.sesUrl}/store`)).json()) as {
      emails: { messageId: string; from: string; subject: string; destination: { to: string[] } }[];
    };
    const stored = store.emails.find((m) => m.messageId === request.messageId);
    if (!stored)
      return {
        status: 404,
        body: { code: 'not-found', detail: `No message ${request.messageId} in the local SES store` },
      };
    const message = {
      messageId: stored.messageId,
      from: stored.from,
      subject: stored.subject,
      destination: stored.destination.to,
    };
    const kind = request.type as SesEventKind;
    const detail = sesEventDetail(kind, message, {
      configurationSet: options.configurationSet,
      campaignId: request.campaign,
      now: new Date(),
    });
    const answer = await new EventBridgeClient({}).send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: options.busName,
            Source: 'aws.ses',
            DetailType: kinds[kind].detailType,
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    const entry = answer.Entries?.[0];
    if (!entry?.EventId)
      return {
        status: 502,
        body: { code: 'bad-gateway', detail: entry?.ErrorMessage ?? 'The local bus refused the event' },
      };
    return {
      status: 202,
      body: { eventId: entry.EventId, detailType: kinds[kind].detailType, messageId: message.messageId },
    };
  };
