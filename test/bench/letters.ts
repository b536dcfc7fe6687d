// A letter run on the local stack: N customers with postal addresses written straight into DynamoDB
// Local (BENCH_LETTERS or `--letters`, default 200,000), one run made, its parts printed by the real
// part printer (LetterRunPartDue on the local bus, PDFs into the local S3 endpoint), BENCH_LETTER_PART
// (or `--letter-part`) letters a part, default LETTER_PART_SIZE's 5,000. Prints letters/s, pages, peak
// RSS per part, and whether memory grows with the part count: the process's peak RSS while part 1
// printed beside its peak while the last part printed (the printer runs in the bench's process here),
// both beside the printer Lambda's memory setting; each part's time per letter, and the floor measured
// in the same run: pdf-lib with the same fonts drawing the same strings, one page a letter, no layout.
// A run of fewer than 200,000 letters prints what 200,000 would take at the measured rate.

import { readFile } from 'node:fs/promises';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { createSegment } from '../../functions/campaigns/segments.js';
import { normalizeAddress } from '../../functions/letters/domain/postal-address.js';
import { lettersKeys } from '../../functions/letters/keys.js';
import { createRun, getRun } from '../../functions/letters/letter-runs.js';
import { letters as lettersManifest } from '../../functions/letters/manifest.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { assetPath } from '../../shared/assets.js';
import { config } from '../../shared/config.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { pdfFonts } from '../../shared/pdf-fonts.js';
import { out } from './output.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const LETTERS = Number(arg('letters') ?? process.env.BENCH_LETTERS ?? 200_000);
const PART = Number(arg('letter-part') ?? process.env.BENCH_LETTER_PART ?? config.letterPartSize());

const MB = 1024 * 1024;
const FULL_RUN = 200_000;

const letterhead = { name: 'Örnek Ticaret A.Ş.', lines: ['Moda Cad. 1, Kadıköy / İstanbul'] };

/**
 * The floor, ms a letter: `count` letters' strings (the letterhead, the address, the date, the subject,
 * the body's lines as written) drawn with the same two DejaVu subsets, one page a letter, no wrapping
 * and no widths measured, saved as one PDF.
 */
const plainMsPerLetter = async (count: number) => {
  const [regularBytes, boldBytes] = await Promise.all([
    readFile(assetPath(pdfFonts.regular)),
    readFile(assetPath(pdfFonts.bold)),
  ]);
  const started = performance.now();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  for (let i = 0; i < count; i++) {
    const page = doc.addPage();
    const strings = [
      letterhead.name,
      ...letterhead.lines,
      `Mektup Müşteri ${i}`,
      'Caferağa Mah.',
      `Sokak ${i % 500} No: ${1 + (i % 90)}`,
      '34710 Kadıköy / İSTANBUL',
      '7 Aralık 2026',
      'Bilgilendirme',
      `Sayın Mektup Müşteri ${i},`,
      '7 Aralık 2026 itibarıyla hesabınızla ilgili bilgilendirme.',
    ];
    for (const [n, text] of strings.entries())
      page.drawText(text, { x: 50, y: 780 - 15 * n, size: 10, font: n ? regular : bold });
  }
  await doc.save();
  return (performance.now() - started) / count;
};

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
  out.log(
    `\nLetter run, ${LETTERS} letters in parts of ${PART}, printed by the part printer from the local bus` +
      ((globalThis as { gc?: unknown }).gc ? ' (a full GC between parts: --expose-gc)' : ''),
  );
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
      letterhead,
    },
    'bench',
  );
  // Peak RSS while each part printed: sampled every 50 ms, attributed to the part being printed.
  const peaks: number[] = [];
  const msPerLetter: number[] = [];
  const retained: number[] = [];
  let partStarted = performance.now();
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
        // With --expose-gc, a full collection between parts: each part's peak is then its own work over
        // what the process keeps, not also garbage V8 has not yet had to collect.
        (globalThis as { gc?: () => void }).gc?.();
        retained.push(process.memoryUsage().heapUsed);
        const ms = (performance.now() - partStarted) / Math.max(1, now.printed - state.printed);
        msPerLetter.push(ms);
        out.log(
          `  part ${now.parts}: ${now.printed} letters so far, peak RSS ${(peak / MB).toFixed(0)} MB, ` +
            `${ms.toFixed(2)} ms a letter, heap kept after it ${(retained.at(-1)! / MB).toFixed(0)} MB`,
        );
        peak = process.memoryUsage().rss;
        partStarted = performance.now();
      }
      state = now;
      if (performance.now() - started > 6 * 3600_000) throw new Error('The letter run did not finish in 6 hours');
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = state.printed / seconds;
  out.log(
    `letters/s: ${rate.toFixed(1)} (${state.printed} letters, ${state.parts} parts, ${seconds.toFixed(0)} s, ` +
      `counting the segment and planning included)`,
  );
  if (state.printed < FULL_RUN)
    out.log(
      `${FULL_RUN} letters, from this smaller run's rate: ${FULL_RUN} ÷ ${rate.toFixed(1)}/s = ` +
        `${(FULL_RUN / rate / 60).toFixed(0)} min in one printer, ${Math.ceil(FULL_RUN / PART)} parts of ${PART}`,
    );
  out.log(`pages: ${state.printed} (one A4 page a letter), skipped: ${JSON.stringify(state.skipped)}`);
  const first = peaks[0] ?? 0;
  const last = peaks.at(-1) ?? 0;
  const lambdaMb = lettersManifest.functions.letterPartPrinter?.memoryMb ?? 0;
  // The whole local stack shares the process, so RSS also holds the bus, the relay and V8's unreturned heap.
  out.log(
    `peak RSS part 1: ${(first / MB).toFixed(0)} MB, part ${peaks.length}: ${(last / MB).toFixed(0)} MB ` +
      `(last ÷ first ${(last / Math.max(first, 1)).toFixed(2)}×; flat means memory does not grow with the parts), ` +
      `highest ${(Math.max(...peaks, 0) / MB).toFixed(0)} MB of the printer Lambda's ${lambdaMb} MB`,
  );
  const floor = await plainMsPerLetter(Math.min(PART, state.printed || PART));
  const firstMs = msPerLetter[0] ?? 0;
  const lastMs = msPerLetter.at(-1) ?? 0;
  const overall = (seconds * 1000) / Math.max(state.printed, 1);
  out.log(
    `time a letter: part 1 ${firstMs.toFixed(2)} ms, part ${msPerLetter.length} ${lastMs.toFixed(2)} ms ` +
      `(last ÷ first ${(lastMs / Math.max(firstMs, 0.001)).toFixed(2)}×), whole run ${overall.toFixed(2)} ms; ` +
      `floor (pdf-lib, the same strings and fonts, no layout, no table) ${floor.toFixed(2)} ms: ` +
      `part printer ÷ floor ${(overall / floor).toFixed(1)}×`,
  );
};
