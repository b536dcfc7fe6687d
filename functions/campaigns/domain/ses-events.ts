// SES sending events as the configuration set publishes them to EventBridge (source `aws.ses`): what
// each one means here — which campaign stat it counts, which addresses it suppresses. No AWS here.
import * as z from '../../../shared/schema.js';
import type { SuppressionReason } from '../../../shared/suppression.js';

/** A campaign's counters that SES events feed (`unsubscribed` comes from the unsubscribe links). */
export const campaignStats = [
  'delivered',
  'bounced',
  'soft-bounced',
  'complained',
  'rejected',
  'opened',
  'clicked',
  'unsubscribed',
] as const;
export type CampaignStat = (typeof campaignStats)[number];

const recipients = z.array(z.looseObject({ emailAddress: z.string() }));

/** The parts of an SES event detail this use case reads; SES adds more, which pass untouched. */
const sesDetail = z.looseObject({
  eventType: z.string(),
  mail: z.looseObject({
    messageId: z.string(),
    destination: z.optional(z.array(z.string())),
    /** Message tags: each name maps to its values (SES adds its own `ses:*` tags). */
    tags: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
  bounce: z.optional(z.looseObject({ bounceType: z.string(), bouncedRecipients: recipients })),
  complaint: z.optional(z.looseObject({ complainedRecipients: recipients })),
});

export const sesEventSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: sesDetail,
});
export type SesEvent = z.infer<typeof sesEventSchema>;

export interface SesEventFacts {
  /** EventBridge's id for the event: the same on every redelivery, so counting keys on it. */
  eventId: string;
  eventType: string;
  messageId: string;
  campaignId?: string;
  /** The stat the event counts, if any (a send or a delay counts nothing). */
  stat?: CampaignStat;
  /** Addresses no mail may reach any more: a hard bounce's or a complaint's recipients. */
  suppress: { address: string; reason: SuppressionReason }[];
}

const statOf = (detail: SesEvent['detail']): CampaignStat | undefined => {
  switch (detail.eventType) {
    case 'Delivery':
      return 'delivered';
    case 'Bounce':
      // Only a hard bounce is one in SES's bounce rate; a soft one (mailbox full) is counted apart.
      return detail.bounce?.bounceType === 'Permanent' ? 'bounced' : 'soft-bounced';
    case 'Complaint':
      return 'complained';
    case 'Reject':
      return 'rejected';
    case 'Open':
      return 'opened';
    case 'Click':
      return 'clicked';
    default:
      return undefined;
  }
};

/** Reads an SES event; throws (a producer bug: the event lands in the DLQ) when it is not one. */
export const parseSesEvent = (event: unknown, campaignTag: string): SesEventFacts => {
  const { id, detail } = sesEventSchema.parse(event);
  const hardBounce = detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent';
  const suppress = [
    ...(hardBounce
      ? (detail.bounce?.bouncedRecipients ?? []).map((r) => ({
          address: r.emailAddress,
          reason: 'hard-bounce' as const,
        }))
      : []),
    ...(detail.eventType === 'Complaint'
      ? (detail.complaint?.complainedRecipients ?? []).map((r) => ({
          address: r.emailAddress,
          reason: 'complaint' as const,
        }))
      : []),
  ];
  const campaignId = detail.mail.tags?.[campaignTag]?.[0];
  const stat = statOf(detail);
  return {
    eventId: id,
    eventType: detail.eventType,
    messageId: detail.mail.messageId,
    ...(campaignId ? { campaignId } : {}),
    ...(stat ? { stat } : {}),
    suppress,
  };
};
