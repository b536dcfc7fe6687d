// What the SMS service publishes to the CRM's SMS topic: the configuration set's delivery events and
// the replies texted to the sender's number. A delivery event becomes `SmsStatusReported` on the bus,
// once per message and status (a marker in the same transaction, so SNS redelivering it adds nothing).
// A reply whose first word is a refusal keyword withdraws that number's consent for texts at once, for
// every customer holding the number, and is confirmed by one text — only when it withdrew something,
// so a second STOP sends no second confirmation.

import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { withdrawConsent } from '../../shared/consent.js';
import { toE164 } from '../../shared/contact.js';
import { getCustomer, holdersOf } from '../../shared/customer.js';
import { putNew, transact } from '../../shared/db.js';
import { onceKey, sendOnce } from '../../shared/mail.js';
import type { Named } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { sendTransactionalSms } from '../../shared/sms.js';
import { catalogue } from '../event-table.js';
import { isRefusal } from './domain/keywords.js';
import { channelsKeys } from './keys.js';

const MARKER_TTL_SECONDS = 7 * 24 * 3600;

/** The confirmation of a refusal, without Turkish letters (one text in GSM 03.38, like the instruction). */
export const refusalConfirmation: Named = {
  tr: 'Ticari ileti izniniz kaldirildi; bu numaraya kampanya mesaji gonderilmeyecek.',
  en: 'You have opted out: no more marketing texts will be sent to this number.',
};

interface DeliveryEvent {
  eventType: string;
  messageId: string;
  messageStatus?: string;
  totalMessageParts?: number;
  context?: Record<string, string>;
}

interface InboundMessage {
  originationNumber: string;
  messageBody: string;
  inboundMessageId: string;
}

const isDelivery = (m: Record<string, unknown>): m is DeliveryEvent & Record<string, unknown> =>
  typeof m.eventType === 'string' && m.eventType.startsWith('TEXT_') && typeof m.messageId === 'string';

const isInbound = (m: Record<string, unknown>): m is InboundMessage & Record<string, unknown> =>
  typeof m.originationNumber === 'string' &&
  typeof m.messageBody === 'string' &&
  typeof m.inboundMessageId === 'string';

const reportDelivery = async (event: DeliveryEvent, now: Date) => {
  const status = event.messageStatus ?? event.eventType.replace(/^TEXT_/, '');
  const { campaign: campaignId, run: runId, customer: customerId } = event.context ?? {};
  await transact([
    putNew({
      ...channelsKeys.smsEventMarker(event.messageId, status),
      type: 'sms-event-marker',
      expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS,
    }),
    outboxPut(
      catalogue.SmsStatusReported,
      {
        messageId: event.messageId,
        status,
        ...(event.totalMessageParts !== undefined ? { segments: event.totalMessageParts } : {}),
        ...(campaignId ? { campaignId } : {}),
        ...(runId ? { runId } : {}),
        ...(customerId ? { customerId } : {}),
      },
      now,
    ),
  ]);
  return 'delivery';
};

/** A reply: a refusal withdraws the number's consent for texts and is confirmed once; anything else is ignored. */
export const handleReply = async (message: InboundMessage, now = clockNow()) => {
  const number = toE164(message.originationNumber);
  if (!number || !isRefusal(message.messageBody)) return 'ignored';
  const holders = [...new Set((await holdersOf({ phone: number })).map((h) => h.customerId))];
  let withdrew: string | undefined;
  for (const customerId of holders) {
    const { withdrawn } = await withdrawConsent(
      { customerId, channel: 'sms', address: number, topic: 'all', via: 'sms-reply' },
      config.marketingTopics(),
      [],
      now,
    );
    if (withdrawn) withdrew ??= customerId;
  }
  if (!withdrew) return 'already-refused';
  const language = (await getCustomer(withdrew))?.language ?? 'tr';
  await sendOnce(onceKey('sms-refusal', message.inboundMessageId), () =>
    sendTransactionalSms({ to: number, text: refusalConfirmation[language] }),
  );
  return 'refused';
};

/** One SNS message from the SMS topic. */
export const handleSmsTopicMessage = async (raw: string, now = clockNow()) => {
  let message: Record<string, unknown>;
  try {
    message = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return 'unreadable';
  }
  if (isDelivery(message)) return reportDelivery(message, now);
  if (isInbound(message)) return handleReply(message, now);
  return 'unknown';
};
