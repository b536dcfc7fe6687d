// Helpers for end-to-end tests against the local stack over real HTTP.
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

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
  const response = await fetch(`${api()}/_local/settle`, { method: 'POST' });
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
  (await (await fetch(`${api()}/_local/events`)).json()) as { 'detail-type': string; source: string; detail: Record<string, unknown> }[];

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
