import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type EventBridgeEvent, type LocalEventBus, type LocalRule, startEventBus } from '../../infra/local/event-bus.js';

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

const start = async (rules: LocalRule[], deadLetterFile?: string) => {
  bus = await startEventBus({ port: 0, busName, rules, retry: { attempts: 3, baseDelayMs: 1 }, deadLetterFile });
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
      new PutEventsCommand({ Entries: [{ ...leadCaptured(), Resources: ['lead/L1'], Time: new Date('2025-05-01T10:20:30.456Z') }] }),
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
    const { bus, client } = await start([{ name: 'assign', pattern: { source: ['crm.leads'] }, target: assign.target }]);

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
    expect(noType).toEqual({ ErrorCode: 'InvalidArgument', ErrorMessage: expect.stringContaining('DetailType is a required argument') });
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
    const { bus, client } = await start([{ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target }], deadLetterFile);

    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();

    expect(target.events).toHaveLength(3);
    const [letter] = bus.deadLetters();
    expect(letter).toMatchObject({ rule: 'assign', attempts: 3, error: 'target down (call 3)', event: { id: target.events[0]?.id } });
    const fileLines = (await readFile(deadLetterFile, 'utf8')).trim().split('\n');
    expect(fileLines.map((line) => JSON.parse(line))).toEqual([letter]);
    expect(await (await fetch(`${bus.url}/dead-letters`)).json()).toEqual([letter]);

    down = false;
    const redrive = await fetch(`${bus.url}/dead-letters/redrive`, { method: 'POST' });
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
    const { bus, client } = await start([{ name: 'assign', pattern: { source: ['crm.leads'] }, target: target.target }]);
    await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    await bus.settled();

    const redrive = await fetch(`${bus.url}/dead-letters/redrive`, { method: 'POST' });
    expect(await redrive.json()).toEqual({ redriven: 0, remaining: 1 });
    expect(bus.deadLetters()[0]).toMatchObject({ attempts: 4, error: 'target down (call 4)' });
  });
});

describe('operator endpoints', () => {
  it('lists recent events', async () => {
    const { bus, client } = await start([]);
    const result = await client.send(new PutEventsCommand({ Entries: [leadCaptured()] }));
    const events = (await (await fetch(`${bus.url}/events`)).json()) as EventBridgeEvent[];
    expect(events.map((event) => event.id)).toEqual([result.Entries?.[0]?.EventId]);
  });
});
