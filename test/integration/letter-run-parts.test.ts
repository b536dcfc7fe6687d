// A letter run printed in the background, against DynamoDB Local and the local S3 endpoint: making the
// run answers it `counting` and enqueues its count, the counter counts the segment and enqueues the first
// part once (a redelivered count plans nothing), each part the printer counts enqueues the next (a
// redelivered event prints nothing), a part whose store failed is resumed and printed with the customers it had claimed, and the
// parts' PDFs read back hold one page per customer, nobody twice.
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createSegment } from '../../functions/campaigns/segments.js';
import { setPostalAddress } from '../../functions/letters/addresses.js';
import { countRun, createRun, getRun, partPdf, printDuePart, resumeRun } from '../../functions/letters/letter-runs.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { ConflictError } from '../../shared/problems.js';
import { pdfText } from '../support/pdf-text.js';

const tag = `parts-${newId()}`.toLowerCase();
const names = ['Ada Kılıç', 'Berk Şahin', 'Cem Öztürk', 'Defne Ağaoğlu', 'Emre Işık', 'Filiz Çelik', 'Gül Ünal'];

/** The events of `detailType` the outbox holds for the run (each delivery the bus would make). */
const outboxed = async (detailType: string, runId: string) => {
  const details: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'detailType = :due AND detail.runId = :run',
        ExpressionAttributeValues: { ':due': detailType, ':run': runId },
        ExclusiveStartKey: start,
      }),
    );
    details.push(...(page.Items ?? []).map((item) => item.detail));
    start = page.LastEvaluatedKey;
  } while (start);
  return details;
};

/** The parts the outbox holds due for the run, in order. */
const dueParts = async (runId: string) =>
  (await outboxed('LetterRunPartDue', runId)).map((detail) => Number(detail.part)).sort();

describe('a letter run printed by the part printer', () => {
  it('prints 3 parts from its events, resumes the part that failed, and stores one page per customer', async () => {
    for (const [i, name] of names.entries()) {
      const now = new Date().toISOString();
      const c: Customer = { customerId: newId(), name, language: 'tr', tags: [tag], createdAt: now, updatedAt: now };
      await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(c) }));
      await setPostalAddress(
        c.customerId,
        {
          mahalle: 'Moda',
          street: `Sokak ${i}`,
          buildingNo: '1',
          district: 'Kadıköy',
          province: 'istanbul',
          postalCode: '34710',
        },
        0,
      );
    }
    const segment = await createSegment(
      { name: 'Bölümler', filter: { tags: [tag] }, consent: { channel: 'email', topic: 'all' } },
      'mgr-test',
    );
    const run = await createRun(
      {
        kind: 'letters',
        segmentId: segment.segmentId,
        purpose: 'transactional',
        partSize: 3,
        template: { tr: { body: '{{salutation}}, bilginize.' }, en: { body: '{{salutation}}, for your attention.' } },
      },
      'mgr-test',
    );
    const { runId } = run;
    // answered at once, counting: no part is due until the counter has counted the segment
    expect(run).toMatchObject({ status: 'counting', recipients: 0, parts: 0 });
    expect(await outboxed('LetterRunCountDue', runId)).toHaveLength(1);
    expect(await dueParts(runId)).toEqual([]);
    expect(await printDuePart({ runId, part: 1 })).toMatchObject({ status: 'counting', parts: 0 });
    // a count whose event retried out is resumed: counted again from a second event, still once
    expect(await resumeRun(runId)).toMatchObject({ status: 'counting' });
    expect(await outboxed('LetterRunCountDue', runId)).toHaveLength(2);
    expect(await countRun(runId)).toMatchObject({ status: 'printing', recipients: 7, parts: 0 });
    expect(await dueParts(runId)).toEqual([1]);
    // the count's event redelivered: counted once, the first part enqueued once
    expect(await countRun(runId)).toMatchObject({ status: 'printing', recipients: 7 });
    expect(await dueParts(runId)).toEqual([1]);

    expect(await printDuePart({ runId, part: 1 })).toMatchObject({ parts: 1, printed: 3, status: 'printing' });
    expect(await dueParts(runId)).toEqual([1, 2]);
    // part 1's event redelivered: nothing printed, nothing enqueued
    expect(await printDuePart({ runId, part: 1 })).toMatchObject({ parts: 1, printed: 3 });
    expect(await dueParts(runId)).toEqual([1, 2]);

    // part 2's store fails (the bucket is gone) until its retries run out: claimed, not counted, not held
    const bucket = process.env.RUN_FILES_BUCKET;
    process.env.RUN_FILES_BUCKET = 'no-such-bucket';
    await expect(printDuePart({ runId, part: 2 })).rejects.toMatchObject({ name: 'NoSuchBucket' });
    process.env.RUN_FILES_BUCKET = bucket;
    const failed = (await getRun(runId))!;
    expect(failed).toMatchObject({ parts: 1, printed: 3, status: 'printing' });
    expect(failed.leaseUntil).toBeUndefined();

    // resumed: part 2 enqueued again, printed with its claims, and part 3 after it
    expect(await resumeRun(runId)).toMatchObject({ parts: 1 });
    expect(await dueParts(runId)).toEqual([1, 2, 2]);
    expect(await printDuePart({ runId, part: 2 })).toMatchObject({ parts: 2, printed: 6 });
    expect(await printDuePart({ runId, part: 3 })).toMatchObject({ parts: 3, printed: 7, status: 'done' });
    expect(await dueParts(runId)).toEqual([1, 2, 2, 3]);
    await expect(resumeRun(runId)).rejects.toBeInstanceOf(ConflictError);

    // one page per customer across the three PDFs, each addressed to one of them, nobody twice
    const addressees: string[] = [];
    const pageCounts: number[] = [];
    for (const part of [1, 2, 3]) {
      const shown = await pdfText((await partPdf(runId, part))!);
      const pages = new Set(shown.map((s) => s.page));
      pageCounts.push(pages.size);
      for (const page of pages) {
        const onPage = shown.filter((s) => s.page === page && names.includes(s.text)).map((s) => s.text);
        expect(onPage).toHaveLength(1);
        addressees.push(onPage[0]!);
      }
    }
    expect(pageCounts).toEqual([3, 3, 1]);
    expect(addressees.sort()).toEqual([...names].sort());
    expect(await partPdf(runId, 4)).toBeUndefined();
    // four part prints and three PDFs read back take longer than the default beside the other suites
  }, 90_000);
});
