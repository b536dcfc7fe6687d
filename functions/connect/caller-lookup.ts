// Amazon Connect's "who is calling": a contact flow invokes the function with the caller's number at
// Details.ContactData.CustomerEndpoint.Address and gets flat string attributes back within its limit of
// 8 seconds. The lookup is the call center's own (functions/customer-record), run as the call center: an
// agent reaches every customer.

import { config } from '../../shared/config.js';
import { toE164 } from '../../shared/contact.js';
import type { Actor } from '../../shared/http.js';
import { loggedLookupMatches } from '../customer-record/public.js';
import { customerViewerOf } from '../customers/public.js';
import { type CallerAttributes, type CallerMatch, callerAttributes, queues } from './domain/caller-attributes.js';

/** The part of Connect's contact flow event the lookup reads (the whole shape: Connect's documentation). */
export interface ContactFlowEvent {
  Name?: string;
  Details?: {
    ContactData?: {
      ContactId?: string;
      Channel?: string;
      CustomerEndpoint?: { Address?: string; Type?: string } | null;
    };
    Parameters?: Record<string, string>;
  };
}

/** Whom the lookup runs as: the call center, which answers any caller. */
export const connectActor: Actor = {
  keyId: 'amazon-connect',
  userId: 'amazon-connect',
  role: 'agent',
  scopes: ['customers:read'],
};

/** Customers listed per match at most: a count past it is answered as `20+`. */
const CAP = 20;
/** Connect waits 8 s at most: past this the flow gets the unknown caller's answer rather than an error. */
export const answerWithinMs = 6000;

export type Lookup = (e164: string) => Promise<CallerMatch[]>;

/** How the read log names Connect's lookup: no route of the API, the contact flow's function. */
export const connectLookupRoute = { method: 'CONNECT', path: 'caller lookup' } as const;

/**
 * The callers found, each logged as read by Connect before the flow sees them (KVKK: who reached whom);
 * Connect reaches every caller, so the entries are written beside the read.
 */
export const crmLookup: Lookup = async (phone) =>
  (await loggedLookupMatches(
    connectActor,
    connectLookupRoute,
    await customerViewerOf(connectActor),
    { phone },
    CAP,
  )) as CallerMatch[];

export const answerCaller = async (
  event: ContactFlowEvent,
  lookup: Lookup = crmLookup,
  consoleUrl = config.consoleUrl(),
  withinMs = answerWithinMs,
): Promise<CallerAttributes> => {
  const endpoint = event.Details?.ContactData?.CustomerEndpoint;
  const phone = endpoint?.Type === 'TELEPHONE_NUMBER' || !endpoint?.Type ? toE164(endpoint?.Address ?? '') : undefined;
  if (!phone) return callerAttributes('no-number', consoleUrl);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), withinMs);
  });
  try {
    const matches = await Promise.race([lookup(phone), late]);
    if (matches === 'late') return { ...callerAttributes({ matches: [] }, consoleUrl), lookupResult: 'timeout' };
    return callerAttributes({ matches }, consoleUrl);
  } finally {
    clearTimeout(timer);
  }
};

export { queues };
