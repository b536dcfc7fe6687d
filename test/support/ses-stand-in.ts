// A stand-in for SES's SendRawEmail: it keeps the raw MIME it receives (the local SES endpoint drops
// custom headers such as List-Unsubscribe) and can answer the first calls with an error (neither it
// nor SES throttles or rejects on demand), or hold calls unanswered (a sender that dies while SES has
// its message). It points the process's SES client and mail settings at itself.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const errorBody = (code: string) =>
  `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${code}</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
const sentBody = (id: string) =>
  `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>${id}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendRawEmailResponse>`;

export const startSesStandIn = async () => {
  const ses = {
    /** The raw messages accepted, oldest first. */
    raw: [] as string[],
    /** Calls received, failed ones included. */
    calls: 0,
    /** How many of the next calls fail, and with which SES error code. */
    failFirst: 0,
    failWith: 'Throttling',
    /** While set, calls get no answer until `reset` refuses them for good (MessageRejected). */
    hold: false,
    held: [] as ServerResponse[],
    reset() {
      ses.raw = [];
      ses.calls = 0;
      ses.failFirst = 0;
      ses.hold = false;
      for (const res of ses.held.splice(0)) {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(errorBody('MessageRejected'));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      ses.calls++;
      if (ses.hold) {
        ses.held.push(res);
        return;
      }
      if (ses.calls <= ses.failFirst) {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(errorBody(ses.failWith));
        return;
      }
      ses.raw.push(Buffer.from(new URLSearchParams(body).get('RawMessage.Data') ?? '', 'base64').toString('utf8'));
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(sentBody(`msg-${ses.raw.length}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
    PUBLIC_BASE_URL: 'https://crm.example.com',
  });
  return ses;
};
