import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  type DeadLetter,
  defaultRetryPolicy,
  type EventBridgeEvent,
  type EventBusOptions,
  type LocalEventBus,
  type LocalRule,
  retryDelayMs,
  startEventBus,
} from '../../infra/local/event-bus.js';
import { localControlHeaders } from '../../infra/local/local-control.js';

const busName = 'crm';
const leadCaptured = (detail: Record<string, unknown> = { leadId: 'L1' }): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: 'crm.leads',
  DetailType: 'LeadCaptured',
  Detail: JSON.stringify(detail),
});

let bus: LocalEventBus | undefined;
let dir: string;
let logged: MockInstance<typeof console.error>;

const start = async (rules: LocalRule[], deadLetterFile?: string, options: Partial<EventBusOptions> = {}) => {
  bus = await startEventBus({
    port: 0,
    busName,
    rules,
    retry: { attempts: 3, baseDelayMs: 1 },
    deadLetterFile,
    ...options,
  });
  const client = new EventBridgeClient({
    endpoint: bus.url,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return { bus, client };
};

const recorder = (fail: (call: number) => boolean = () => false) => {
  const events: EventBridgeEvent[] = [];
  const target = async (event: EventBridgeEvent) => {
    events.push(event);
    if (fail(events.length)) throw new Error(`target down (call ${events.length})`);
  };
  return { events, target };
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'event-bus-'));
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  await bus?.close();
  bus = undefined;
  logged.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

describe('PutEvents', () => {
  it('delivers an accepted event to the matching rule only', async () => {
    const assign = recorder();
    const consent = recorder();
    const { bus, client } = await start([
      { name: 'assign', pattern: { source: ['crm.leads'], 'detail-type': ['LeadCaptured'] }, target: assign.target },
      { name: 'consent', pattern: { 'detail-type': ['ConsentRequested'] }, target: consent.target },
    ]);

    const result = await client.send(
      new PutEventsCommand({
        Entries: [{ ...leadCaptured(), Resources: ['lead/L1'], Time: new Date('2025-05-01T10:20:30.456Z') }],
      }),
    );
    await bus.settled();

    expect(result.FailedEntryCount).toBe(0);
    expect(assign.events).toEqual([
      {
        version: '0',
        id: result.Entries?.[0]?.EventId,
        'detail-type': 'LeadCaptured',
        source: 'crm.leads',
        account: '000000000000',
        time: '2025-05-01T10:20:30Z',
        region: 'eu-central-1',
        resources: ['lead/L1'],
        detail: { leadId: 'L1' },
      },
    ]);
    expect(consent.events).toEqual([]);
    expect(bus.recentEvents().map((event) => event.id)).toEqual([result.Entries?.[0]?.EventId]);
  });

  it('reports failed entries one by one and accepts the rest', async () => {
    const assign = recorder();
    const { bus, client } = await start([
      { name: 'assign', pattern: { source: ['crm.leads'] }, target: assign.target },
    ]);

    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          leadCaptured(),
          { ...leadCaptured(), DetailType: undefined },
          { ...leadCaptured(), Detail: '[1, 2]' },
          { ...leadCaptured(), EventBusName: 'other' },
          { ...leadCaptured(), EventBusName: undefined },
          { ...leadCaptured(), EventBusName: 'arn:aws:events:eu-central-1:000000000000:event-bus/crm' },
        ],
      }),
    );
    await bus.settled();

    expect(result.FailedEntryCount).toBe(4);
    const [first, noType, malformed, otherBus, defaultBus, byArn] = result.Entries ?? [];
    expect(first?.EventId).toBeTruthy();
    expect(noType).toEqual({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: expect.stringContaining('DetailType is a required argument'),
    });
    expect(malformed).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(otherBus?.ErrorCode).toBe('ResourceNotFoundException');
    expect(defaultBus?.ErrorMessage).toMatch(/Event bus default does not exist.*set EventBusName/);
    expect(byArn?.EventId).toBeTruthy();
    expect(assign.events.map((event) => event.id).sort()).toEqual([first?.EventId, byArn?.EventId].sort());
  });

  it('refuses a whole request of more than 10 entries or over 256 KB', async () => {
    const { client } = await start([]);
    const tooMany = new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => leadCaptured()) });
    await expect(client.send(tooMany)).rejects.toMatchObject({ name: 'ValidationException' });

    const big = leadCaptured({ padding: 'x'.repeat(140 * 1024) });
    await expect(client.send(new PutEventsCommand({ Entries: [big, big] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('answers other operations with UnknownOperationException', async () => {
    const { bus } = await start([]);
    const response = await fetch(bus.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutRule' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('refuses to start with an invalid rule pattern', async () => {
    await expect(start([{ name: 'broken', pattern: { source: 'crm.leads' }, target: async () => {} }])).rejects.toThrow(
      /Rule broken: Event pattern is not valid/,
    );
  });

  it('refuses to start with a numeric range that can match nothing, naming the rule and the field', async () => {
    const pattern = { detail: { total: [{ numeric: ['>', 10, '<', 10] }] } };
    await expect(start([{ name: 'empty-range', pattern, target: async () => {} }])).rejects.toThrow(
      'Rule empty-range: Event pattern is not valid. Reason: Empty numeric range [">",10,"<",10]: the lower bound ' +
        'must be less than the upper bound (at "detail.total")',
    );
  });
});

describe('delivery failures', () => {
  it('retries a failing target until it succeeds and logs each failure without the detail', async () => {
    const flaky = recorder((call) => call < 3);
    const { bus, client } = await start([{ name: 'assign', pattern: { source: ['crm.leads'] }, target: flaky.target }]);

    await client.send(new PutEventsCommand({ Entries: [leadCaptured({ secret: 'do-not-log' })] }));
    await bus.settled();

    expect(flaky.events).toHaveLength(3);
    expect(bus.deadLetters()).toEqual([]);
    const lines = logged.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`rule assign failed on event ${flaky.events[0]?.id}`);
    expect(lines.join('\n')).not.toContain('do-not-log');
  });

  it('dead-letters an event after the last attempt and redrives it', async () => {
    let down = true;
    const target = recorder(() => down);
    const deadLetterFile = join(dir, 'nested', 'dead-letters.jsonl');
    const { bus, client } = await start(
      [{ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target }],
      deadLetterFile,
    );

    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();

    expect(target.events).toHaveLength(3);
    const [letter] = bus.deadLetters();
    expect(letter).toMatchObject({
      rule: 'assign',
      attempts: 3,
      error: 'target down (call 3)',
      event: { id: target.events[0]?.id },
    });
    const fileLines = (await readFile(deadLetterFile, 'utf8')).trim().split('\n');
    expect(fileLines.map((line) => JSON.parse(line))).toEqual([letter]);
    expect(await (await fetch(`${bus.url}/dead-letters`, { headers: localControlHeaders })).json()).toEqual([letter]);

    down = false;
    const redrive = await fetch(`${bus.url}/dead-letters/redrive`, { method: 'POST', headers: localControlHeaders });
    expect(await redrive.json()).toEqual({ redriven: 1, remaining: 0 });
    expect(target.events).toHaveLength(4);
    expect(target.events[3]?.id).toBe(letter?.event.id);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('keeps a dead letter in memory and logs when its file cannot be written', async () => {
    const target = recorder(() => true);
    const notADirectory = join(dir, 'file');
    await writeFile(notADirectory, '');
    const { bus, client } = await start(
      [{ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target }],
      join(notADirectory, 'dead-letters.jsonl'),
    );
    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();

    expect(bus.deadLetters()).toHaveLength(1);
    expect(logged).toHaveBeenLastCalledWith(expect.stringContaining('[event-bus] background work failed'));
  });

  it('keeps a dead letter whose redrive fails', async () => {
    const target = recorder(() => true);
    const { bus, client } = await start([
      { name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target },
    ]);
    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();

    const redrive = await fetch(`${bus.url}/dead-letters/redrive`, { method: 'POST', headers: localControlHeaders });
    expect(await redrive.json()).toEqual({ redriven: 0, remaining: 1 });
    expect(bus.deadLetters()[0]).toMatchObject({ attempts: 4, error: 'target down (call 4)' });
  });
});

describe('operator endpoints', () => {
  it('lists recent events', async () => {
    const { bus, client } = await start([]);
    const result = await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    const events = (await (
      await fetch(`${bus.url}/events`, { headers: localControlHeaders })
    ).json()) as EventBridgeEvent[];
    expect(events.map((event) => event.id)).toEqual([result.Entries?.[0]?.EventId]);
  });

  it('refuse a request without the local header or for another host name, and still take PutEvents', async () => {
    const target = recorder(() => true);
    const { bus, client } = await start([
      { name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target },
    ]);
    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();
    expect(bus.deadLetters()).toHaveLength(1);

    // What a page on another site can send without a preflight: a simple POST.
    const simple = await fetch(`${bus.url}/dead-letters/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(simple.status).toBe(403);
    expect(await simple.json()).toEqual({ message: expect.stringContaining('x-pusula-local') });
    expect(target.events).toHaveLength(3);
    const listing = await fetch(`${bus.url}/dead-letters`);
    expect(listing.status).toBe(403);
    // DNS rebinding: a foreign host name that resolves to this machine.
    const port = new URL(bus.url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/dead-letters',
          headers: { ...localControlHeaders, host: `attacker.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect((await fetch(`${bus.url}/dead-letters`, { headers: localControlHeaders })).status).toBe(200);
  });
});

describe('dead letters across restarts (item 6)', () => {
  const failingRule = (down: () => boolean) => {
    const target = recorder(down);
    return { target, rules: [{ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target }] };
  };

  it('reads the file back on start, redrives what it held, and a redriven letter stays gone after the next restart', async () => {
    const deadLetterFile = join(dir, 'dead-letters.jsonl');
    let down = true;
    const { target, rules } = failingRule(() => down);
    const first = await start(rules, deadLetterFile);
    await first.client.send(new PutEventsCommand({ Entries: [leadCaptured({ leadId: 'L-outage' })] }));
    await first.bus.settled();
    const [letter] = first.bus.deadLetters();
    await first.bus.close();

    const second = await start(rules, deadLetterFile);
    expect(second.bus.deadLetters()).toEqual([letter]);
    expect(await (await fetch(`${second.bus.url}/dead-letters`, { headers: localControlHeaders })).json()).toEqual([
      letter,
    ]);
    down = false;
    const redrive = await fetch(`${second.bus.url}/dead-letters/redrive`, {
      method: 'POST',
      headers: localControlHeaders,
    });
    expect(await redrive.json()).toEqual({ redriven: 1, remaining: 0 });
    expect(target.events.at(-1)?.detail).toEqual({ leadId: 'L-outage' });
    expect(await readFile(deadLetterFile, 'utf8')).toBe('');
    await second.bus.close();

    const third = await start(rules, deadLetterFile);
    expect(third.bus.deadLetters()).toEqual([]);
  });

  it('keeps a delivery still waiting for its retry as a dead letter when the bus stops', async () => {
    const deadLetterFile = join(dir, 'dead-letters.jsonl');
    const { target, rules } = failingRule(() => true);
    const { bus, client } = await start(rules, deadLetterFile, { retry: { baseDelayMs: 60_000 } });
    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await expect.poll(() => target.events.length).toBe(1);
    expect(bus.deadLetters()).toEqual([]);

    await bus.close();
    const lines = (await readFile(deadLetterFile, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as DeadLetter)).toEqual([
      expect.objectContaining({ rule: 'assign', attempts: 1 }),
    ]);
  });

  it('refuses to start on a damaged dead-letter file rather than lose its letters', async () => {
    const deadLetterFile = join(dir, 'dead-letters.jsonl');
    await writeFile(deadLetterFile, '{"rule":"assign"\n');
    await expect(start([], deadLetterFile)).rejects.toThrow(/dead-letters.jsonl:1 is not a dead letter/);
    expect(await readFile(deadLetterFile, 'utf8')).toBe('{"rule":"assign"\n');
  });

  it('by default retries like EventBridge: exponential, minutes apart at most, for up to a day and 185 attempts', () => {
    expect(defaultRetryPolicy).toMatchObject({ attempts: 185, maxAgeMs: 24 * 3600 * 1000 });
    const upper = (attempt: number) => retryDelayMs(defaultRetryPolicy, attempt, () => 1);
    const lower = (attempt: number) => retryDelayMs(defaultRetryPolicy, attempt, () => 0);
    expect([1, 2, 3, 4].map(upper)).toEqual([1000, 2000, 4000, 8000]);
    expect(lower(4)).toBe(4000);
    // The old local bus gave up after 5 attempts within about 3 s; these wait minutes, then hours in all.
    expect(upper(10)).toBe(512_000);
    expect(upper(11)).toBe(10 * 60 * 1000);
    expect(upper(100)).toBe(10 * 60 * 1000);
    const shortestFirstFive = [1, 2, 3, 4].reduce((sum, attempt) => sum + lower(attempt), 0);
    expect(shortestFirstFive).toBeGreaterThanOrEqual(7500);
    const shortestDay = Array.from({ length: defaultRetryPolicy.attempts - 1 }, (_, i) => lower(i + 1)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(shortestDay).toBeGreaterThan(12 * 3600 * 1000);
  });
});

describe('under load (item 32)', () => {
  it('runs at most `concurrency` targets at once and queues the rest', async () => {
    let active = 0;
    let most = 0;
    const done: string[] = [];
    const target = async (event: EventBridgeEvent) => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      done.push(event.id);
    };
    const { bus, client } = await start([{ name: 'assign', pattern: { source: ['crm.leads'] }, target }], undefined, {
      concurrency: 4,
    });
    for (let batch = 0; batch < 3; batch++) {
      await client.send(
        new PutEventsCommand({
          Entries: Array.from({ length: 10 }, (_, i) => leadCaptured({ leadId: `L${batch}-${i}` })),
        }),
      );
    }
    await bus.settled();
    expect(done).toHaveLength(30);
    expect(most).toBe(4);
  });

  it('parks many retries without a listener each on a shared signal (no MaxListenersExceededWarning) and counts them', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { target, rules } = { target: recorder(() => true), rules: [] as LocalRule[] };
      rules.push({ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target });
      const { bus, client } = await start(rules, undefined, { retry: { attempts: 3, baseDelayMs: 60_000 } });
      for (let batch = 0; batch < 2; batch++) {
        await client.send(new PutEventsCommand({ Entries: Array.from({ length: 10 }, () => leadCaptured()) }));
      }
      await expect.poll(() => target.events.length).toBe(20);
      expect(bus.stats()).toEqual({ retried: 20, deadLettered: 0 });
      await bus.close();
      expect(bus.stats()).toEqual({ retried: 20, deadLettered: 20 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
