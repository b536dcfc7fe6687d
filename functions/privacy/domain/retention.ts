// Retention (KVKK art. 7, and the firm's own retention policy): who has been kept long enough. A
// lead-only person (no quote, order, case, request, opportunity or loyalty account) is due after
// `leadInactiveDays` without activity; a customer with a relationship after `customerInactiveDays`.
// Activity is the newest time any item of the partition was created, changed or happened. Due AT the
// age exactly. Pure: no AWS, no clock.
import { DAY_MS } from '../../../shared/time.js';

export interface RetentionRules {
  leadInactiveDays: number;
  customerInactiveDays: number;
}

/** Two years for a lead nobody followed up; ten for a customer (commercial law keeps books ten years). */
export const defaultRetentionRules: RetentionRules = { leadInactiveDays: 730, customerInactiveDays: 3650 };

/** Item types that make a person a customer with a relationship rather than a lead. */
const RELATIONSHIP_TYPES = new Set(['quote', 'order', 'case', 'request', 'opportunity', 'loyalty-account']);

const TIME_FIELDS = ['updatedAt', 'occurredAt', 'createdAt', 'at'] as const;

export interface RetentionCandidate {
  customerId: string;
  kind: 'lead' | 'customer';
  lastActivityAt: string;
  inactiveDays: number;
}

/** The newest time in the partition's items (ISO strings compare in order). */
export const lastActivity = (items: readonly Record<string, unknown>[]) => {
  let newest = '';
  for (const item of items) {
    for (const field of TIME_FIELDS) {
      const value = item[field];
      if (typeof value === 'string' && Number.isFinite(Date.parse(value)) && value > newest) newest = value;
    }
  }
  return newest || undefined;
};

/** The person as a retention candidate, or undefined when they are not due yet (or hold no profile). */
export const retentionCandidate = (
  items: readonly Record<string, unknown>[],
  rules: RetentionRules,
  now: Date,
): RetentionCandidate | undefined => {
  const profile = items.find((item) => item.type === 'customer');
  const at = lastActivity(items);
  if (!profile || !at) return undefined;
  const kind = items.some((item) => RELATIONSHIP_TYPES.has(String(item.type))) ? 'customer' : 'lead';
  const days = kind === 'lead' ? rules.leadInactiveDays : rules.customerInactiveDays;
  const inactiveMs = now.getTime() - Date.parse(at);
  if (inactiveMs < days * DAY_MS) return undefined;
  return {
    customerId: String(profile.customerId),
    kind,
    lastActivityAt: at,
    inactiveDays: Math.floor(inactiveMs / DAY_MS),
  };
};
