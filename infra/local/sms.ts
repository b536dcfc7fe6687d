// The local stand-in for AWS End User Messaging SMS: it answers the one call the CRM makes
// (SendTextMessage, AWS JSON 1.0 as the SDK speaks it), keeps every text it was given, lists them at
// `GET /store` (JSON) and shows them at `/` (a viewer, like the mail viewer), and plays what AWS
// would publish to the SMS topic: `POST /inbound {from, body}` an inbound reply, `POST /delivery
// {messageId, status}` a delivery event. Both are handed to `onEvent` in the shape AWS publishes,
// and answered once the CRM has handled them.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../../shared/html.js';
import { smsLength } from '../../shared/sms.js';
import { closeServer } from './processes.js';

export interface StoredText {
  messageId: string;
  to: string;
  from: string;
  body: string;
  messageType: string;
  configurationSet?: string;
  context: Record<string, string>;
  encoding: string;
  segments: number;
  at: string;
}

export interface InboundText {
  inboundMessageId: string;
  from: string;
  to: string;
  body: string;
  at: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
};

/** An AWS JSON protocol error, as the SDK reads it (`__type` names the exception). */
const awsError = (res: ServerResponse, status: number, type: string, message: string) =>
  json(res, status, { __type: type, message }, 'application/x-amz-json-1.0');

const viewer = (texts: StoredText[], inbound: InboundText[]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local SMS</title>
<style>body{font-family:sans-serif;margin:2rem}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;
vertical-align:top}pre{white-space:pre-wrap;margin:0}</style></head><body>
<h1>Texts sent (${texts.length})</h1>
<table><tr><th>Time</th><th>To</th><th>From</th><th>Type</th><th>Encoding</th><th>Segments</th><th>Text</th></tr>
${[...texts]
  .reverse()
  .map(
    (t) =>
      `<tr><td>${escapeHtml(t.at)}</td><td>${escapeHtml(t.to)}</td><td>${escapeHtml(t.from)}</td>` +
      `<td>${escapeHtml(t.messageType)}</td><td>${t.encoding}</td><td>${t.segments}</td>` +
      `<td><pre>${escapeHtml(t.body)}</pre></td></tr>`,
  )
  .join('\n')}
</table>
<h2>Replies received (${inbound.length})</h2>
<table><tr><th>Time</th><th>From</th><th>Text</th></tr>
${[...inbound]
  .reverse()
  .map((m) => `<tr><td>${escapeHtml(m.at)}</td><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.body)}</td></tr>`)
  .join('\n')}
</table>
<p>JSON: <a href="/store">/store</a></p></body></html>`;

export interface SmsStandInOptions {
  port: number;
  /** The number inbound replies are addressed to (the sender ID's long code in AWS). */
  number?: string;
  /** What AWS publishes to the SMS topic: an inbound message or a delivery event. */
  onEvent: (message: Record<string, unknown>) => Promise<void>;
}

export const startSmsStandIn = async (options: SmsStandInOptions) => {
  const texts: StoredText[] = [];
  const inbound: InboundText[] = [];
  const ownNumber = options.number ?? '+908500000000';

  const sendText = (res: ServerResponse, input: Record<string, unknown>) => {
    const to = input.DestinationPhoneNumber;
    const body = input.MessageBody;
    if (typeof to !== 'string' || !E164.test(to))
      return awsError(res, 400, 'ValidationException', 'DestinationPhoneNumber must be E.164');
    if (typeof body !== 'string' || !body) return awsError(res, 400, 'ValidationException', 'MessageBody is required');
    const length = smsLength(body);
    const text: StoredText = {
      messageId: randomUUID(),
      to,
      from: String(input.OriginationIdentity ?? ''),
      body,
      messageType: String(input.MessageType ?? 'TRANSACTIONAL'),
      ...(typeof input.ConfigurationSetName === 'string' ? { configurationSet: input.ConfigurationSetName } : {}),
      context: (input.Context as Record<string, string> | undefined) ?? {},
      encoding: length.encoding,
      segments: length.segments,
      at: new Date().toISOString(),
    };
    texts.push(text);
    return json(res, 200, { MessageId: text.messageId }, 'application/x-amz-json-1.0');
  };

  const playInbound = async (res: ServerResponse, input: Record<string, unknown>) => {
    if (typeof input.from !== 'string' || !E164.test(input.from) || typeof input.body !== 'string')
      return json(res, 400, { code: 'validation-failed', detail: 'from (E.164) and body are required' });
    const message: InboundText = {
      inboundMessageId: randomUUID(),
      from: input.from,
      to: ownNumber,
      body: input.body,
      at: new Date().toISOString(),
    };
    inbound.push(message);
    // The shape of a two-way message AWS publishes to the number's SNS topic.
    await options.onEvent({
      originationNumber: message.from,
      destinationNumber: message.to,
      messageKeyword: message.body.trim().split(/\s+/)[0]?.toUpperCase() ?? '',
      messageBody: message.body,
      inboundMessageId: message.inboundMessageId,
      previousPublishedMessageId: texts.filter((t) => t.to === message.from).at(-1)?.messageId ?? '',
    });
    return json(res, 200, { inboundMessageId: message.inboundMessageId });
  };

  const playDelivery = async (res: ServerResponse, input: Record<string, unknown>) => {
    const text = texts.find((t) => t.messageId === input.messageId);
    if (!text) return json(res, 404, { code: 'not-found', detail: 'No text with that messageId was sent' });
    const status = typeof input.status === 'string' ? input.status : 'DELIVERED';
    // The shape of a configuration set's event as its SNS destination receives it.
    await options.onEvent({
      eventType: `TEXT_${status}`,
      eventVersion: '1.0',
      eventTimestamp: Date.now(),
      isFinal: true,
      originationPhoneNumber: text.from,
      destinationPhoneNumber: text.to,
      messageId: text.messageId,
      messageType: text.messageType,
      messageStatus: status,
      totalMessageParts: text.segments,
      context: text.context,
      ...(text.configurationSet ? { configurationSetName: text.configurationSet } : {}),
    });
    return json(res, 200, { played: `TEXT_${status}` });
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/store') return json(res, 200, { messages: texts, inbound });
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(viewer(texts, inbound));
      }
      if (req.method !== 'POST') return json(res, 404, { code: 'not-found' });
      const raw = await readBody(req);
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        return json(res, 400, { code: 'validation-failed', detail: 'The body is not JSON' });
      }
      if (url.pathname === '/inbound') return await playInbound(res, input);
      if (url.pathname === '/delivery') return await playDelivery(res, input);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target === 'PinpointSMSVoiceV2.SendTextMessage') return sendText(res, input);
      return awsError(res, 400, 'UnknownOperationException', `The local SMS endpoint does not do ${target}`);
    } catch (error) {
      json(res, 500, { code: 'internal', detail: (error as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  // Port 0 (a test's): the port the system gave.
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, texts: () => [...texts], close: () => closeServer(server) };
};
