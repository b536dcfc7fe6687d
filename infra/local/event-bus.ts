// A local EventBridge endpoint: speaks PutEvents over the AWS JSON 1.1 protocol (as the SDK and the AWS
// CLI send it), matches each accepted event against the rules' patterns and invokes the targets after
// responding, with retries and a dead-letter list, as a rule with a retry policy and a DLQ would.
// Dead letters are kept in a file and read back on start, so an outage's events survive a restart.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { EventPattern } from '../../shared/manifest.js';
import { matchesPattern, validatePattern } from './event-pattern.js';
import { controlRefusal } from './local-control.js';
import { closeServer } from './processes.js';

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

/** Counts since the bus started: deliveries that needed a retry, and those that ended as dead letters. */
export interface DeliveryStats {
  retried: number;
  deadLettered: number;
}

export interface LocalEventBus {
  url: string;
  /** Stops the server; a delivery waiting for its next try becomes a dead letter, kept in the file. */
  close(): Promise<void>;
  /** Resolves when no delivery, retry or redrive is in flight (a retry waiting for its backoff counts). */
  settled(): Promise<void>;
  deadLetters(): DeadLetter[];
  /** Re-delivers every dead letter once; those that succeed leave the list (and the file). */
  redrive(): Promise<{ redriven: number; remaining: number }>;
  recentEvents(): EventBridgeEvent[];
  stats(): DeliveryStats;
}

export interface RetryPolicy {
  /** Invocations in all, the first included. */
  attempts: number;
  /** The first retry waits about this long; each later one twice the one before… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** No retry starts later than this after the first attempt. */
  maxAgeMs: number;
}

/**
 * A rule target's retry policy as the CDK stack sets it (185 attempts, 24 hours) with an exponential,
 * jittered backoff capped at minutes: a consumer that is down for an hour still gets its events.
 */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 185,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60 * 1000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};

/** The wait after failed attempt `attempt` (1-based): exponential, capped, with half of it random. */
export const retryDelayMs = (policy: RetryPolicy, attempt: number, random: () => number = Math.random) => {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
};

export interface EventBusOptions {
  port: number;
  busName: string;
  rules: LocalRule[];
  retry?: Partial<RetryPolicy>;
  /**
   * Target invocations at once. Every handler runs in this one process against one DynamoDB Local:
   * without a bound a burst starts hundreds together, each waits on the others, and their Lambda
   * timeouts fire (middy's "[AbortError]") though nothing is wrong.
   */
  concurrency?: number;
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
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
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

const isDeadLetter = (value: unknown): value is DeadLetter => {
  const letter = value as Partial<DeadLetter> | null;
  return (
    typeof letter?.rule === 'string' && typeof letter.event?.id === 'string' && typeof letter.attempts === 'number'
  );
};

/** The dead letters a previous run left; a missing file is none, a damaged one stops the start. */
export const loadDeadLetters = async (file: string): Promise<DeadLetter[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (!isDeadLetter(parsed)) {
      throw new Error(
        `${file}:${index + 1} is not a dead letter; repair or remove that line (nothing was delivered or dropped).`,
      );
    }
    return [parsed];
  });
};

export const startEventBus = async (options: EventBusOptions): Promise<LocalEventBus> => {
  const { busName, rules, deadLetterFile } = options;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const concurrency = options.concurrency ?? 16;
  for (const rule of rules) {
    try {
      validatePattern(rule.pattern);
    } catch (error) {
      throw new Error(`Rule ${rule.name}: ${(error as Error).message}`);
    }
  }

  const inFlight = new Set<Promise<void>>();
  const recent: EventBridgeEvent[] = [];
  let dead: DeadLetter[] = deadLetterFile ? await loadDeadLetters(deadLetterFile) : [];
  const stats: DeliveryStats = { retried: 0, deadLettered: 0 };
  let closing = false;

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

  // At most `concurrency` targets run at once; the rest wait here before their clock starts.
  let running = 0;
  const queued: (() => void)[] = [];
  const withSlot = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => queued.push(resolve));
    try {
      return await work();
    } finally {
      const next = queued.shift();
      if (next) next();
      else running--;
    }
  };

  // Each invocation gets its own copy, as each Lambda gets its own JSON.
  const invoke = (rule: LocalRule, event: EventBridgeEvent) => withSlot(() => rule.target(structuredClone(event)));

  const logFailure = (rule: LocalRule, event: EventBridgeEvent, error: unknown, attempt: string) =>
    console.error(
      `[event-bus] rule ${rule.name} failed on event ${event.id} (attempt ${attempt}): ${errorMessage(error)}`,
    );

  // The file always holds the whole list: writes are queued, and each writes a fresh copy and renames it.
  let writes: Promise<void> = Promise.resolve();
  const persist = () => {
    if (!deadLetterFile) return Promise.resolve();
    writes = writes
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(deadLetterFile), { recursive: true });
        await writeFile(`${deadLetterFile}.tmp`, dead.map((letter) => `${JSON.stringify(letter)}\n`).join(''));
        await rename(`${deadLetterFile}.tmp`, deadLetterFile);
      });
    return writes;
  };

  const addDeadLetter = (letter: DeadLetter) => {
    dead.push(letter);
    stats.deadLettered++;
    return persist();
  };

  // Deliveries waiting for their next try; timers of their own (no listener on a shared signal), so
  // close() can end the waits.
  const waiting = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  const backoff = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (closing) return resolve(false);
      const entry = {
        timer: setTimeout(() => {
          waiting.delete(entry);
          resolve(true);
        }, ms),
        wake: () => {
          clearTimeout(entry.timer);
          waiting.delete(entry);
          resolve(false);
        },
      };
      waiting.add(entry);
    });

  const deliver = async (rule: LocalRule, event: EventBridgeEvent) => {
    // Like the real service, targets run after PutEvents has answered.
    await new Promise((resolve) => setImmediate(resolve));
    const firstAttempt = Date.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        await invoke(rule, event);
        return;
      } catch (error) {
        const delay = retryDelayMs(retry, attempts);
        const last = attempts >= retry.attempts || Date.now() + delay - firstAttempt > retry.maxAgeMs;
        logFailure(
          rule,
          event,
          error,
          `${attempts}/${retry.attempts}${last ? '' : `, next in ${Math.ceil(delay / 1000)} s`}`,
        );
        if (attempts === 1 && !last) stats.retried++;
        // A closing bus stops retrying but keeps the event as a dead letter rather than drop it.
        if (last || !(await backoff(delay))) {
          return addDeadLetter({
            rule: rule.name,
            event,
            error: errorMessage(error),
            attempts,
            time: new Date().toISOString(),
          });
        }
      }
    }
  };

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
        dead.push({
          ...letter,
          error: errorMessage(error),
          attempts: letter.attempts + 1,
          time: new Date().toISOString(),
        });
      }
    }
    if (letters.length > 0) await persist();
    return { redriven, remaining: dead.length };
  };

  const trackedRedrive = () => {
    const work = redrive();
    track(work);
    return work;
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
      const hint =
        bus === 'default' ? ' The local runtime has no default bus: set EventBusName' : ' The local runtime serves';
      return invalid('ResourceNotFoundException', `Event bus ${bus} does not exist.${hint} "${busName}".`);
    }
    const time = parseTime(entry.Time);
    if (!time) return invalid('InvalidArgument', 'Parameter Time is not valid.');
    const resources = Array.isArray(entry.Resources)
      ? entry.Resources.filter((r): r is string => typeof r === 'string')
      : [];
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
      throw new AwsError(
        'ValidationException',
        "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    }
    if (entries.length > maxEntries) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${maxEntries}`,
      );
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
    if (route !== 'POST /') {
      const refused = controlRefusal(req);
      if (refused) return send(res, 403, { message: refused });
    }
    if (route === 'GET /events') return send(res, 200, recent);
    if (route === 'GET /dead-letters') return send(res, 200, dead);
    if (route === 'POST /dead-letters/redrive') return send(res, 200, await trackedRedrive());
    if (route !== 'POST /') return send(res, 404, { message: `No route for ${route}` });

    const awsJson = 'application/x-amz-json-1.1';
    const target = req.headers['x-amz-target'];
    try {
      const body = await readBody(req);
      if (target !== 'AWSEvents.PutEvents') {
        throw new AwsError(
          'UnknownOperationException',
          `The local event bus only supports PutEvents, not ${target ?? 'a request without X-Amz-Target'}.`,
        );
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
      if (!res.headersSent)
        send(res, 500, { __type: 'InternalException', message: 'Internal error in the local event bus.' });
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
    redrive: trackedRedrive,
    recentEvents: () => [...recent],
    stats: () => ({ ...stats }),
    close: async () => {
      closing = true;
      for (const entry of [...waiting]) entry.wake();
      await closeServer(server);
      await settled();
    },
  };
};
