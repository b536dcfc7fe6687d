// Outgoing mail: MIME built by nodemailer's composer, sent raw through SES so custom headers
// (List-Unsubscribe, attachments) survive. Throttling is retried with backoff: SES drops a throttled message.
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { config } from './config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

let ses: SESClient | undefined;
const client = () => {
  ses ??= new SESClient({ maxAttempts: 6, retryMode: 'adaptive' });
  return ses;
};

export const composeMime = (mail: Mail, from = config.mailFrom()): Promise<Buffer> =>
  new MailComposer({
    from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments,
  })
    .compile()
    .build();

/** Returns the SES message id. */
export const sendMail = async (mail: Mail): Promise<string> => {
  const raw = await composeMime(mail);
  const sent = await client().send(
    new SendRawEmailCommand({
      RawMessage: { Data: raw },
      ConfigurationSetName: config.sesConfigurationSet(),
    }),
  );
  return sent.MessageId ?? '';
};
