// A letter run on the local stack: N customers with postal addresses written straight into DynamoDB
// Local (BENCH_LETTERS or `--letters`, default 200,000), one run made, its parts printed by the real
// part printer (LetterRunPartDue on the local bus, PDFs into the local S3 endpoint), BENCH_LETTER_PART
// (or `--letter-part`) letters a part, default LETTER_PART_SIZE's 5,000. Prints letters/s, pages, peak
// RSS per part, and whether memory grows with the part count: the process's peak RSS while part 1
// printed beside its peak while the last part printed (the printer runs in the bench's process here).

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createSegment } from '../../functions/campaigns/segments.js';
import { normalizeAddress } from '../../functions/letters/domain/postal-address.js';
import { lettersKeys } from '../../functions/letters/keys.js';
import { createRun, getRun } from '../../functions/letters/letter-runs.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { config } from '../../shared/config.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { out } from './output.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const LETTERS = Number(arg('letters') ?? process.env.BENCH_LETTERS ?? 200_000);
const PART = Number(arg('letter-part') ?? process.env.BENCH_LETTER_PART ?? config.letterPartSize());

const MB = 1024 * 1024;

/** The customers, each with a postal address, in batches of 25 puts, 8 batches at a time. */
const seed = async (stack: LocalStack, tag: string) => {
  const now = new Date().toISOString();
  const items = Array.from({ length: LETTERS }, (_, i) => {
    const customerId = newId();
    const address = normalizeAddress({
      mahalle: 'Caferağa',
      street: `Sokak ${i % 500}`,
      buildingNo: String(1 + (i % 90)),
      district: 'Kadıköy',
      province: 'istanbul',
      postalCode: '34710',
    });
    return [
      customers.item({
        customerId,
        name: `Mektup Müşteri ${i}`,
        language: i % 5 ? 'tr' : 'en',
        tags: [tag],
        createdAt: now,
        updatedAt: now,
      }),
      {
        ...lettersKeys.postalAddress(customerId),
        type: 'postal-address',
        ...address,
        customerId,
        seq: 1,
        updatedAt: now,
      },
    ];
  }).flat();
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  for (let i = 0; i < batches.length; i += 8)
    await Promise.all(
      batches
        .slice(i, i + 8)
        .map((batch) =>
          stack.documents.send(
            new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: batch.map((Item) => ({ PutRequest: { Item } })) } }),
          ),
        ),
    );
};

export const benchLetters = async (stack: LocalStack) => {
  const tag = `bench-letters-${newId()}`.toLowerCase();
  out.log(`\nLetter run, ${LETTERS} letters in parts of ${PART}, printed by the part printer from the local bus`);
  const seeding = performance.now();
  await seed(stack, tag);
  out.log(`seeded ${LETTERS} customers with addresses in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
  const segment = await createSegment(
    { name: 'Bench letters', filter: { tags: [tag] }, consent: { channel: 'email', topic: 'all' } },
    'bench',
  );
  const started = performance.now();
  const run = await createRun(
    {
      kind: 'letters',
      segmentId: segment.segmentId,
      purpose: 'transactional',
      partSize: PART,
      template: {
        tr: {
          subject: 'Bilgilendirme',
          body: '{{salutation}},\n\n{{date}} itibarıyla hesabınızla ilgili bilgilendirme.',
        },
        en: { subject: 'Notice', body: '{{salutation}},\n\nA notice about your account as of {{date}}.' },
      },
      letterhead: { name: 'Örnek Ticaret A.Ş.', lines: ['Moda Cad. 1, Kadıköy / İstanbul'] },
    },
    'bench',
  );
  // Peak RSS while each part printed: sampled every 50 ms, attributed to the part being printed.
  const peaks: number[] = [];
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let state = run;
  try {
    while (state.status !== 'done') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = (await getRun(run.runId))!;
      if (now.parts > state.parts) {
        peaks.push(peak);
        out.log(`  part ${now.parts}: ${now.printed} letters so far, peak RSS ${(peak / MB).toFixed(0)} MB`);
        peak = process.memoryUsage().rss;
      }
      state = now;
      if (performance.now() - started > 6 * 3600_000) throw new Error('The letter run did not finish in 6 hours');
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  out.log(
    `letters/s: ${(state.printed / seconds).toFixed(1)} (${state.printed} letters, ${state.parts} parts, ${seconds.toFixed(0)} s)`,
  );
  out.log(`pages: ${state.printed} (one A4 page a letter), skipped: ${JSON.stringify(state.skipped)}`);
  const first = peaks[0] ?? 0;
  const last = peaks.at(-1) ?? 0;
  // The whole local stack shares the process, so RSS also holds the bus, the relay and V8's unreturned heap.
  out.log(
    `peak RSS after part 1: ${(first / MB).toFixed(0)} MB, after part ${peaks.length}: ${(last / MB).toFixed(0)} MB ` +
      `(last ÷ first ${(last / Math.max(first, 1)).toFixed(2)}×; flat means memory does not grow with the parts)`,
  );
};
