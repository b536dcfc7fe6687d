// A letter run against DynamoDB Local and the local S3 endpoint: a segment's letters printed in parts
// stored in the run-files bucket, a part a failed printer claimed but never stored printed on resume,
// nobody printed twice, customers without an address or with their post suppressed skipped with the
// reason, and each page drawn with its own address and salutation.
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PDFDocument, PDFPage } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSegment } from '../../functions/campaigns/segments.js';
import { setPostalAddress } from '../../functions/letters/addresses.js';
import { lettersKeys } from '../../functions/letters/keys.js';
import {
  countRun,
  createRun,
  getRun,
  partPdf,
  printNextPart,
  progressOf,
} from '../../functions/letters/letter-runs.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { postalSuppressionKey } from '../../shared/gate.js';
import { newId } from '../../shared/ids.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { suppress } from '../../shared/suppression.js';
import { pdfText } from '../support/pdf-text.js';

const tag = `letters-${newId()}`.toLowerCase();

const customer = async (name: string, extra: Partial<Customer> = {}) => {
  const now = new Date().toISOString();
  const c: Customer = {
    customerId: newId(),
    name,
    language: 'tr',
    tags: [tag],
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(c) }));
  return c;
};

const address = (street: string) => ({
  mahalle: 'Caferağa',
  street,
  buildingNo: '12',
  doorNo: '3',
  district: 'Kadıköy',
  province: 'istanbul',
  postalCode: '34710',
});

/** A segment of the customers tagged `tagged` (e-mail consent is no condition for letters). */
const segmentOf = (name: string, tagged: string) =>
  createSegment({ name, filter: { tags: [tagged] }, consent: { channel: 'email', topic: 'all' } }, 'mgr-test');

describe('a letter run', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints each addressed recipient once across parts, resuming a part a failure left claimed', async () => {
    const people = [
      await customer('Ayşe Demirtaş', { givenName: 'Ayşe', formOfAddress: 'hanim' }),
      await customer('Kemal Uçar', { givenName: 'Kemal', formOfAddress: 'bey' }),
      await customer('Deniz Akın', { language: 'en', givenName: 'Deniz' }),
      await customer('Selin Oral'),
      await customer('Adressiz Kişi'),
      await customer('Bastırılmış Kişi'),
    ];
    for (const [i, p] of people.slice(0, 4).entries()) await setPostalAddress(p.customerId, address(`Sokak ${i}`), 0);
    const suppressed = people[5]!;
    await setPostalAddress(suppressed.customerId, address('Sokak 9'), 0);
    await suppress(postalSuppressionKey(suppressed.customerId), 'complaint');
    const segment = await segmentOf('Mektup', tag);
    const run = await createRun(
      {
        kind: 'letters',
        segmentId: segment.segmentId,
        purpose: 'commercial',
        partSize: 2,
        template: {
          tr: { subject: 'Kampanya', body: '{{salutation}},\n\nYeni kataloğumuz çıktı.' },
          en: { subject: 'Offer', body: '{{salutation}},\n\nOur new catalogue is out.' },
        },
        letterhead: { name: 'Örnek Ticaret', lines: ['Moda Cad. 1, Kadıköy'] },
      },
      'mgr-test',
    );
    // nothing prints before the counter has counted the segment
    await expect(printNextPart(run.runId)).rejects.toMatchObject({ code: 'letter-run-counting' });
    expect(await countRun(run.runId)).toMatchObject({ status: 'printing', recipients: 6 });

    // A printer claimed Selin for part 1 and failed before storing it.
    const selin = people[3]!;
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lettersKeys.letterRecipient(run.runId, selin.customerId),
          type: 'letter-recipient',
          customerId: selin.customerId,
          part: 1,
          gsi1pk: `LETTER_RUN#${run.runId}#PART#1`,
          gsi1sk: selin.customerId,
        },
      }),
    );

    let state = await printNextPart(run.runId);
    expect(state).toMatchObject({ parts: 1, printed: 2, status: 'printing' });
    state = await printNextPart(run.runId);
    expect(state).toMatchObject({ parts: 2, printed: 4 });
    state = state.status === 'done' ? state : await printNextPart(run.runId);
    expect(state).toMatchObject({ status: 'done', parts: 2, printed: 4, skipped: { 'no-address': 1, complaint: 1 } });
    await expect(printNextPart(run.runId)).rejects.toBeInstanceOf(ConflictError);

    // Selin's claimed part came first; every page is one recipient (their address first), nobody twice.
    const pagesOf = async (part: number) => {
      const shown = await pdfText((await partPdf(run.runId, part))!);
      return [...new Set(shown.map((s) => s.page))].map((n) => shown.filter((s) => s.page === n).map((s) => s.text));
    };
    const firstPart = await pagesOf(1);
    const pages = [...firstPart, ...(await pagesOf(2))];
    expect(pages.map((texts) => texts[0]).sort()).toEqual(['Ayşe Demirtaş', 'Deniz Akın', 'Kemal Uçar', 'Selin Oral']);
    expect(firstPart.map((texts) => texts[0])).toContain('Selin Oral');
    const page = (name: string) => pages.find((texts) => texts[0] === name)!;
    expect(page('Ayşe Demirtaş')).toEqual(
      expect.arrayContaining(['Caferağa Mah.', 'Sokak 0 No: 12 D: 3', '34710 Kadıköy / İSTANBUL', 'Sayın Ayşe Hanım,']),
    );
    expect(page('Kemal Uçar')).toContain('Sayın Kemal Bey,');
    expect(page('Deniz Akın')).toContain('Dear Deniz,');
    expect(page('Selin Oral')).toContain('Sayın Selin Oral,');
    const first = await PDFDocument.load((await partPdf(run.runId, 1))!);
    const second = await PDFDocument.load((await partPdf(run.runId, 2))!);
    expect(first.getPageCount() + second.getPageCount()).toBe(4);
    expect(await partPdf(run.runId, 3)).toBeUndefined();
    expect((await getRun(run.runId))?.printed).toBe(4);
  });

  it('stores each part in S3 and, after a store failed mid-run, resumes at the unstored part: one page each', async () => {
    const runTag = `${tag}-s3`;
    const names = ['Ece Yalçın', 'Murat Ekinci', 'Nazlı Toprak', 'Onur Bayram', 'Pelin Sezer'];
    for (const [i, name] of names.entries()) {
      const c = await customer(name, { tags: [runTag] });
      await setPostalAddress(c.customerId, address(`Cadde ${i}`), 0);
    }
    const segment = await segmentOf('S3', runTag);
    const run = await createRun(
      {
        kind: 'letters',
        segmentId: segment.segmentId,
        purpose: 'transactional',
        partSize: 2,
        template: { tr: { body: '{{salutation}}, bilginize.' }, en: { body: '{{salutation}}, for your attention.' } },
      },
      'mgr-test',
    );
    expect(progressOf(run)).toEqual({ partsDone: 0, partsTotal: 0, lettersDone: 0, recipients: 0 });
    expect(progressOf((await countRun(run.runId))!)).toEqual({
      partsDone: 0,
      partsTotal: 3,
      lettersDone: 0,
      recipients: 5,
    });

    const drawn: string[] = [];
    const draw = PDFPage.prototype.drawText;
    vi.spyOn(PDFPage.prototype, 'drawText').mockImplementation(function (this: PDFPage, text, options) {
      drawn.push(text);
      return draw.call(this, text, options);
    });
    expect(await printNextPart(run.runId)).toMatchObject({ parts: 1, printed: 2 });
    // The second part's store fails (the bucket is gone): its recipients are claimed, nothing is counted.
    const bucket = process.env.RUN_FILES_BUCKET;
    process.env.RUN_FILES_BUCKET = 'no-such-bucket';
    const before = drawn.length;
    await expect(printNextPart(run.runId)).rejects.toMatchObject({ name: 'NoSuchBucket' });
    process.env.RUN_FILES_BUCKET = bucket;
    // what the failed attempt drew was never stored
    drawn.splice(before);
    const failed = (await getRun(run.runId))!;
    expect(failed).toMatchObject({ parts: 1, printed: 2, status: 'printing' });
    expect(progressOf(failed)).toEqual({ partsDone: 1, partsTotal: 3, lettersDone: 2, recipients: 5 });

    let state = await printNextPart(run.runId);
    expect(state).toMatchObject({ parts: 2, printed: 4 });
    while (state.status !== 'done') state = await printNextPart(run.runId);
    vi.restoreAllMocks();
    expect(state).toMatchObject({ parts: 3, printed: 5, skipped: {} });
    expect(progressOf(state)).toEqual({ partsDone: 3, partsTotal: 3, lettersDone: 5, recipients: 5 });

    // Three files in the bucket, one page per customer across them, each customer addressed once.
    const s3 = new S3Client({ endpoint: process.env.AWS_ENDPOINT_URL_S3, forcePathStyle: true });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `letter-runs/${run.runId}/` }));
    expect(listed.Contents?.map((o) => o.Key)).toHaveLength(3);
    const pages: number[] = [];
    for (const part of [1, 2, 3])
      pages.push((await PDFDocument.load((await partPdf(run.runId, part))!)).getPageCount());
    expect(pages).toEqual([2, 2, 1]);
    expect(drawn.filter((text) => names.includes(text)).sort()).toEqual([...names].sort());
  });

  it('refuses a template with an unknown field when the run is saved, naming it, and stores nothing', async () => {
    const segment = await segmentOf('Boş', `none-${tag}`);
    const attempt = createRun(
      {
        kind: 'letters',
        segmentId: segment.segmentId,
        purpose: 'transactional',
        template: { tr: { body: '{{salutation}} {{shoeSize}}' }, en: { body: '{{salutation}}' } },
      },
      'mgr-test',
    );
    await expect(attempt).rejects.toBeInstanceOf(ProblemError);
    const problem = (await attempt.catch((e) => e)) as ProblemError;
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('unknown-merge-field');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'template.tr.body' })]);
    expect(problem.errors[0]?.message).toMatchObject({ en: expect.stringContaining('"shoeSize"') });
  });
});
