// SES drops a throttled message, so sendMail must retry it. The SES endpoint here is a stub server
// that answers Throttling twice: the real SES (and the local one) cannot be made to throttle on demand.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMime, sendMail } from '../../shared/mail.js';

let server: Server;
let calls = 0;
let throttleFirst = 0;

const throttled = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
const sent = `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>msg-1</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendRawEmailResponse>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      const fail = calls <= throttleFirst;
      res.writeHead(fail ? 400 : 200, { 'content-type': 'text/xml' });
      res.end(fail ? throttled : sent);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const mail = { to: 'ece.deneme@example.com', subject: 'Talebinizi aldık', text: 'Merhaba', html: '<p>Merhaba</p>' };

describe('sending mail', () => {
  it('retries SES throttling with backoff instead of losing the message (stub SES answers Throttling twice)', async () => {
    calls = 0;
    throttleFirst = 2;
    expect(await sendMail(mail)).toBe('msg-1');
    expect(calls).toBe(3);
  });

  it('builds a multipart message with both parts, Turkish subject encoded, and custom headers kept', async () => {
    const mime = (
      await composeMime({ ...mail, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } })
    ).toString();
    expect(mime).toMatch(/Content-Type: multipart\/alternative/);
    expect(mime).toMatch(/Content-Type: text\/plain/);
    expect(mime).toMatch(/Content-Type: text\/html/);
    expect(mime).toMatch(/Subject: =\?UTF-8\?/);
    expect(mime).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });
});
