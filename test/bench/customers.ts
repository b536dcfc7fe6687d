// The call center's lookup while an agent is on the phone: BENCH_CUSTOMERS customers (1,000) of 50
// items each (the profile, leads with their status history and notes, consent entries), looked up
// by phone in the forms people type over the local HTTP API, beside a single GetItem of a profile on the
// same DynamoDB Local in the same run — the floor one round trip to the table sets.

import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { signInWithPassword } from '../../functions/authorizer/cognito.js';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import { type Lead, leads } from '../../functions/lead-capture/lead-store.js';
import { authorizerCacheSeconds } from '../../functions/manifests.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { createApiKey } from '../../shared/api-keys.js';
import type { ConsentEntry } from '../../shared/consent.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { readLabel, watchCommands, writeCommands, writtenItems } from './commands.js';
import { out } from './output.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2_000);
const CLIENTS = 8;
/** Per customer: 1 profile + 15 leads + 15 status-history items + 10 lead notes + 9 consent entries = 50. */
const LEADS = 15;
const NOTES = 10;
const CONSENTS = 9;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Customer i's mobile number in one of the forms callers and agents type (lookup j's), and the E.164 its marker holds. */
const typedPhone = (i: number, j: number) => {
  const [a, b] = [String(i).padStart(4, '0').slice(0, 2), String(i).padStart(4, '0').slice(2)];
  return [`0 (532) 700 ${a} ${b}`, `+90 532 700 ${a}${b}`, `0532700${a}${b}`, `532-700-${a}-${b}`][j % 4]!;
};
const e164 = (i: number) => `+90532700${String(i).padStart(4, '0')}`;

const customerItems = (run: string, i: number): Record<string, unknown>[] => {
  const customerId = `bench-lookup-${run}-${i}`;
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + (i * 100 + minutes) * 60_000).toISOString();
  const items: Record<string, unknown>[] = [
    {
      ...customers.item({
        customerId,
        name: `Bench Müşteri ${i}`,
        phone: e164(i),
        city: 'İstanbul',
        language: 'tr',
        createdAt: at(0),
        updatedAt: at(0),
      }),
      ownerIds: new Set(['rep-ayse']),
    },
    { ...keys.phoneMarker(e164(i)), type: 'phone-marker', customerId },
  ];
  for (let l = 0; l < LEADS; l++) {
    const lead: Lead = {
      leadId: newId(),
      customerId,
      status: 'contacted',
      seq: 2,
      name: `Bench Müşteri ${i}`,
      phone: e164(i),
      productInterest: 'Forklift',
      message: 'Fiyat bilgisi istiyorum.'.repeat(4),
      language: 'tr',
      owner: { type: 'user', id: 'rep-ayse', ruleId: 'bench' },
      createdAt: at(l),
      updatedAt: at(l),
    };
    items.push(leads.item(lead));
    const key = leads.key(lead);
    items.push({
      ...keys.history(key, at(l + 1), newId()),
      type: 'history',
      entityType: 'lead',
      at: at(l + 1),
      from: 'new',
      to: 'contacted',
      actorId: 'rep-ayse',
      action: 'contact',
    });
    if (l < NOTES)
      items.push({
        ...leadCaptureKeys.leadNote(customerId, lead.leadId, newId()),
        type: 'lead-note',
        text: 'Aradım, yarın tekrar aranacak.',
        authorId: 'rep-ayse',
        createdAt: at(l + 2),
      });
  }
  for (let c = 0; c < CONSENTS; c++) {
    const entry: ConsentEntry = {
      customerId,
      channel: 'phone',
      address: e164(i),
      topic: 'all',
      action: c % 2 === 0 ? 'granted' : 'withdrawn',
      via: 'call-center',
      source: 'bench',
      occurredAt: at(c),
    };
    items.push({ ...keys.consentEntry(customerId, 'phone', entry.occurredAt, newId()), type: 'consent', ...entry });
  }
  return items;
};

const writeAll = async (stack: LocalStack, all: Record<string, unknown>[]) => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let pending = batch.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length) {
          const out = await stack.documents.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending } }));
          pending = (out.UnprocessedItems?.[TABLE_NAME] ?? []) as typeof pending;
        }
      }
    }),
  );
};

const timed = async (job: (i: number) => Promise<void>) => {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < LOOKUPS) {
        const i = next++;
        const t = performance.now();
        await job(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
};

/**
 * The lookups timed, and the DynamoDB commands the authorizer and the handler sent meanwhile: how
 * many a lookup, and each one's p50 and p99 (the read-log entries written are among them).
 */
const profiled = async (job: (i: number) => Promise<void>) => {
  const byCommand = new Map<string, number[]>();
  let readLogEntries = 0;
  const stop = watchCommands('benchLookupCommands', (command, input, _output, ms) => {
    const written = writeCommands.includes(command) ? writtenItems(command, input) : [];
    readLogEntries += written.filter((item) => item.label === 'record-read').length;
    const label = `${command}: ${written.length ? written.map((item) => item.label).join(' + ') : readLabel(input)}`;
    const times = byCommand.get(label) ?? [];
    times.push(ms);
    byCommand.set(label, times);
  });
  try {
    const latencies = await timed(job);
    const commands = Object.fromEntries(
      [...byCommand].map(([label, ms]) => {
        const sorted = ms.sort((a, b) => a - b);
        return [
          label,
          {
            'per lookup': (ms.length / LOOKUPS).toFixed(2),
            'p50 ms': percentile(sorted, 50).toFixed(1),
            'p99 ms': percentile(sorted, 99).toFixed(1),
          },
        ];
      }),
    );
    return { latencies, commands, readLogEntries };
  } finally {
    stop();
  }
};

export const benchLookup = async (stack: LocalStack) => {
  const run = Date.now().toString(36);
  const seeded: Record<string, unknown>[] = [];
  for (let i = 0; i < CUSTOMERS; i++) seeded.push(...customerItems(run, i));
  await writeAll(stack, seeded);
  const { key } = await createApiKey({
    label: 'bench lookup',
    userId: 'agent-deniz',
    role: 'agent',
    scopes: ['customers:read'],
  });
  const pick = (i: number) => (i * 7919) % CUSTOMERS;

  const getItem = await timed(async (i) => {
    const { Item } = await stack.documents.send(
      new GetCommand({ TableName: TABLE_NAME, Key: keys.customer(`bench-lookup-${run}-${pick(i)}`) }),
    );
    if (!Item) throw new Error('bench customer missing');
  });
  const lookupAs = (bearer: string) =>
    profiled(async (i) => {
      const response = await fetch(
        `${stack.urls.api}/customers/lookup?phone=${encodeURIComponent(typedPhone(pick(i), i))}`,
        { headers: { authorization: `Bearer ${bearer}` } },
      );
      const text = await response.text();
      if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${text}`);
    });
  // Every call a miss of API Gateway's authorizer cache: the authorizer's own reads before each lookup.
  const uncached = await lookupAs(key);
  // As API Gateway runs them: the authorizer's answer kept for its Authorization header.
  stack.cacheAuthorizer(authorizerCacheSeconds);
  const withKey = await lookupAs(key);
  // The call center's agents sign in: their calls are a person's, counted against their daily quota.
  const tokens = await signInWithPassword(stack.signIn.clientId, 'deniz.agent@example.com', stack.signIn.password);
  const signedIn = await lookupAs(tokens.IdToken);
  stack.cacheAuthorizer(0);
  const person = signedIn.latencies;
  out.log(
    `\nCall-center lookup by phone, ${CUSTOMERS} customers of ${(seeded.length - CUSTOMERS) / CUSTOMERS} items each in their partition, ${LOOKUPS} lookups, ${CLIENTS} clients`,
  );
  const row = (latencies: number[]) => ({
    'p50 ms': percentile(latencies, 50).toFixed(1),
    'p99 ms': percentile(latencies, 99).toFixed(1),
    'p50 ratio': `${(percentile(latencies, 50) / percentile(getItem, 50)).toFixed(2)}×`,
    'p99 ratio': `${(percentile(latencies, 99) / percentile(getItem, 99)).toFixed(2)}×`,
  });
  const rows = {
    "GET /customers/lookup, an agent's API key, authorizer asked every call": uncached,
    "GET /customers/lookup, an agent's API key (authorizer's answer kept, as API Gateway)": withKey,
    'GET /customers/lookup, a signed-in agent (answer kept; daily count)': signedIn,
  };
  out.table({
    'floor: GetItem of one profile (SDK direct)': row(getItem),
    ...Object.fromEntries(Object.entries(rows).map(([name, measured]) => [name, row(measured.latencies)])),
  });
  out.log(
    `read-log entries written (each lookup shows one customer): ${Object.values(rows)
      .map((measured) => `${measured.readLogEntries} of ${LOOKUPS}`)
      .join(', ')}`,
  );
  for (const [name, measured] of Object.entries(rows)) {
    out.log(`Each DynamoDB command of the authorizer and the handler — ${name}:`);
    out.table(measured.commands);
  }
  out.log(
    `signed-in agent's lookup / GetItem: p50 ${(percentile(person, 50) / percentile(getItem, 50)).toFixed(2)}× ` +
      `(goal ≤ 3.00×), p99 ${(percentile(person, 99) / percentile(getItem, 99)).toFixed(2)}× (goal ≤ 4.00×)`,
  );
};
