// The local SES endpoint (aws-ses-v2-local) keeps a raw message's addresses, subject and body but
// drops its other headers, and List-Unsubscribe is what a marketing mail must carry. This front sits
// on the SES port, passes every request through, keeps the top-level headers of each SendRawEmail it
// saw accepted, and adds them to that message in `GET /store` as `headers` (name → value).
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';

const readAll = (stream: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/** The header section of a MIME message, unfolded: `List-Unsubscribe` → `<https://…>`. */
export const mimeHeaders = (mime: string): Record<string, string> => {
  const [head = ''] = mime.split(/\r?\n\r?\n/, 1);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
};

export const sesHeadersFront = async (upstreamPort: number, port: number, host: string) => {
  const headersOf = new Map<string, Record<string, string>>();
  const upstream = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const sent = forward(
        { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          readAll(answer).then(
            (text) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: text }),
            reject,
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const answer = await upstream(req, body);
      let out = answer.body;
      const form = req.method === 'POST' && req.url === '/' ? new URLSearchParams(body.toString('utf8')) : undefined;
      const messageId = answer.body.toString('utf8').match(/<MessageId>([^<]+)<\/MessageId>/)?.[1];
      if (form?.get('Action') === 'SendRawEmail' && answer.status === 200 && messageId) {
        headersOf.set(
          messageId,
          mimeHeaders(Buffer.from(form.get('RawMessage.Data') ?? '', 'base64').toString('utf8')),
        );
      }
      if (req.method === 'GET' && req.url?.startsWith('/store') && answer.status === 200) {
        const store = JSON.parse(answer.body.toString('utf8')) as {
          emails: { messageId: string; headers?: unknown }[];
        };
        for (const email of store.emails) email.headers ??= headersOf.get(email.messageId);
        out = Buffer.from(JSON.stringify(store));
      }
      const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = answer.headers;
      res.writeHead(answer.status, { ...headers, 'content-length': out.length });
      res.end(out);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
};
