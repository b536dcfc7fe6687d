// Outgoing text messages through AWS End User Messaging SMS (SendTextMessage), from the registered
// sender ID and with the configuration set whose delivery events come back to the CRM. Locally the
// same client talks to the stand-in (AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2).
//
// Two kinds of send, like mail's:
// - `sendTransactionalSms`: what the person asked for or must be told (an order or case notice, a
//   one-time code, the confirmation of a refusal): no marketing consent needed.
// - `sendCommercialSms`: through the marketing gate (consent for this number and topic, the frequency
//   cap across channels, quiet hours), carrying the refusal instruction. At night it throws
//   `QuietHoursError`, while İYS cannot be reached `IysWaitError` (both `CommercialWaitError`): a caller
//   inside `sendOnce` has its claim released, so the text waits, not lost.
// Both return mail's `SendOutcome`, so `sendOnce` sends a text at most once per key as it does a mail,
// and a text to a customer (`customerId`; a commercial text always is) goes on their timeline as an
// `sms` activity in the transaction that records its outcome: every module's texts, logged once.

import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SegmentedMessage } from 'sms-segments-calculator';
import { clockNow } from './clock.js';
import { config } from './config.js';
import type { ConsentTopic } from './consent.js';
import { CommercialWaitError, IysWaitError, marketingGate, quietHoursEnd } from './gate.js';
import type { Language } from './language.js';
import { enterDelivery, type SendOutcome } from './mail.js';
import type { Named } from './messages.js';

export interface Sms {
  /** E.164. */
  to: string;
  text: string;
  /** Comes back on the message's delivery events. */
  context?: Record<string, string>;
  /** The customer it is to: the text is logged on their timeline when sent through `sendOnce`. */
  customerId?: string;
  /** What sent it (`notice:order`, `campaign:<id>`…), and what staff read on the timeline. */
  template?: string;
  subject?: string;
}

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the network counts them (an extension character of GSM 03.38 counts two). */
  characters: number;
  segments: number;
}

/**
 * How the network carries `text`: GSM 03.38 when every character is in it (160 in one segment, 153
 * per segment of a longer text), else UCS-2 (70, and 67 per segment) — one `ş` or `ı` turns the whole
 * text to UCS-2.
 */
export const smsLength = (text: string): SmsLength => {
  const message = new SegmentedMessage(text, 'auto');
  return { encoding: message.encodingName, characters: message.numberOfCharacters, segments: message.segmentsCount };
};

/** The estimated price of `segments` segments to `recipients` numbers, in kuruş. */
export const smsCost = (segments: number, recipients = 1) => segments * recipients * config.smsSegmentPriceMinor();

/**
 * The refusal instruction every commercial text ends with. Written without Turkish letters on
 * purpose: one `ı` would turn the whole text to UCS-2 and more than double its cost.
 */
export const refusalInstruction: Named = {
  tr: 'Ret icin RET yazip yanitlayin.',
  en: 'Reply STOP to opt out.',
};

/** The text a commercial message is sent as: the body, then the refusal instruction on its own line. */
export const commercialText = (text: string, language: Language) => `${text}\n${refusalInstruction[language]}`;

let client: PinpointSMSVoiceV2Client | undefined;
const sms = () => {
  client ??= new PinpointSMSVoiceV2Client({ maxAttempts: 6, retryMode: 'adaptive' });
  return client;
};

const deliver = async (message: Sms, type: 'TRANSACTIONAL' | 'PROMOTIONAL'): Promise<SendOutcome> => {
  await enterDelivery();
  const sent = await sms().send(
    new SendTextMessageCommand({
      DestinationPhoneNumber: message.to,
      OriginationIdentity: config.smsSenderId(),
      MessageBody: message.text,
      MessageType: type,
      ConfigurationSetName: config.smsConfigurationSet(),
      ...(message.context ? { Context: message.context } : {}),
    }),
  );
  if (!sent.MessageId) throw new Error('The SMS service answered without a message id');
  const { customerId } = message;
  const log = customerId && {
    kind: 'sms' as const,
    customerId,
    template: message.template ?? 'untemplated',
    subject: message.subject ?? 'SMS',
    sentAt: clockNow().toISOString(),
    segments: smsLength(message.text).segments,
  };
  return { status: 'sent', messageId: sent.MessageId, ...(log ? { log } : {}) };
};

export const sendTransactionalSms = (message: Sms) => deliver(message, 'TRANSACTIONAL');

/** A commercial text asked for in the quiet hours: it may go from `until`. */
export class QuietHoursError extends CommercialWaitError {
  constructor(until: Date) {
    super(until, `Commercial texts wait for the end of the quiet hours (${until.toISOString()})`);
    this.name = 'QuietHoursError';
  }
}

export interface CommercialSmsScope {
  customerId: string;
  topic: ConsentTopic;
  language: Language;
  campaignId?: string;
}

export const sendCommercialSms = async (
  message: Sms,
  scope: CommercialSmsScope,
  now = clockNow(),
): Promise<SendOutcome> => {
  const refused = await marketingGate(
    {
      customerId: scope.customerId,
      channel: 'sms',
      address: message.to,
      topic: scope.topic,
      campaignId: scope.campaignId,
    },
    now,
  );
  if (refused === 'quiet-hours') throw new QuietHoursError(quietHoursEnd(now));
  if (refused === 'iys-unreachable') throw new IysWaitError(now);
  if (refused) return { status: 'skipped', reason: refused };
  return deliver(
    {
      ...message,
      customerId: message.customerId ?? scope.customerId,
      template: message.template ?? (scope.campaignId ? `campaign:${scope.campaignId}` : scope.topic),
      text: commercialText(message.text, scope.language),
      context: { ...message.context, ...(scope.campaignId ? { campaign: scope.campaignId } : {}) },
    },
    'PROMOTIONAL',
  );
};
