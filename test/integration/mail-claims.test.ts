// A mail's claim when its sender fails after claiming, against DynamoDB Local behind a TCP relay
// the test can cut (the database stopping mid-send, as in an outage; the SDK is not mocked) and the
// local SES endpoint, whose store is read to count what was really sent.
import type { Server } from 'node:http';
import { type AddressInfo, createServer, Socket } from 'node:net';
import sesModule from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import { MailInProgressError, onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';

let ses: Server;
let sesUrl = '';
let relay: ReturnType<typeof createServer>;
/** While false the database "is down": open connections are cut and new ones refused. */
let databaseUp = true;
const open = new Set<Socket>();

const cutDatabase = () => {
  databaseUp = false;
  for (const socket of open) socket.destroy();
};

beforeAll(async () => {
  type Start = (c: { port: number; host: string }) => Promise<Server>;
  const start = (sesModule as unknown as { default?: Start }).default ?? (sesModule as unknown as Start);
  ses = await start({ port: 0, host: '127.0.0.1' });
  sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  const target = new URL(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
  relay = createServer((client) => {
    if (!databaseUp) {
      client.destroy();
      return;
    }
    const server = new Socket();
    open.add(client).add(server);
    const close = () => {
      client.destroy();
      server.destroy();
      open.delete(client);
      open.delete(server);
    };
    server.connect(Number(target.port), target.hostname, () => {
      client.pipe(server).pipe(client);
    });
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  // Before this file's first table call, so the process's client goes through the relay.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    AWS_ENDPOINT_URL_SES: sesUrl,
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
    PUBLIC_BASE_URL: 'https://crm.example.com',
  });
});
afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise<void>((resolve) => relay.close(() => resolve()));
  await new Promise<void>((resolve) => ses.close(() => resolve()));
});

interface StoredMail {
  destination: { to: string[] };
  subject: string;
}
const mailTo = async (address: string) =>
  ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails.filter((m) =>
    m.destination.to.includes(address),
  );

const unique = (tag: string) => `${tag}-${newId().toLowerCase()}@example.com`;
const ack = (to: string) => ({ to, subject: 'Talebinizi aldık', text: 'Merhaba', html: '<p>Merhaba</p>' });

describe('a claim whose sender failed after claiming', () => {
  it('the database stops answering after the claim (its release fails too): an immediate retry sends, one mail', async () => {
    const key = onceKey('case-ack', newId());
    const to = unique('outage');
    // The claim is written, then the database goes away before the mail is made (the suppression read).
    const failed = await sendOnce(key, async () => {
      cutDatabase();
      return sendTransactional(ack(to));
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(MailInProgressError);
    expect(await mailTo(to)).toHaveLength(0);

    // The database is back; the operator's first redrive, at once, not five minutes later.
    databaseUp = true;
    expect(await sendOnce(key, () => sendTransactional(ack(to)))).toMatchObject({ status: 'sent', first: true });
    expect(await sendOnce(key, () => sendTransactional(ack(to)))).toMatchObject({ status: 'sent', first: false });
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('a sender killed while making the mail (it never returns) is taken over at once', async () => {
    const key = onceKey('case-ack', newId());
    const to = unique('killed');
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    void sendOnce(key, () => {
      claimed();
      return new Promise(() => {});
    });
    await started;
    expect(await sendOnce(key, () => sendTransactional(ack(to)))).toMatchObject({ status: 'sent', first: true });
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('two attempts race: the one whose claim was taken over stops before SES, so one mail goes', async () => {
    const key = onceKey('case-ack', newId());
    const to = unique('race');
    let resume!: () => void;
    const gate = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    // The first attempt claims, then stalls before SES (a slow read), and wakes after the retry sent.
    const first = sendOnce(key, async () => {
      claimed();
      await gate;
      return sendTransactional(ack(to));
    }).catch((error: unknown) => error);
    await started;
    expect(await sendOnce(key, () => sendTransactional(ack(to)))).toMatchObject({ status: 'sent', first: true });
    resume();
    expect(await first).toBeInstanceOf(MailInProgressError);
    expect(await sendOnce(key, () => sendTransactional(ack(to)))).toMatchObject({ status: 'sent', first: false });
    expect(await mailTo(to)).toHaveLength(1);
  });
});
