// An accepted quote to its unit's mail: POST /quotes/{id}/answer (accepted, as staff record an answer
// given by phone) → QuoteAccepted → the order made from the quote → OrderCreated → routed →
// OrderRouted → the unit's mail marked done. Three event hops. Beside the floor measured in the same
// run on the same stack: a lead's capture → assigned (one transaction answered over HTTP, one event
// hop, the consumer's transaction), which is the "one transaction + one event hop" the goal names.
import type { LocalStack } from '../../infra/local/runtime.js';
import { keys } from '../../shared/table.js';
import { out } from './output.js';
import { type benchQuotes, summary, waitFor } from './quotes.js';

const WARM_UP = 2;

export const benchAccepted = async (stack: LocalStack, quotes: Awaited<ReturnType<typeof benchQuotes>>) => {
  const latencies: number[] = [];
  for (const [i, quote] of quotes.quotes.entries()) {
    const started = performance.now();
    const response = await fetch(`${stack.urls.api}/quotes/${quote.quoteId}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${quotes.key}` },
      body: JSON.stringify({ answer: 'accepted' }),
    });
    if (response.status !== 200) throw new Error(`answer: ${response.status} ${await response.text()}`);
    // The order made from a quote carries the quote's id.
    await waitFor(stack, keys.mailMarker(`order-unit#${quote.quoteId}#1`), (item) => item.state === 'done');
    if (i >= WARM_UP) latencies.push(performance.now() - started);
  }
  const mailed = summary(latencies);
  const row = (s: ReturnType<typeof summary>) => ({ 'p50 ms': s.p50.toFixed(1), 'p99 ms': s.p99.toFixed(1) });
  out.log(`\nAccepted quote → the unit's mail (${latencies.length} quotes, one at a time, three event hops)`);
  out.table({
    'floor: lead capture → assigned (1 transaction + 1 event hop)': row(quotes.lead),
    'POST answer (accepted) → order → routed → unit mailed': row(mailed),
  });
  out.log(
    `accepted → unit mailed / one transaction + one event hop: p50 ${(mailed.p50 / quotes.lead.p50).toFixed(2)}× ` +
      '(goal ≤ 2.00×)',
  );
  return mailed;
};
