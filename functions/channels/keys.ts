// The keys of channel preferences and SMS events in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> CHANNEL_PREFERENCE (one item per customer); SMS_EVENT#<messageId> <status>
// (a delivery event counted once, TTL).
import type { Key } from '../../shared/table.js';

export const channelsKeys = {
  channelPreference: (customerId: string): Key => ({ pk: `CUSTOMER#${customerId}`, sk: 'CHANNEL_PREFERENCE' }),
  smsEventMarker: (messageId: string, status: string): Key => ({ pk: `SMS_EVENT#${messageId}`, sk: status }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'channel-preference': true;
    'sms-event-marker': true;
  }
}
