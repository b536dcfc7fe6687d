// Helpers for the quote end-to-end suites: callers, a customer to quote, mail links, and time travel
// for the sweeps (the tests move a quote's validity into the past in the table, as time would).

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { catalogue, isDetailType } from '../../functions/event-table.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import type { Language } from '../../shared/language.js';
import { keys as tableKeys } from '../../shared/table.js';
import {
  allMail,
  api,
  captureLead,
  getLead,
  localControlHeaders,
  type StoredMail,
  settle,
  uniquePerson,
} from './e2e.js';

export const quoteKeys = () => inject('quoteKeys');

export interface Reply<T = Record<string, unknown>> {
  status: number;
  type: string;
  body: T;
  text: string;
  /** The Location header, when the answer names one. */
  location?: string;
}

/** Any call with a bearer key; the body as JSON when it is an object, as given when it is a string. */
export const call = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  key: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> => {
  const response = await fetch(`${api()}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a page or a file
  }
  const location = response.headers.get('location') ?? undefined;
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: parsed as T,
    text,
    ...(location ? { location } : {}),
  };
};

export interface ImportJobView {
  jobId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows: number;
  rowsDone: number;
  counts: Record<string, number>;
  failure?: { en: string; tr: string };
}

/**
 * A file imported: POSTed (202 with the job and its Location), then the job read at its Location until it
 * is done or failed, as a caller waiting for it would. A refusal answers as it came, with no job.
 */
export const importFile = async (path: string, key: string, body: unknown, headers: Record<string, string> = {}) => {
  const posted = await call<ImportJobView>('POST', path, key, body, headers);
  if (posted.status !== 202 || !posted.location) return { posted, job: undefined };
  let job = posted.body;
  for (let tries = 0; tries < 600 && (job.status === 'queued' || job.status === 'running'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await call<ImportJobView>('GET', posted.location, key)).body;
  }
  return { posted, job };
};

export interface QuoteView {
  quoteId: string;
  customerId: string;
  ownerId: string;
  status: string;
  version: number;
  seq: number;
  currency: string;
  language: string;
  totals: { grandTotal: { amount: number; currency: string }; discountBp: number; netTotal: { amount: number } };
  grandTotalTry: { amount: number; currency: string };
  lines: { sku: string; quantity: number; net: { amount: number } }[];
  approvalSteps?: { role: string; ruleIds: string[] }[];
  approval?: { steps: number; approved: number };
  mailedAt?: string;
  orderId?: string;
  order?: { orderId: string; currency: string; lines: { sku: string }[]; totals: { grandTotal: { amount: number } } };
  rejection?: { reason: string };
}

/** What routes a demo lead to each rep (the demo assignment rules): reps quote only customers they may see. */
const routedTo = { 'rep-ayse': { city: 'Kocaeli' }, 'rep-john': { productInterest: 'export' } } as const;

/** A new customer the way customers arrive: a lead from the web form, assigned to each of `reps`. */
export const newCustomer = async (
  tag: string,
  language: Language = 'tr',
  reps: (keyof typeof routedTo)[] = ['rep-ayse'],
) => {
  const person = uniquePerson(tag);
  let customerId = '';
  for (const rep of reps) {
    const { leadId } = await captureLead({
      name: person.name,
      email: person.email,
      company: `${tag} Makina A.Ş.`,
      language,
      ...routedTo[rep],
    });
    customerId = (await getLead(leadId)).customerId;
  }
  await settle();
  return { ...person, customerId };
};

/** A call the call center logs whose customer asks to be called back at `callbackAt`; it took three minutes from `startedAt`. */
export const callbackCall = (startedAt: Date, callbackAt: Date) => ({
  kind: 'call',
  direction: 'in',
  startedAt: startedAt.toISOString(),
  endedAt: new Date(startedAt.getTime() + 3 * 60_000).toISOString(),
  outcome: 'callback-requested',
  callbackAt: callbackAt.toISOString(),
});

export const createQuote = async (key: string, body: Record<string, unknown>) => {
  const created = await call<QuoteView>('POST', '/quotes', key, body);
  if (created.status !== 201) throw new Error(`POST /quotes: ${created.status} ${created.text}`);
  return created.body;
};

export const getQuote = async (quoteId: string, key = quoteKeys().manager) => {
  const found = await call<QuoteView>('GET', `/quotes/${quoteId}`, key);
  if (found.status !== 200) throw new Error(`GET /quotes/${quoteId}: ${found.status} ${found.text}`);
  return found.body;
};

/** A problem's fields, present when the call was refused. */
export interface ProblemFields {
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export const act = (quoteId: string, action: string, key: string, body: Record<string, unknown> = {}) =>
  call<QuoteView & ProblemFields>('POST', `/quotes/${quoteId}/${action}`, key, body);

/** Links to `path` in a mail's text part, in order. */
export const linksIn = (mail: StoredMail | undefined, path: string) =>
  [...(mail?.body.text ?? '').matchAll(/https?:\/\/\S+/g)]
    .map((m) => m[0])
    .filter((url) => new URL(url).pathname === path);

export interface MailWithAttachments extends StoredMail {
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** The quotes a customer was sent (in either language), oldest first. */
export const quoteMailsTo = async (address: string) =>
  ((await allMail()) as MailWithAttachments[]).filter(
    (m) =>
      m.destination.to.some((t) => t.toLowerCase() === address.toLowerCase()) &&
      (m.subject.startsWith('Teklifimiz') || m.subject.startsWith('Our quotation')),
  );

/** Mail about one quote (its short number in the subject), to one address. */
export const quoteMail = async (to: string, quoteId: string) =>
  (await allMail()).filter(
    (m) =>
      m.destination.to.some((t) => t.toLowerCase() === to.toLowerCase()) &&
      m.subject.includes(`Q-${quoteId.slice(-8)}`),
  );

export interface StoredEvent {
  id: string;
  'detail-type': string;
  source: string;
  detail: Record<string, unknown>;
}

/** The quote's events in the order they were written (event ids are monotonic ULIDs). */
export const eventsOf = async (quoteId: string) =>
  ((await (await fetch(`${api()}/_local/events`, { headers: localControlHeaders })).json()) as StoredEvent[])
    .filter((e) => e.detail.quoteId === quoteId || e.detail.orderId === quoteId)
    .sort((a, b) => String(a.detail.eventId).localeCompare(String(b.detail.eventId)));

/** Every event must be one its catalogue schema accepts, from the source the catalogue names. */
export const expectCatalogued = (events: StoredEvent[]) => {
  for (const event of events) {
    const type = event['detail-type'];
    if (!isDetailType(type)) throw new Error(`${type} is not in the catalogue`);
    if (event.source !== catalogue[type].source) throw new Error(`${type} came from ${event.source}`);
    catalogue[type].detail.parse(event.detail);
  }
};

export const approvalPage = (url: string) => fetch(url).then(async (r) => ({ status: r.status, html: await r.text() }));

/** Posts the page's form as a browser would. */
export const submitLinkForm = async (url: string, fields: Record<string, string> = {}) => {
  const target = new URL(url);
  const token = target.searchParams.get('token') ?? '';
  const response = await fetch(`${target.origin}${target.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, ...fields }).toString(),
  });
  return { status: response.status, html: await response.text() };
};

export const outcomeOf = (html: string) => html.match(/data-outcome="([^"]+)"/)?.[1];

/** A document client on the local stack's table, for moving items in time. */
export const table = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: inject('dynamodb'),
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );

/**
 * Time travel: the quote's validity (and its place in the expiry queue) moves `days` into the past,
 * and its follow-up falls due now, as if the days had passed.
 */
export const backdate = async (quote: { customerId: string; quoteId: string }, days: number) => {
  const client = table();
  const head = (
    await client.send(
      new GetCommand({ TableName: 'pusula', Key: quoteApprovalKeys.quote(quote.customerId, quote.quoteId) }),
    )
  ).Item!;
  const validUntil = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const expiresAt = new Date(Date.parse(`${validUntil}T21:00:00Z`)).toISOString();
  await client.send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: quoteApprovalKeys.quote(quote.customerId, quote.quoteId),
      UpdateExpression: 'SET validUntil = :d, expiresAt = :e',
      ExpressionAttributeValues: { ':d': validUntil, ':e': expiresAt },
    }),
  );
  // The quote's queue placements, re-placed at the new due instants (their index keys follow).
  const due = async (queue: 'quote-expiry' | 'quote-follow-up', at: string) => {
    const placement = tableKeys.queueItem(quoteApprovalKeys.quote(quote.customerId, quote.quoteId), queue);
    const item = (await client.send(new GetCommand({ TableName: 'pusula', Key: placement }))).Item;
    if (!item) return;
    await client.send(
      new PutCommand({ TableName: 'pusula', Item: { ...item, ...tableKeys.dueIn(queue, at, quote.quoteId), at } }),
    );
  };
  await due('quote-expiry', expiresAt);
  await due('quote-follow-up', new Date(Date.now() - 60_000).toISOString());
  return { head, validUntil };
};

/** Fires a schedule now, or as if at `at` (an injected clock: the sweep runs as of then). */
export const fireSchedule = async (name: string, at?: Date) => {
  const when = at ? `?at=${encodeURIComponent(at.toISOString())}` : '';
  const response = await fetch(`${api()}/_local/schedules/${encodeURIComponent(name)}/fire${when}`, {
    method: 'POST',
    headers: localControlHeaders,
  });
  if (!response.ok) throw new Error(`firing ${name}: ${response.status} ${await response.text()}`);
  await settle();
};

export const staffMail = {
  'rep-ayse': 'ayse.rep@example.com',
  'rep-john': 'john.rep@example.com',
  'mgr-zeynep': 'zeynep.manager@example.com',
  'mgr-selin': 'selin.manager@example.com',
  'dir-kemal': 'kemal.director@example.com',
} as const;
