// The local stand-in for İYS (İleti Yönetim Sistemi), speaking the subset of its API the CRM uses:
// `POST /oauth2/token` (password grant), `POST /sps/{iysCode}/brands/{brandCode}/consents` (one
// consent), `…/consents/status` (query one recipient and type), and `GET …/consents/changes?source=IYS
// &after=&limit=` (the changes people made at İYS itself, which the firm pulls). Errors come in İYS's
// shape (`{ errors: [{ code, message, location }] }`). What a person does at İYS (withdraw by calling
// it, through e-Devlet) is played with `POST /_iys/changes {recipient, type, status}`; `POST /_iys/down`
// and `/_iys/up` make it unreachable and back; `GET /store` lists every consent the firm sent.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './processes.js';
import { readBody } from './sms.js';

export const LOCAL_IYS = { iysCode: '600000', brandCode: '600001', username: 'pusula-local', password: 'local' };

export interface IysRecord {
  transactionId: string;
  recipient: string;
  recipientType: string;
  type: string;
  source: string;
  status: string;
  consentDate: string;
  creationDate: string;
}

/** A change made at İYS, with its place in the change list (`id`, increasing). */
export interface IysChange extends IysRecord {
  id: number;
}

const TYPES = ['MESAJ', 'ARAMA', 'EPOSTA'];
const RECIPIENT_TYPES = ['BIREYSEL', 'TACIR'];
const STATUSES = ['ONAY', 'RET'];
const SOURCES = [
  'HS_WEB',
  'HS_CAGRI_MERKEZI',
  'HS_FIZIKSEL_ORTAM',
  'HS_ISLAK_IMZA',
  'HS_EPOSTA',
  'HS_MESAJ',
  'HS_MOBIL',
  'HS_EORTAM',
  'HS_SOSYAL_MEDYA',
  'HS_ETKINLIK',
  'HS_2015',
  'HS_ATM',
  'HS_KARAR',
  'IYS',
];
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const PHONE = /^\+90\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const iysError = (res: ServerResponse, status: number, code: string, message: string, location: string[] = []) =>
  send(res, status, { errors: [{ code, message, location }] });

/** İYS's own time: `YYYY-MM-DD HH:mm:ss` on the Istanbul wall clock. */
const iysNow = () => new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The first field of a consent İYS would refuse, with İYS's code for it. */
const invalidField = (input: Record<string, unknown>): [string, string] | undefined => {
  const type = input.type;
  if (typeof type !== 'string' || !TYPES.includes(type)) return ['type', 'H174'];
  const recipient = input.recipient;
  const recipientOk =
    typeof recipient === 'string' && (type === 'EPOSTA' ? EMAIL.test(recipient) : PHONE.test(recipient));
  if (!recipientOk) return ['recipient', 'H101'];
  if (typeof input.recipientType !== 'string' || !RECIPIENT_TYPES.includes(input.recipientType))
    return ['recipientType', 'H175'];
  if (typeof input.status !== 'string' || !STATUSES.includes(input.status)) return ['status', 'H176'];
  if (typeof input.source !== 'string' || !SOURCES.includes(input.source)) return ['source', 'H177'];
  if (typeof input.consentDate !== 'string' || !DATE.test(input.consentDate)) return ['consentDate', 'H178'];
  return undefined;
};

export const startIysStandIn = async (options: { port: number }) => {
  /** Every consent the firm sent, in order. */
  const sent: IysRecord[] = [];
  /** The register: the latest status per recipient and type. */
  const register = new Map<string, IysRecord>();
  const changes: IysChange[] = [];
  const tokens = new Set<string>();
  let down = false;
  const at = (recipient: string, type: string) => `${type} ${recipient}`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (url.pathname === '/store') return send(res, 200, { sent, changes });
    if (url.pathname === '/_iys/down') {
      down = true;
      return send(res, 200, { down });
    }
    if (url.pathname === '/_iys/up') {
      down = false;
      return send(res, 200, { down });
    }
    if (req.method === 'POST' && url.pathname === '/_iys/changes') {
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const change: Record<string, unknown> = {
        ...input,
        recipientType: input.recipientType ?? 'BIREYSEL',
        source: 'IYS',
      };
      const invalid = invalidField({ ...change, consentDate: iysNow() });
      if (invalid) return iysError(res, 400, invalid[1], `Invalid ${invalid[0]}`, [invalid[0]]);
      const record = {
        transactionId: randomUUID(),
        recipient: String(change.recipient),
        recipientType: String(change.recipientType),
        type: String(change.type),
        source: 'IYS',
        status: String(change.status),
        consentDate: typeof input.consentDate === 'string' ? input.consentDate : iysNow(),
        creationDate: iysNow(),
      };
      register.set(at(record.recipient, record.type), record);
      changes.push({ ...record, id: changes.length + 1 });
      return send(res, 201, changes.at(-1));
    }
    if (down) return iysError(res, 503, 'H503', 'İYS is not available');
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(body);
      if (
        form.get('grant_type') !== 'password' ||
        form.get('username') !== LOCAL_IYS.username ||
        form.get('password') !== LOCAL_IYS.password
      )
        return send(res, 401, { error: 'invalid_grant', error_description: 'Bad credentials' });
      const token = randomUUID();
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 7200 });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return iysError(res, 401, 'H401', 'Unauthorized');
    const route = /^\/sps\/([^/]+)\/brands\/([^/]+)\/consents(\/status|\/changes)?$/.exec(url.pathname);
    if (!route || route[1] !== LOCAL_IYS.iysCode || route[2] !== LOCAL_IYS.brandCode)
      return iysError(res, 404, 'H404', 'No such resource');
    if (req.method === 'POST' && route[3] === undefined) {
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const invalid = invalidField(input);
      if (invalid) return iysError(res, 400, invalid[1], `Invalid ${invalid[0]}`, [invalid[0]]);
      const record = {
        transactionId: randomUUID(),
        ...(input as Omit<IysRecord, 'transactionId' | 'creationDate'>),
        creationDate: iysNow(),
      };
      sent.push(record);
      register.set(at(record.recipient, record.type), record);
      return send(res, 200, { transactionId: record.transactionId, creationDate: record.creationDate });
    }
    if (req.method === 'POST' && route[3] === '/status') {
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const found = register.get(at(String(input.recipient), String(input.type)));
      if (!found) return iysError(res, 404, 'H404', 'No consent for this recipient', ['recipient']);
      return send(res, 200, found);
    }
    if (req.method === 'GET' && route[3] === '/changes') {
      if (url.searchParams.get('source') !== 'IYS') return iysError(res, 400, 'H400', 'source=IYS', ['source']);
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 999);
      const list = changes.filter((c) => c.id > after).slice(0, limit);
      return send(res, 200, { list, after: list.at(-1)?.id ?? after });
    }
    return iysError(res, 404, 'H404', 'No such resource');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => iysError(res, 400, 'H400', 'Bad request'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  // Port 0 (tests): the one the system chose.
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, sent, changes, close: () => closeServer(server) };
};
