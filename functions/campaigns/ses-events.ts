// SES sending events → suppression and campaign stats. A hard bounce or a complaint suppresses the
// address for every later mail, transactional too (shared/suppression.ts); each event counts once
// into its campaign's stats: a marker keyed by the event's id and type is written in the same
// transaction as the increment, so a redelivery or a replay within the marker's life counts nothing.

import { clockNow } from '../../shared/clock.js';
import { putNew, transact } from '../../shared/db.js';
import { suppress } from '../../shared/suppression.js';
import type { ItemType } from '../../shared/table.js';
import { DAY_MS } from '../../shared/time.js';
import type { SesEventFacts } from './domain/ses-events.js';
import { campaignsKeys } from './keys.js';
import { countInto } from './reports.js';

/** Longer than EventBridge's 24 h of redelivery; an archive replay of older events would count them again. */
const MARKER_TTL_MS = 30 * DAY_MS;

export const recordSesEvent = async (facts: SesEventFacts, now = clockNow()) => {
  for (const { address, reason } of facts.suppress) await suppress(address, reason, now);
  if (!facts.campaignId || !facts.stat) return { counted: false, suppressed: facts.suppress.length };
  const counted = await transact([
    putNew({
      ...campaignsKeys.sesEventMarker(facts.eventId, facts.eventType),
      type: 'ses-event-marker' satisfies ItemType,
      campaignId: facts.campaignId,
      expiresAt: Math.floor((now.getTime() + MARKER_TTL_MS) / 1000),
    }),
    countInto(facts.campaignId, facts.stat),
  ]);
  return { counted: counted.ok, suppressed: facts.suppress.length };
};
