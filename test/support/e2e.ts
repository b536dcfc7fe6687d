// Helpers for end-to-end tests against the local stack over real HTTP.
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localControlHeaders } from '../../infra/local/local-control.js';

/** The header every call to a `/_local/*` control endpoint carries. */
export { localControlHeaders };

import type { Language } from '../../shared/language.js';

export const api = () => inject('api');
export const keys = () => inject('keys');

export const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    redirect: 'manual',
  });

export const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${api()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

export const get = (path: string, key?: string) =>
  fetch(`${api()}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Waits until every outbox item is relayed and every consumer (and what it caused) has run. */
export const settle = async () => {
  const response = await fetch(`${api()}/_local/settle`, { method: 'POST', headers: localControlHeaders });
  if (!response.ok) throw new Error(`settle failed: ${response.status}`);
};

export interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export const mailTo = async (address: string): Promise<StoredMail[]> => {
  const store = (await (await fetch(`${inject('mail')}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((m) => m.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()));
};

export const recentEvents = async () =>
  (await (await fetch(`${api()}/_local/events`, { headers: localControlHeaders })).json()) as {
    'detail-type': string;
    source: string;
    detail: Record<string, unknown>;
  }[];

const tableClient = () =>
  new DynamoDBClient({
    endpoint: inject('dynamodb'),
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Every item in the table, idempotency records and outbox included: the "wrote nothing" oracle. */
export const tableItemCount = async () => {
  const client = tableClient();
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: 'pusula', Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return count;
};

/** A fresh invented person per test, so tests do not see each other's customers. */
export const person = (tag: string) => {
  const id = `${tag}-${Math.random().toString(36).slice(2, 10)}`;
  const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999));
  return { name: `Test Kişi ${tag}`, email: `${id}@example.com`, phone: `+90532${digits}` };
};

// ---- additions for the lead-capture end-to-end suites -------------------------------------------

/** Like `person()`, with a name no other test uses, and the phone also written the Turkish way (`0532 123 45 67`). */
export const uniquePerson = (tag: string) => {
  const p = person(tag);
  const suffix = Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  const national = p.phone.slice(3); // 532xxxxxxx
  return {
    ...p,
    name: `${p.name} ${suffix}`,
    /** The same number as `phone`, as people type it in Turkey. */
    localPhone: `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`,
    /** The subscriber digits, as they must never appear in an event. */
    digits: national,
  };
};

/** Any request, with the body sent exactly as given (string, bytes or nothing). */
export const send = (
  path: string,
  init: { method?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {},
) =>
  fetch(`${api()}${path}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    body: init.body,
    redirect: 'manual',
  });

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** Reads a response that must be an RFC 9457 problem; throws with the details when it is not one. */
export const readProblem = async (response: Response): Promise<Problem> => {
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) {
    throw new Error(`expected a problem, got ${response.status} ${contentType}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as Problem;
};

export interface LeadView {
  leadId: string;
  customerId: string;
  status: string;
  seq: number;
  name: string;
  email?: string;
  phone?: string;
  city?: string;
  language: Language;
  owner?: { type: string; id: string; ruleId: string; teamId?: string };
  history?: { at: string; from: string; to: string; action: string; actorId: string; via?: string; note?: string }[];
  notes?: { noteId: string; text: string; authorId: string }[];
  createdAt: string;
}

export const getLead = async (leadId: string, key = keys().manager) => {
  const response = await get(`/leads/${encodeURIComponent(leadId)}`, key);
  if (response.status !== 200) throw new Error(`GET /leads/${leadId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as LeadView;
};

/** Every lead a listing query returns, following `nextCursor` to the end. */
export const listAllLeads = async (query: Record<string, string>, key = keys().manager) => {
  const leads: LeadView[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) });
    const response = await get(`/leads?${params}`, key);
    if (response.status !== 200) throw new Error(`GET /leads?${params}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { leads: LeadView[]; nextCursor?: string };
    leads.push(...page.leads);
    cursor = page.nextCursor;
  } while (cursor);
  return leads;
};

/** Posts a lead as JSON and returns its id; fails loudly on anything but 201. */
export const captureLead = async (fields: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const response = await post('/leads', fields, headers);
  const body = await response.text();
  if (response.status !== 201) throw new Error(`POST /leads: ${response.status} ${body}`);
  return JSON.parse(body) as { leadId: string; status: string };
};

/** The whole SES store: for checks across many recipients. */
export const allMail = async (): Promise<StoredMail[]> =>
  ((await (await fetch(`${inject('mail')}/store`)).json()) as { emails: StoredMail[] }).emails;

export const staffEmails = {
  'rep-ayse': 'ayse.rep@example.com',
  'rep-mehmet': 'mehmet.rep@example.com',
  'rep-john': 'john.rep@example.com',
  'dealer-ankara': 'ankara.dealer@example.com',
  fallback: 'sales-queue@example.com',
} as const;

/** Events a consumer failed on after every retry: after a clean run there are none. */
export const deadLetters = async () =>
  (await (await fetch(`${api()}/_local/dead-letters`, { headers: localControlHeaders })).json()) as {
    rule: string;
    error: string;
    event: { 'detail-type': string };
  }[];
