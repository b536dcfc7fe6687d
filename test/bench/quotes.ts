// Quote submit → approved and sent, through the event path: POST /quotes/{id}/submit (the policy
// approves) → outbox → table stream → relay → bus → send consumer (PDF, SES, two conditional
// writes) → the quote marked mailed. Next to two baselines measured in the same run on the same
// stack: one raw TransactWriteItems of the submit's shape (the floor), and a lead's capture →
// assignment (POST /leads → LeadCaptured → assign consumer → owner set), the same one-hop event path
// with lighter work at the end. One request at a time, so the figures are latencies, not queueing.

import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { createApiKey } from '../../shared/api-keys.js';
import { out } from './output.js';

const QUOTES = Number(process.env.BENCH_QUOTES ?? 30);
/** Untimed first rounds: module loading and first connections belong to cold starts, not to this. */
const WARM_UP = 2;
const POLL_MS = 5;
const TIMEOUT_MS = 30_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), sorted };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the table (not the API, which would add its own latency) until `done` holds for the item. */
export const waitFor = async (
  stack: LocalStack,
  key: { pk: string; sk: string },
  done: (item: Record<string, unknown>) => boolean,
) => {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { Item } = await stack.documents.send(new GetCommand({ TableName: TABLE_NAME, Key: key }));
    if (Item && done(Item)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting on ${key.pk} ${key.sk}`);
    await sleep(POLL_MS);
  }
};

export const benchQuotes = async (stack: LocalStack) => {
  const api = stack.urls.api;
  const run = Date.now().toString(36);
  const { key } = await createApiKey({
    label: 'bench quotes',
    userId: 'rep-ayse',
    role: 'rep',
    scopes: ['quotes:read', 'quotes:write'],
  });
  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  // Baseline 1: the lead's one-hop event path, capture → owner assigned.
  const leadLatencies: number[] = [];
  const customers: string[] = [];
  for (let i = -WARM_UP; i < QUOTES; i++) {
    const started = performance.now();
    const { leadId } = (await call(
      'POST',
      '/leads',
      {
        name: `Bench Teklif ${i}`,
        email: `bench-quote-${run}-${i}@example.com`,
        company: 'Bench A.Ş.',
        city: 'Kocaeli',
      },
      false,
    )) as { leadId: string };
    // Kocaeli leads go to rep-ayse, whose key makes the quotes: reps quote only their own customers.
    // The lead's key names its customer: read it from the id index once the capture is in.
    const customerId = (await getLead(leadId))?.customerId;
    if (!customerId) throw new Error(`lead ${leadId} not found`);
    await waitFor(stack, leadCaptureKeys.lead(customerId, leadId), (item) => item.owner !== undefined);
    if (i >= 0) leadLatencies.push(performance.now() - started);
    customers.push(customerId);
  }

  // Baseline 2: one raw transaction of the submit's shape (the quote, a queue item, two outbox items).
  const rawLatencies: number[] = [];
  for (let i = 0; i < QUOTES; i++) {
    const pk = (kind: string) => `BENCH#${run}#${kind}#${i}`;
    const started = performance.now();
    await stack.documents.send(
      new TransactWriteCommand({
        TransactItems: ['quote', 'queue', 'outbox-1', 'outbox-2'].map((kind) => ({
          Put: {
            TableName: TABLE_NAME,
            Item: { pk: pk(kind), sk: 'BENCH', type: 'bench', payload: 'x'.repeat(kind === 'quote' ? 3000 : 300) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      }),
    );
    rawLatencies.push(performance.now() - started);
  }

  // The quote path: drafts made first (not timed), then each submit timed until the mail is out.
  const drafts: { quoteId: string; customerId: string }[] = [];
  for (const customerId of customers) {
    drafts.push(
      (await call('POST', '/quotes', {
        customerId,
        priceListId: 'tr-standart',
        lines: [
          { sku: 'TP-20', quantity: 2, discountBp: 500 },
          { sku: 'SRV-H', quantity: 8 },
        ],
      })) as { quoteId: string; customerId: string },
    );
  }
  const submitLatencies: number[] = [];
  const sentLatencies: number[] = [];
  for (const [i, draft] of drafts.entries()) {
    const started = performance.now();
    const submitted = await call('POST', `/quotes/${draft.quoteId}/submit`, {});
    if (submitted.status !== 'approved')
      throw new Error(`the policy did not approve the bench quote: ${submitted.status}`);
    const answered = performance.now() - started;
    await waitFor(
      stack,
      quoteApprovalKeys.quote(draft.customerId, draft.quoteId),
      (item) => item.status === 'sent' && item.mailedAt !== undefined,
    );
    if (i < WARM_UP) continue;
    submitLatencies.push(answered);
    sentLatencies.push(performance.now() - started);
  }

  const lead = summary(leadLatencies);
  const raw = summary(rawLatencies);
  const submit = summary(submitLatencies);
  const sent = summary(sentLatencies);
  const row = (s: ReturnType<typeof summary>) => ({ 'p50 ms': s.p50.toFixed(1), 'p99 ms': s.p99.toFixed(1) });
  out.log(`\nQuote submit → approved and sent (${QUOTES} quotes, one at a time, event path on the local stack)`);
  out.table({
    'raw TransactWriteItems (submit-shaped)': row(raw),
    'lead capture → assigned (1 event hop)': row(lead),
    'POST submit (policy approves), HTTP answer': row(submit),
    'submit → sent and mailed (1 event hop, PDF, SES)': row(sent),
  });
  out.log(
    `submit → sent / lead capture → assigned: p50 ${(sent.p50 / lead.p50).toFixed(2)}×, p99 ${(sent.p99 / lead.p99).toFixed(2)}×; ` +
      `submit → sent / raw transaction: p50 ${(sent.p50 / raw.p50).toFixed(1)}×`,
  );
  return { raw, lead, submit, sent, quotes: drafts, key };
};
