// The local stand-in for the firm's ERP, speaking the HTTP contract the ERP adapter expects
// (docs/integrations.md): `GET /stock?products=A,B` answers `{ items: [{ productId, onHand, reserved }] }`
// for the products it keeps stock of, `POST /reservations { reservationId, lines }` reserves them once
// per reservationId (409 when one line is short). Seeded with stock for the demo products (services are
// not stock-kept). For tests: `POST /_erp/down` and `/_erp/up` make it refuse (503) and answer again,
// `POST /_erp/slow?ms=` delays every answer, `POST /_erp/stock { productId, onHand, reserved? }` sets one
// product; `GET /store` lists the stock, the reservations and how many stock questions were asked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './processes.js';
import { readBody } from './sms.js';

interface Level {
  onHand: number;
  reserved: number;
}

/** The demo catalogue's goods: plenty of pallet trucks, a few forklifts, no spare batteries. */
export const demoStock: Record<string, Level> = {
  'FL-25E': { onHand: 3, reserved: 1 },
  'FL-35D': { onHand: 1, reserved: 0 },
  'TP-20': { onHand: 40, reserved: 5 },
  'BAT-48': { onHand: 0, reserved: 0 },
  'FL-20E-OLD': { onHand: 0, reserved: 0 },
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const count = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);

export const startErpStandIn = async (options: { port: number }) => {
  const stock = new Map(Object.entries(demoStock).map(([id, level]) => [id, { ...level }]));
  const reservations = new Map<string, { productId: string; quantity: number }[]>();
  const calls = { stock: 0, reservations: 0 };
  let down = false;
  let delayMs = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (url.pathname === '/store')
      return send(res, 200, {
        stock: Object.fromEntries(stock),
        reservations: Object.fromEntries(reservations),
        calls,
      });
    if (url.pathname === '/_erp/down' || url.pathname === '/_erp/up') {
      down = url.pathname === '/_erp/down';
      return send(res, 200, { down });
    }
    if (url.pathname === '/_erp/slow') {
      delayMs = count(Number(url.searchParams.get('ms') ?? 0)) ?? 0;
      return send(res, 200, { delayMs });
    }
    if (req.method === 'POST' && url.pathname === '/_erp/stock') {
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const onHand = count(input.onHand);
      if (typeof input.productId !== 'string' || onHand === undefined)
        return send(res, 400, { error: 'productId and onHand' });
      stock.set(input.productId, { onHand, reserved: count(input.reserved) ?? 0 });
      return send(res, 200, stock.get(input.productId));
    }
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (down) return send(res, 503, { error: 'ERP unavailable' });
    if (req.method === 'GET' && url.pathname === '/stock') {
      calls.stock++;
      const ids = (url.searchParams.get('products') ?? '').split(',').filter(Boolean);
      const items = ids.flatMap((productId) => {
        const level = stock.get(productId);
        return level ? [{ productId, ...level }] : [];
      });
      return send(res, 200, { items });
    }
    if (req.method === 'POST' && url.pathname === '/reservations') {
      calls.reservations++;
      const input = JSON.parse(body || '{}') as { reservationId?: unknown; lines?: unknown };
      const lines = Array.isArray(input.lines) ? (input.lines as { productId?: unknown; quantity?: unknown }[]) : [];
      if (typeof input.reservationId !== 'string' || !lines.length)
        return send(res, 400, { error: 'reservationId and lines' });
      const held = reservations.get(input.reservationId);
      if (held) return send(res, 200, { reservationId: input.reservationId, lines: held });
      const wanted = lines.map((l) => ({ productId: String(l.productId), quantity: count(l.quantity) ?? 0 }));
      const short = wanted.find((l) => {
        const level = stock.get(l.productId);
        return !level || l.quantity < 1 || level.onHand - level.reserved < l.quantity;
      });
      if (short) return send(res, 409, { error: 'insufficient-stock', productId: short.productId });
      for (const l of wanted) stock.get(l.productId)!.reserved += l.quantity;
      reservations.set(input.reservationId, wanted);
      return send(res, 201, { reservationId: input.reservationId, lines: wanted });
    }
    return send(res, 404, { error: 'No such resource' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 400, { error: 'Bad request' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  // Port 0 (tests): the one the system chose.
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
};
