// `npm run bench`: figures as ratios against a baseline measured in the same run, so a busy or slow
// machine moves both sides alike. Nothing here passes or fails; it prints.
//   1. Lead capture through the local HTTP API (16 concurrent clients), end to end (captured,
//      assigned, both mails sent), vs the design minimum of the same leads issued directly with the
//      SDK, and vs raw TransactWriteItems of the capture's shape; every item written with its size,
//      and write units per lead as AWS bills those items (and as DynamoDB Local reports them) beside
//      the minimum the design needs.
//   2. Quote submit → approved and sent (through the outbox, the bus and SES) vs lead capture → assigned.
//   3. Order intake → routed and unit mailed vs lead capture → assigned, and the SLA sweep's reads
//      with 10,000 orders waiting of which 10 are due (test/bench/orders.ts).
//   4. The case SLA sweep's read units with 10,000 open cases of which 10 are due, and the delay from
//      due to escalated on the local scheduler.
//   5. The call center's lookup by phone with 1,000 customers of 50 items each vs one GetItem, its
//      read-log entries counted and each DynamoDB command timed (test/bench/customers.ts).
//   6. The nightly A/B/C job (BENCH_ANALYTICS_CUSTOMERS, default 2,000) and an order's p50 into its
//      customer's figures (test/bench/analytics.ts).
//   7. A campaign to 10,000 customers: achieved send rate ÷ SES_MAX_SEND_RATE, duplicates and misses
//      from the SES store (test/bench/campaigns.ts).
//   8. Loyalty: 10,000 delivered orders' points (BENCH_LOYALTY_ORDERS), each event delivered three
//      times: duplicates and write units per order beside the design minimum, and one account's
//      item size after five years of postings (test/bench/loyalty.ts).
//   9. Segments by what people buy: the segment pass with a category condition over
//      BENCH_SEGMENT_CUSTOMERS customers (default 100,000) of BENCH_SEGMENT_LINES order lines each
//      (default 10), beside the nightly A/B/C job over the same buyers (test/bench/segments.ts).
//  10. A letter run of 200,000 letters (`--letters N` for a quicker one) printed by the part printer:
//      letters/s, pages, peak RSS and time a letter per part (first and last), the floor (pdf-lib drawing the same
//      strings, no layout) and what 200,000 take at the measured rate (test/bench/letters.ts).
//  11. Each function's bundle size and cold init vs a bundle that only constructs the SDK clients it uses, bundled
//      as the CDK bundles them (its lazy modules beside it, their size apart: they are not parsed at start).
// `BENCH_ONLY=lookup,bundles npm run bench` runs only the named parts (leads, quotes, orders, cases, lookup,
// analytics, campaigns, loyalty, segments, letters, bundles); `BENCH_FUNCTIONS=quote,leads` bundles only functions whose
// name holds one of those words. The stack listens from PUSULA_BENCH_PORT (or PUSULA_TEST_PORT, else
// 3300) up: API, DynamoDB Local at +1, SES at +2 and so on (infra/local/runtime.ts, localPorts).
// Only the bench's tables and ratios reach the terminal: the handlers' output goes to the file
// output.ts names (.bench-handlers.log at the repository root).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { lazyModules } from '../../functions/lazy-modules.js';
import { platform, useCases } from '../../functions/manifests.js';
import { esbuildSettings } from '../../infra/constructs/esbuild-settings.js';
import { repoRoot } from '../../infra/local/functions.js';
import { startLocalStack, TABLE_NAME } from '../../infra/local/runtime.js';
import { db } from '../../shared/db.js';
import { benchAccepted } from './accepted.js';
import { benchAnalytics } from './analytics.js';
import { benchCampaign } from './campaigns.js';
import { benchCaseSweep } from './cases.js';
import { awsWriteUnits, itemBytes, type Touched, watchCommands, writeCommands, writtenItems } from './commands.js';
import { benchLookup } from './customers.js';
import { designMinimumLead, designMinimumWriteUnits } from './design-minimum.js';
import { benchLetters } from './letters.js';
import { benchLoyalty } from './loyalty.js';
import { benchOrders } from './orders.js';
import { divertHandlerOutput, handlerLogFd, out } from './output.js';
import { benchQuotePdf } from './quote-pdf.js';
import { benchQuotes } from './quotes.js';
import { benchSegments } from './segments.js';

const CLIENTS = 16;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 800);
const COLD_STARTS = 7;
const outDir = join(repoRoot, '.bench');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Runs `total` jobs on `clients` concurrent workers; returns per-job latencies (ms) and the wall time. */
const load = async (total: number, clients: number, job: (i: number) => Promise<void>) => {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await job(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
};

const throughput = async (stack: Awaited<ReturnType<typeof startLocalStack>>) => {
  const run = `${Date.now().toString(36)}`;
  // Raw: the five puts a new-person capture writes (customer, two markers, lead, outbox), one transaction.
  const raw = await load(REQUESTS, CLIENTS, async (i) => {
    const pk = (kind: string) => `BENCH#${run}#${kind}#${i}`;
    await stack.documents.send(
      new TransactWriteCommand({
        TransactItems: ['customer', 'email', 'phone', 'lead', 'outbox'].map((kind) => ({
          Put: {
            TableName: TABLE_NAME,
            Item: { pk: pk(kind), sk: 'BENCH', type: 'bench', payload: 'x'.repeat(200) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      }),
    );
  });
  const minimum = await load(REQUESTS, CLIENTS, (i) => designMinimumLead(stack.documents, `${run}-${i}`));
  // The stack's own writes, counted as DynamoDB bills them (table and indexes).
  const units = countWriteUnits();
  await stack.settle();
  units.reset();
  const started = performance.now();
  const api = await load(REQUESTS, CLIENTS, async (i) => {
    const response = await fetch(`${stack.urls.api}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` },
      body: JSON.stringify({
        name: `Bench Kişi ${i}`,
        email: `bench-${run}-${i}@example.com`,
        phone: `+90532${String(1_000_000 + i).padStart(7, '0')}`,
        city: 'İstanbul',
        productInterest: 'Forklift',
      }),
    });
    if (response.status !== 201) throw new Error(`lead capture answered ${response.status}: ${await response.text()}`);
  });
  // End to end: every lead assigned and both its mails sent.
  await stack.settle();
  const endToEnd = (performance.now() - started) / 1000;
  const measuredUnits = units.total() / REQUESTS;
  units.stop();
  const writesByKind = await units.sized();
  const rawRate = REQUESTS / raw.seconds;
  const apiRate = REQUESTS / api.seconds;
  const minimumRate = REQUESTS / minimum.seconds;
  const endToEndRate = REQUESTS / endToEnd;
  out.log(`\nLead capture, ${REQUESTS} new-customer leads, ${CLIENTS} concurrent clients`);
  out.table({
    'raw TransactWriteItems (5 puts)': {
      'per second': rawRate.toFixed(0),
      'p50 ms': percentile(raw.latencies, 50).toFixed(1),
      'p99 ms': percentile(raw.latencies, 99).toFixed(1),
    },
    'design minimum, SDK direct (capture + assignment + 2 mails)': {
      'per second': minimumRate.toFixed(0),
      'p50 ms': percentile(minimum.latencies, 50).toFixed(1),
      'p99 ms': percentile(minimum.latencies, 99).toFixed(1),
    },
    'POST /leads over HTTP (answer)': {
      'per second': apiRate.toFixed(0),
      'p50 ms': percentile(api.latencies, 50).toFixed(1),
      'p99 ms': percentile(api.latencies, 99).toFixed(1),
    },
    'POST /leads end to end (assigned, both mails sent)': {
      'per second': endToEndRate.toFixed(0),
      'p50 ms': '',
      'p99 ms': '',
    },
  });
  out.log(`capture rate / design-minimum rate: ${ratio(endToEndRate, minimumRate)} (end to end; goal ≥ 0.80×)`);
  out.log(`capture rate / raw transaction rate: ${ratio(apiRate, rawRate)} (the HTTP answer alone)`);
  const minimumUnits = Object.values(designMinimumWriteUnits).reduce((a, b) => a + b, 0);
  const awsUnits = [...writesByKind.values()].reduce((n, row) => n + row.writes * row.awsUnits, 0) / REQUESTS;
  out.log(
    `write units per new-customer lead: ${awsUnits.toFixed(1)} as AWS bills the items' sizes ` +
      `(DynamoDB Local reported ${measuredUnits.toFixed(1)}), design minimum ${minimumUnits}`,
  );
  out.table(Object.fromEntries(Object.entries(designMinimumWriteUnits).map(([what, n]) => [what, { units: n }])));
  out.log(
    "The stack's writes per new-customer lead, most units first: each item's size in bytes, the units AWS " +
      'bills for them (per item, per started KB, twice in a transaction) and what DynamoDB Local reported:',
  );
  out.table(
    Object.fromEntries(
      [...writesByKind]
        .sort(([, a], [, b]) => b.writes * b.awsUnits - a.writes * a.awsUnits)
        .map(([what, { writes, units, bytes, awsUnits }]) => [
          what,
          {
            'writes per lead': (writes / REQUESTS).toFixed(2),
            'item bytes': bytes.join(' + '),
            'AWS units per lead': ((writes * awsUnits) / REQUESTS).toFixed(2),
            'Local units per lead': (units / REQUESTS).toFixed(2),
          },
        ]),
    ),
  );
};

/** Items of each kind sized after the run (an update's or a check's item is read back): a few suffice. */
const SIZED = 5;

/**
 * Sums the write capacity DynamoDB reports for every write the stack's functions make (they run in
 * this process and share one document client), table and indexes together, by what was written;
 * and sizes the items each kind of write touches, for the units AWS bills (per item, per started KB).
 */
const countWriteUnits = () => {
  let total = 0;
  /** By what was written: writes, units DynamoDB Local reported, and the touched items (a few keys kept). */
  const byWrite = new Map<string, { writes: number; units: number; items: Touched[][] }>();
  const stop = watchCommands(
    'benchWriteUnits',
    (command, input, output) => {
      if (!writeCommands.includes(command)) return;
      const consumed = (output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      let units = 0;
      for (const entry of [consumed ?? []].flat() as { CapacityUnits?: number; WriteCapacityUnits?: number }[]) {
        units += entry.WriteCapacityUnits ?? entry.CapacityUnits ?? 0;
      }
      total += units;
      const items = writtenItems(command, input);
      const label = `${command}: ${items.map((item) => item.label).join(' + ')}`;
      const seen = byWrite.get(label) ?? { writes: 0, units: 0, items: [] };
      if (seen.items.length < SIZED) seen.items.push(items);
      byWrite.set(label, { writes: seen.writes + 1, units: seen.units + units, items: seen.items });
    },
    (command, input) => {
      if (writeCommands.includes(command)) input.ReturnConsumedCapacity = 'INDEXES';
    },
  );
  /** Each kind's items' sizes (the largest of the kinds' samples) and the units AWS bills for them. */
  const sized = async () => {
    const rows = new Map<string, { writes: number; units: number; bytes: number[]; awsUnits: number }>();
    for (const [label, { writes, units, items }] of byWrite) {
      const bytes: number[] = [];
      for (const sample of items) {
        for (const [i, one] of sample.entries()) {
          const item =
            one.item ?? (one.key && (await db().send(new GetCommand({ TableName: TABLE_NAME, Key: one.key }))).Item);
          bytes[i] = Math.max(bytes[i] ?? 0, item ? itemBytes(item) : 0);
        }
      }
      const transactional = label.startsWith('TransactWriteItems');
      const awsUnits = bytes.reduce((n, b) => n + awsWriteUnits(b, transactional), 0);
      rows.set(label, { writes, units, bytes, awsUnits });
    }
    return rows;
  };
  return {
    total: () => total,
    sized,
    reset: () => {
      total = 0;
      byWrite.clear();
    },
    stop,
  };
};

// ---- bundles and cold starts -------------------------------------------------------------------

/** As the CDK bundles each function (infra/constructs/crm-function.ts): the same esbuild settings. */
const bundleOptions = { ...esbuildSettings, metafile: true, logLevel: 'silent' as const };

const sdkClients: Record<string, string> = {
  '@aws-sdk/client-dynamodb': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; new DynamoDBClient({});",
  '@aws-sdk/lib-dynamodb':
    "import { DynamoDBClient as D } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'; DynamoDBDocumentClient.from(new D({}));",
  '@aws-sdk/client-ses': "import { SESClient } from '@aws-sdk/client-ses'; new SESClient({});",
  '@aws-sdk/client-eventbridge':
    "import { EventBridgeClient } from '@aws-sdk/client-eventbridge'; new EventBridgeClient({});",
};

const coldInitOnce = (file: string) => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const printed = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', handlerLogFd()],
    env: {
      ...process.env,
      TABLE_NAME: 'bench',
      EVENT_BUS_NAME: 'crm',
      AWS_REGION: 'eu-central-1',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  });
  return Number(printed.toString().trim());
};

/**
 * The function's and its floor's cold inits, sampled in turns (function, floor, function, …) so that
 * a machine busy with other work slows both alike; the median of each.
 */
const coldInitMs = (file: string, floorFile: string) => {
  const samples = { fn: [] as number[], floor: [] as number[] };
  for (let i = 0; i < COLD_STARTS; i++) {
    samples.fn.push(coldInitOnce(file));
    samples.floor.push(coldInitOnce(floorFile));
  }
  return { fnMs: median(samples.fn), baseMs: median(samples.floor) };
};

const bundles = async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const functions = [
    ...useCases.flatMap((u) =>
      Object.entries(u.functions).map(([name, fn]) => ({ name: `${u.name}.${name}`, entry: fn.entry })),
    ),
    ...Object.entries(platform).map(([name, fn]) => ({ name, entry: fn.entry })),
  ];
  const wanted = process.env.BENCH_FUNCTIONS?.split(',');
  const rows: { name: string; sortBy: number; row: Record<string, string> }[] = [];
  for (const fn of functions.filter((f) => !wanted || wanted.some((w) => f.name.includes(w)))) {
    const outfile = join(outDir, `${fn.name}.mjs`);
    const result = await build({ ...bundleOptions, entryPoints: [resolve(repoRoot, fn.entry)], outfile });
    // The lazy modules it names go beside it, as the CDK's bundling puts them: on disk, not parsed at start.
    const code = readFileSync(outfile, 'utf8');
    const lazy = lazyModules.filter((module) => code.includes(module.from));
    for (const module of lazy) {
      await build({
        ...bundleOptions,
        entryPoints: [resolve(repoRoot, module.from)],
        outfile: join(outDir, module.to),
      });
    }
    const used = Object.keys(sdkClients).filter((pkg) =>
      Object.keys(result.metafile!.inputs).some((input) => input.includes(`node_modules/${pkg}/`)),
    );
    const baselineFile = join(outDir, `${fn.name}.baseline.mjs`);
    writeFileSync(`${baselineFile}.src.mjs`, used.map((pkg) => sdkClients[pkg]).join('\n') || 'export {};');
    await build({ ...bundleOptions, entryPoints: [`${baselineFile}.src.mjs`], outfile: baselineFile });
    const { fnMs, baseMs } = coldInitMs(outfile, baselineFile);
    // A function that uses no SDK client has no floor but Node itself: its ratio says nothing.
    const noFloor = used.length === 0;
    rows.push({
      name: fn.name,
      sortBy: noFloor ? 0 : fnMs / baseMs,
      row: {
        KB: (size(outfile) / 1024).toFixed(0),
        'lazy KB': lazy.length ? (lazy.reduce((sum, m) => sum + size(join(outDir, m.to)), 0) / 1024).toFixed(0) : '',
        'baseline KB': (size(baselineFile) / 1024).toFixed(0),
        'size ratio': noFloor ? '—' : ratio(size(outfile), size(baselineFile)),
        'init ms': fnMs.toFixed(0),
        'baseline ms': baseMs.toFixed(0),
        'init ratio': noFloor ? '—' : ratio(fnMs, baseMs),
        'SDK clients': used.map((p) => p.replace('@aws-sdk/', '')).join(' '),
      },
    });
  }
  rows.sort((a, b) => b.sortBy - a.sortBy);
  const ratios = rows.filter((r) => r.sortBy > 0).map((r) => r.sortBy);
  out.log(
    `\nBundles (as the CDK builds them; lazy KB: the lazy modules beside, not parsed at start) and cold init (median of ${COLD_STARTS} fresh processes)`,
  );
  out.table(Object.fromEntries(rows.map((r) => [r.name, r.row])));
  out.log(
    `cold init / SDK-only floor: median ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×, ` +
      `${ratios.filter((r) => r <= 1.2).length} of ${ratios.length} functions at ≤ 1.20× (goal: every one)`,
  );
};

const size = (file: string) => statSync(file).size;

const only = process.env.BENCH_ONLY?.split(',');
const part = (name: string) => !only || only.includes(name);

out.log(`The handlers' logs and metric lines of this run: ${divertHandlerOutput()}`);
const stackParts = [
  'leads',
  'quotes',
  'orders',
  'accepted',
  'cases',
  'lookup',
  'analytics',
  'campaigns',
  'sms',
  'loyalty',
  'segments',
  'letters',
];
if (stackParts.some(part)) {
  const stack = await startLocalStack({
    portBase: Number(process.env.PUSULA_BENCH_PORT ?? process.env.PUSULA_TEST_PORT ?? 3300),
    quiet: true,
    checkResponses: false,
    publicRateLimit: 1_000_000,
  });
  try {
    if (part('leads')) await throughput(stack);
    if (part('quotes') || part('orders') || part('accepted')) {
      const quotes = await benchQuotes(stack);
      if (part('orders')) await benchOrders(stack, quotes.lead);
      if (part('accepted')) await benchAccepted(stack, quotes);
    }
    if (part('cases')) await benchCaseSweep(stack);
    if (part('lookup')) await benchLookup(stack);
    if (part('analytics')) await benchAnalytics(stack);
    if (part('campaigns')) await benchCampaign(stack);
    if (part('sms')) await benchCampaign(stack, 'sms');
    if (part('loyalty')) await benchLoyalty(stack);
    if (part('segments')) await benchSegments(stack);
    if (part('letters')) await benchLetters(stack);
    await stack.settle();
    const { retried, deadLettered } = stack.eventBus.stats();
    out.log(
      `\nEvent deliveries during the run: ${retried} retried, ${deadLettered} dead-lettered (a healthy run has 0 and 0).`,
    );
  } finally {
    await stack.stop();
  }
}
if (part('pdf')) await benchQuotePdf();
if (part('bundles')) await bundles();
process.exit(0);
