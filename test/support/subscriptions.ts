// Helpers for the permission-marketing suites: the real local SES endpoint behind a recording proxy
// (the endpoint keeps no message tags or configuration set, so the proxy keeps the requests as sent),
// and invented customers with consent ledger entries, written as capture and confirmation write them.
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import sesModule from 'aws-ses-v2-local';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { keys } from '../../shared/table.js';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

export interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** Starts the local SES endpoint and a proxy that records each request's form fields; points the SDK at the proxy. */
export const startRecordedSes = async () => {
  type Start = (c: { port: number; host: string }) => Promise<Server>;
  const start = (sesModule as unknown as { default?: Start }).default ?? (sesModule as unknown as Start);
  const ses = await start({ port: 0, host: '127.0.0.1' });
  const sesPort = (ses.address() as AddressInfo).port;
  const requests: URLSearchParams[] = [];
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST') requests.push(new URLSearchParams(body.toString('utf8')));
      const upstream = forward(
        { host: '127.0.0.1', port: sesPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.end(body);
    });
  });
  process.env.AWS_ENDPOINT_URL_SES = `http://127.0.0.1:${await listen(proxy)}`;
  Object.assign(process.env, {
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
    PUBLIC_BASE_URL: 'https://crm.example.com',
    SES_CONFIGURATION_SET: 'pusula-test',
  });
  return {
    requests,
    mailTo: async (address: string) =>
      ((await (await fetch(`http://127.0.0.1:${sesPort}/store`)).json()) as { emails: StoredMail[] }).emails.filter(
        (m) => m.destination.to.includes(address),
      ),
    close: async () => {
      await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => ses.close(resolve));
    },
  };
};

/** A consent ledger entry for one address, as capture and confirmation write them. */
export const consentItem = (
  customerId: string,
  address: string,
  action: 'granted' | 'withdrawn',
  topic = 'all',
  at = new Date(),
) => ({
  ...keys.consentEntry(customerId, 'email', at.toISOString(), newId()),
  type: 'consent',
  customerId,
  channel: 'email',
  address,
  topic,
  action,
  via: 'double-opt-in',
  source: 'test',
  occurredAt: at.toISOString(),
});

/** Text consent (İYS type MESAJ) for the number, as a form records it: it belongs to that number. */
export const smsConsentItem = (customerId: string, phone: string, at = new Date().toISOString()) => ({
  ...keys.consentEntry(customerId, 'sms', at, newId()),
  type: 'consent',
  customerId,
  channel: 'sms',
  address: phone,
  topic: 'all',
  action: 'granted',
  via: 'form',
  source: 'test',
  occurredAt: at,
});

export const ledger = (...entry: Parameters<typeof consentItem>) =>
  db().send(new PutCommand({ TableName: tableName(), Item: consentItem(...entry) }));

/** An invented customer whose address has consent for `topics` (`all` by default). */
export const consentingCustomer = async (
  tag: string,
  options: { birthday?: string; language?: Language; topics?: string[] } = {},
) => {
  const customerId = newId();
  const email = `${tag}-${customerId.toLowerCase()}@example.com`;
  const now = new Date().toISOString();
  const customer: Customer = {
    customerId,
    name: `Deneme ${tag}`,
    email,
    emailKey: email,
    language: options.language ?? 'tr',
    createdAt: now,
    updatedAt: now,
    ...(options.birthday ? { birthday: options.birthday } : {}),
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(customer) }));
  for (const topic of options.topics ?? ['all']) await ledger(customerId, email, 'granted', topic);
  return { customerId, email };
};
