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

// ---- templates ---------------------------------------------------------------------------------

export const escapeHtml = (value: unknown) =>
  String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Tagged template for HTML: every interpolated value is escaped; nested `safeHtml` output is not. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export const safeHtml = (strings: TemplateStringsArray, ...values: unknown[]) =>
  new SafeHtml(
    strings.reduce((out, part, i) => {
      const value = values[i - 1];
      const rendered = Array.isArray(value)
        ? value.map((v) => (v instanceof SafeHtml ? v.value : escapeHtml(v))).join('')
        : value instanceof SafeHtml
          ? value.value
          : escapeHtml(value);
      return out + rendered + part;
    }),
  );

/** The frame every HTML mail shares: readable on a phone, no remote images. */
export const mailLayout = (language: 'tr' | 'en', body: SafeHtml) =>
  safeHtml`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:600px;margin:0 auto;padding:16px">${body}</body></html>`.value;
