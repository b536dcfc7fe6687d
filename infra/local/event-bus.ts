// A local EventBridge endpoint: speaks PutEvents over the AWS JSON 1.1 protocol (as the SDK and the AWS
// CLI send it), matches each accepted event against the rules' patterns and invokes the targets after
// responding, with retries and a dead-letter list, as a rule with a retry policy and a DLQ would.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventPattern } from '../../shared/manifest.js';
import { matchesPattern, validatePattern } from './event-pattern.js';

export const localAccount = '000000000000';
export const localRegion = 'eu-central-1';

/** An event as EventBridge delivers it to a target (a type alias, so it is a Record for matchesPattern). */
export type EventBridgeEvent<Detail = Record<string, unknown>> = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Detail;
};

export interface LocalRule {
  name: string;
  pattern: EventPattern;
  target: (event: EventBridgeEvent) => Promise<unknown>;
}

export interface DeadLetter {
  rule: string;
  event: EventBridgeEvent;
  error: string;
  attempts: number;
  time: string;
}

export interface LocalEventBus {
  url: string;
  close(): Promise<void>;
  /** Resolves when no delivery, retry or redrive is in flight. */
  settled(): Promise<void>;
  deadLetters(): DeadLetter[];
  recentEvents(): EventBridgeEvent[];
}

export interface EventBusOptions {
  port: number;
  busName: string;
  rules: LocalRule[];
  retry?: { attempts: number; baseDelayMs: number };
  deadLetterFile?: string;
}

/** EventBridge timestamps have second precision: `2017-12-22T18:43:48Z`. */
export const eventTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

const maxEntries = 10;
const maxRequestBytes = 256 * 1024;
const recentLimit = 500;

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Entry = Record<string, unknown>;
type EntryError = { ErrorCode: string; ErrorMessage: string };

/** PutEvents entry size, as "Calculating PutEvents event entry size" defines it. */
const entrySize = (entry: Entry) => {
  const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value) : 0);
  const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
  return (
    (entry.Time === undefined ? 0 : 14) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    resources.reduce((sum: number, resource) => sum + bytes(resource), 0)
  );
};

const parseDetail = (detail: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** The SDK and the CLI send Time as epoch seconds; accept an ISO string too. */
const parseTime = (time: unknown): Date | undefined => {
  if (time === undefined) return new Date();
  const date = new Date(typeof time === 'number' ? time * 1000 : String(time));
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (res: ServerResponse, status: number, body: unknown, contentType = 'application/json') => {
  res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
};

export const startEventBus = async (options: EventBusOptions): Promise<LocalEventBus> => {
  const { busName, rules } = options;
  const retry = options.retry ?? { attempts: 5, baseDelayMs: 200 };
  for (const rule of rules) {
    try {
      validatePattern(rule.pattern);
    } catch (error) {
      throw new Error(`Rule ${rule.name}: ${(error as Error).message}`);
    }
  }

  const inFlight = new Set<Promise<void>>();
  const recent: EventBridgeEvent[] = [];
  let dead: DeadLetter[] = [];
  const shutdown = new AbortController();

  // Background work never rejects unhandled: a failure (say, an unwritable dead-letter file) is logged.
  const track = (work: Promise<unknown>) => {
    const tracked: Promise<void> = work
      .then(
        () => undefined,
        (error: unknown) => console.error(`[event-bus] background work failed: ${errorMessage(error)}`),
      )
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Each invocation gets its own copy, as each Lambda gets its own JSON.
  const invoke = (rule: LocalRule, event: EventBridgeEvent) => rule.target(structuredClone(event));

  const logFailure = (rule: LocalRule, event: EventBridgeEvent, error: unknown, attempt: string) =>
    console.error(`[event-bus] rule ${rule.name} failed on event ${event.id} (attempt ${attempt}): ${errorMessage(error)}`);

  const addDeadLetter = async (letter: DeadLetter) => {
    dead.push(letter);
    if (!options.deadLetterFile) return;
    await mkdir(dirname(options.deadLetterFile), { recursive: true });
    await appendFile(options.deadLetterFile, `${JSON.stringify(letter)}\n`);
  };

  const deliver = async (rule: LocalRule, event: EventBridgeEvent) => {
    // Like the real service, targets run after PutEvents has answered.
    await new Promise((resolve) => setImmediate(resolve));
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        await invoke(rule, event);
        return;
      } catch (error) {
        logFailure(rule, event, error, `${attempts}/${retry.attempts}`);
        const delay = retry.baseDelayMs * 2 ** (attempts - 1);
        // A closing bus stops retrying but keeps the event as a dead letter rather than drop it.
        const retrying = attempts < retry.attempts && (await sleep(delay, true, { signal: shutdown.signal }).catch(() => false));
        if (!retrying) {
          return addDeadLetter({ rule: rule.name, event, error: errorMessage(error), attempts, time: new Date().toISOString() });
        }
      }
    }
  };

  /** Re-delivers every dead letter once; those that succeed leave the list. */
  const redrive = async () => {
    const letters = dead;
    dead = [];
    let redriven = 0;
    for (const letter of letters) {
      const rule = rules.find((candidate) => candidate.name === letter.rule);
      try {
        if (!rule) throw new Error(`rule ${letter.rule} no longer exists`);
        await invoke(rule, letter.event);
        redriven++;
      } catch (error) {
        if (rule) logFailure(rule, letter.event, error, 'redrive');
        dead.push({ ...letter, error: errorMessage(error), attempts: letter.attempts + 1, time: new Date().toISOString() });
      }
    }
    return { redriven, remaining: dead.length };
  };

  const busNameOf = (entry: Entry) => {
    const name = typeof entry.EventBusName === 'string' && entry.EventBusName !== '' ? entry.EventBusName : 'default';
    return name.match(/:event-bus\/(.+)$/)?.[1] ?? name;
  };

  const accept = (entry: Entry): EventBridgeEvent | EntryError => {
    const invalid = (ErrorCode: string, ErrorMessage: string): EntryError => ({ ErrorCode, ErrorMessage });
    for (const field of ['Source', 'DetailType', 'Detail']) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        return invalid('InvalidArgument', `Parameter ${field} is not valid. Reason: ${field} is a required argument.`);
      }
    }
    const detail = parseDetail(entry.Detail as string);
    if (!detail) return invalid('MalformedDetail', 'Detail is malformed.');
    const bus = busNameOf(entry);
    if (bus !== busName) {
      const hint = bus === 'default' ? ' The local runtime has no default bus: set EventBusName' : ' The local runtime serves';
      return invalid('ResourceNotFoundException', `Event bus ${bus} does not exist.${hint} "${busName}".`);
    }
    const time = parseTime(entry.Time);
    if (!time) return invalid('InvalidArgument', 'Parameter Time is not valid.');
    const resources = Array.isArray(entry.Resources) ? entry.Resources.filter((r): r is string => typeof r === 'string') : [];
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: localAccount,
      time: eventTime(time),
      region: localRegion,
      resources,
      detail,
    };
  };

  const putEvents = (body: string) => {
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      throw new AwsError('SerializationException', 'The request body is not valid JSON.');
    }
    const entries = (request as { Entries?: unknown })?.Entries;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new AwsError('ValidationException', "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (entries.length > maxEntries) {
      throw new AwsError('ValidationException', `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${maxEntries}`);
    }
    if (entries.reduce((sum: number, entry: Entry) => sum + entrySize(entry ?? {}), 0) > maxRequestBytes) {
      throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
    }
    const results = entries.map((entry: Entry) => accept(entry ?? {}));
    const Entries = results.map((result) => ('id' in result ? { EventId: result.id } : result));
    for (const event of results) {
      if (!('id' in event)) continue;
      recent.push(event);
      for (const rule of rules) if (matchesPattern(rule.pattern, event)) track(deliver(rule, event));
    }
    recent.splice(0, Math.max(0, recent.length - recentLimit));
    return { FailedEntryCount: Entries.filter((entry) => 'ErrorCode' in entry).length, Entries };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = `${req.method} ${path}`;
    if (route === 'GET /events') return send(res, 200, recent);
    if (route === 'GET /dead-letters') return send(res, 200, dead);
    if (route === 'POST /dead-letters/redrive') {
      const work = redrive();
      track(work);
      return send(res, 200, await work);
    }
    if (route !== 'POST /') return send(res, 404, { message: `No route for ${route}` });

    const awsJson = 'application/x-amz-json-1.1';
    const target = req.headers['x-amz-target'];
    try {
      const body = await readBody(req);
      if (target !== 'AWSEvents.PutEvents') {
        throw new AwsError('UnknownOperationException', `The local event bus only supports PutEvents, not ${target ?? 'a request without X-Amz-Target'}.`);
      }
      send(res, 200, putEvents(body), awsJson);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      send(res, 400, { __type: error.type, message: error.message }, awsJson);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[event-bus] ${req.method} ${req.url} failed: ${errorMessage(error)}`);
      if (!res.headersSent) send(res, 500, { __type: 'InternalException', message: 'Internal error in the local event bus.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const settled = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    url: `http://127.0.0.1:${port}`,
    settled,
    deadLetters: () => [...dead],
    recentEvents: () => [...recent],
    close: async () => {
      shutdown.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await settled();
    },
  };
};
