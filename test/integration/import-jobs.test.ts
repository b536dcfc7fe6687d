// Imports as background jobs against DynamoDB Local and the local S3 endpoint, through the routes' real
// handlers: the file checked whole (a refusal makes no job and changes nothing), the job created once per
// Idempotency-Key, its chunks applied from their events with the progress counted (a redelivered chunk
// counts nothing twice), the catalogue's staged generation made live only with the last chunk, and a job
// whose switch is refused failed with its reason and the live catalogue left as it was.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as applyOrders } from '../../functions/analytics/handlers/apply-order-import.js';
import { handler as postOrders } from '../../functions/analytics/handlers/import-orders.js';
import { handler as orderImports } from '../../functions/analytics/handlers/order-imports.js';
import { analyticsKeys } from '../../functions/analytics/keys.js';
import { orderJobs } from '../../functions/analytics/order-import.js';
import { yearFigures } from '../../functions/analytics/value-store.js';
import { catalogueJobs } from '../../functions/catalogue/catalogue-jobs.js';
import { exportCatalogue, importCatalogue, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import { handler as catalogueImports } from '../../functions/catalogue/handlers/catalogue-imports.js';
import { handler as postCatalogue } from '../../functions/catalogue/handlers/import-catalogue.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import type { HttpEvent } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { scanAll } from '../support/scan.js';

process.env.IMPORT_CHUNK_ROWS = '2';

type Handler = (
  event: HttpEvent,
  context: Context,
) => Promise<{ statusCode: number; headers?: unknown; body?: string }>;

const call = async (
  handler: Handler,
  method: 'GET' | 'POST',
  resource: string,
  path: string,
  who: { userId: string; scopes: string },
  options: { body?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
) => {
  const answer = await handler(
    {
      httpMethod: method,
      resource,
      path,
      headers: options.headers ?? {},
      body: options.body ?? null,
      pathParameters: options.params ?? null,
      queryStringParameters: null,
      requestContext: { authorizer: { keyId: `k-${who.userId}`, role: 'admin', ...who, caller: 'integration' } },
    } as unknown as HttpEvent,
    {} as Context,
  );
  return {
    status: answer.statusCode,
    headers: (answer.headers ?? {}) as Record<string, string>,
    json: () => JSON.parse(answer.body ?? '{}'),
  };
};

const admin = { userId: `adm-${newId()}`, scopes: 'catalogue:write analytics:admin' };

/** The chunks the outbox holds due for the job, in order: each delivery the bus would make. */
const dueChunks = async (jobId: string) =>
  (
    await scanAll({
      FilterExpression: 'detailType = :due AND detail.jobId = :job',
      ExpressionAttributeValues: { ':due': 'ImportChunkDue', ':job': jobId },
    })
  )
    .map((item) => Number(item.detail.chunk))
    .sort();

/** The bus's delivery of a chunk's event to its importer's consumer. */
const deliver = (handler: typeof applyOrders, jobId: string, importer: string, chunk: number) =>
  handler(
    {
      detail: { eventId: newId(), occurredAt: new Date().toISOString(), version: 1, jobId, importer, chunk },
    } as never,
    {} as Context,
  );

const fxFile = (currency: string, days: number[]) =>
  ['date,currency,rate_to_try', ...days.map((d) => `2019-01-${String(d).padStart(2, '0')},${currency},4${d}.5`)].join(
    '\n',
  );

const postFx = (body: string, key?: string) =>
  call(postCatalogue, 'POST', '/catalogue/{kind}', '/catalogue/fx-rates', admin, {
    body,
    params: { kind: 'fx-rates' },
    headers: { 'content-type': 'text/csv', ...(key ? { 'idempotency-key': key } : {}) },
  });

const myCatalogueJobs = async () =>
  (await call(catalogueImports, 'GET', '/catalogue-imports', '/catalogue-imports', admin)).json().items as {
    jobId: string;
  }[];

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('a catalogue import job', () => {
  it('refuses a bad file naming its row and field, makes no job and changes nothing', async () => {
    const generation = await liveGeneration('fxRates');
    const refused = await postFx(`${fxFile('GBP', [1, 2])}\n2019-01-03,GBP,abc`, newId());
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import-failed', errors: [{ line: 4, path: 'rate_to_try' }] });
    expect(await myCatalogueJobs()).toEqual([]);
    expect(await liveGeneration('fxRates')).toBe(generation);
  });

  it('is created once per key, applies chunk by chunk, redelivery counts nothing twice, live only at the end', async () => {
    const key = newId();
    const file = fxFile('CHF', [1, 2, 3, 4, 5]);
    const posted = await postFx(file, key);
    expect(posted.status).toBe(202);
    const job = posted.json();
    expect(job).toMatchObject({ status: 'queued', rows: 5, rowsDone: 0, chunks: 3, percent: 0, subject: 'fx-rates' });
    expect(posted.headers.location).toBe(`/catalogue-imports/${job.jobId}`);
    // the retry: the same job, never a second
    const again = await postFx(file, key);
    expect(again.status).toBe(202);
    expect(again.json().jobId).toBe(job.jobId);
    expect((await myCatalogueJobs()).map((j) => j.jobId)).toEqual([job.jobId]);
    expect(await dueChunks(job.jobId)).toEqual([1]);

    const generation = await liveGeneration('fxRates');
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 1 });
    const afterOne = await catalogueJobs.get(job.jobId);
    expect(afterOne).toMatchObject({ status: 'running', rowsDone: 2, chunksDone: 1, counts: { imported: 2 } });
    // a redelivered first chunk: nothing counted, nothing enqueued
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 1 });
    expect(await catalogueJobs.get(job.jobId)).toEqual(afterOne);
    expect(await dueChunks(job.jobId)).toEqual([1, 2]);
    // staged, not live: readers still see the catalogue as it was
    expect(await liveGeneration('fxRates')).toBe(generation);
    expect((await exportCatalogue('fxRates')).filter((r) => r.currency === 'CHF')).toEqual([]);

    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 2 });
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 3 });
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 3 });
    const read = await call(
      catalogueImports,
      'GET',
      '/catalogue-imports/{jobId}',
      `/catalogue-imports/${job.jobId}`,
      admin,
      {
        params: { jobId: job.jobId },
      },
    );
    expect(read.json()).toMatchObject({
      status: 'done',
      rowsDone: 5,
      chunksDone: 3,
      percent: 100,
      counts: { imported: 5 },
    });
    expect(await dueChunks(job.jobId)).toEqual([1, 2, 3]);
    expect(await liveGeneration('fxRates')).toBeGreaterThan(generation);
    const chf = (await exportCatalogue('fxRates')).filter((r) => r.currency === 'CHF');
    expect(chf.map((r) => r.date)).toEqual(['2019-01-01', '2019-01-02', '2019-01-03', '2019-01-04', '2019-01-05']);
    // the rest of the catalogue stays: the demo's EUR rates too
    expect((await exportCatalogue('fxRates')).some((r) => r.currency === 'EUR')).toBe(true);
  });

  it('fails with its reason when another import switched first, leaving that import live and nothing of its own', async () => {
    const posted = (await postFx(fxFile('SEK', [1, 2, 3]))).json();
    await catalogueJobs.runDue({ jobId: posted.jobId, chunk: 1 });
    await importCatalogue('fxRates', [{ date: '2019-02-01', currency: 'NOK', rateToTry: '1.5' }], 'other', new Date());
    const winner = await liveGeneration('fxRates');
    const failed = await catalogueJobs.runDue({ jobId: posted.jobId, chunk: 2 });
    expect(failed).toMatchObject({
      status: 'failed',
      chunksDone: 1,
      failure: { en: expect.stringContaining('Another import') },
    });
    expect(failed?.finishedAt).toBeDefined();
    expect(await liveGeneration('fxRates')).toBe(winner);
    const live = await exportCatalogue('fxRates');
    expect(live.some((r) => r.currency === 'NOK')).toBe(true);
    expect(live.some((r) => r.currency === 'SEK')).toBe(false);
    // a late delivery of a failed job's chunk does nothing
    expect(await catalogueJobs.runDue({ jobId: posted.jobId, chunk: 2 })).toEqual(failed);
    const read = await call(
      catalogueImports,
      'GET',
      '/catalogue-imports/{jobId}',
      `/catalogue-imports/${posted.jobId}`,
      admin,
      {
        params: { jobId: posted.jobId },
      },
    );
    expect(read.json()).toMatchObject({ status: 'failed', failure: { tr: expect.stringContaining('içe aktarma') } });
  });
});

describe('an order-history import job', () => {
  it('counts each order once through redelivered chunks; its job is read only through its own importer', async () => {
    const customerId = newId();
    const at = '2020-01-01T00:00:00.000Z';
    expect(
      (
        await transact(
          customers.createItems({ customerId, name: 'İthal İş', language: 'tr', createdAt: at, updatedAt: at }),
        )
      ).ok,
    ).toBe(true);
    const file = [
      'order_id,customer_id,order_date,currency,amount,amount_try',
      ...[1, 2, 3, 4, 5].map((n) => `job-${customerId}-${n},${customerId},2021-03-0${n},TRY,${n}00.00,`),
    ].join('\n');
    const refused = await call(postOrders, 'POST', '/analytics/imports/orders', '/analytics/imports/orders', admin, {
      body: file.replace(`,${customerId},2021-03-02`, `,${newId()},2021-03-02`),
      headers: { 'content-type': 'text/csv' },
    });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import-failed', errors: [{ line: 3, path: 'customer_id' }] });

    const posted = await call(postOrders, 'POST', '/analytics/imports/orders', '/analytics/imports/orders', admin, {
      body: file,
      headers: { 'content-type': 'text/csv', 'idempotency-key': 'orders-once' },
    });
    expect(posted.status).toBe(202);
    const { jobId } = posted.json();
    expect(posted.headers.location).toBe(`/analytics/imports/orders/${jobId}`);

    // The first chunk delivered twice at once: one applies and counts it, the other is told to retry.
    const racing = await Promise.allSettled([
      deliver(applyOrders, jobId, 'orders', 1),
      deliver(applyOrders, jobId, 'orders', 1),
    ]);
    expect(racing.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    expect((await orderJobs.get(jobId))?.counts).toEqual({ imported: 2, alreadyCounted: 0 });
    for (const chunk of [1, 2, 2, 3, 3]) await deliver(applyOrders, jobId, 'orders', chunk);
    const read = await call(
      orderImports,
      'GET',
      '/analytics/imports/orders/{jobId}',
      `/analytics/imports/orders/${jobId}`,
      admin,
      {
        params: { jobId },
      },
    );
    expect(read.json()).toMatchObject({
      status: 'done',
      rows: 5,
      rowsDone: 5,
      counts: { imported: 5, alreadyCounted: 0 },
    });
    expect(await yearFigures.get(analyticsKeys.customerValue(customerId, '2021'))).toMatchObject({
      revenueTry: 150_000,
      orders: 5,
    });
    const list = await call(orderImports, 'GET', '/analytics/imports/orders', '/analytics/imports/orders', admin);
    expect(list.json().items.map((j: { jobId: string }) => j.jobId)).toEqual([jobId]);
    // the catalogue's route does not answer an order job
    const foreign = await call(
      catalogueImports,
      'GET',
      '/catalogue-imports/{jobId}',
      `/catalogue-imports/${jobId}`,
      admin,
      {
        params: { jobId },
      },
    );
    expect(foreign.status).toBe(404);
  });
});

describe('resuming an import an outage stopped', () => {
  const resume = (handler: Handler, path: string, jobId: string, resource: string) =>
    call(handler, 'POST', resource, path, admin, { params: { jobId } });
  const resumeFx = (jobId: string) =>
    resume(catalogueImports, `/catalogue-imports/${jobId}/resume`, jobId, '/catalogue-imports/{jobId}/resume');

  it('queues the next chunk again, applied once; a job being applied, a finished one and another importer’s are refused', async () => {
    const job = (await postFx(fxFile('DKK', [1, 2, 3]))).json();
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 1 });
    // chunk 2's event retried out: the job stays running with nothing on its way, until resumed
    expect(await dueChunks(job.jobId)).toEqual([1, 2]);

    // while a consumer holds the job, a resume would race it: refused, nothing queued
    const holding = Date.now() + 60_000;
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `IMPORT_JOB#${job.jobId}`, sk: 'JOB' },
        UpdateExpression: 'SET leaseUntil = :until',
        ExpressionAttributeValues: { ':until': holding },
      }),
    );
    const held = await resumeFx(job.jobId);
    expect(held.status).toBe(409);
    expect(held.json()).toMatchObject({
      code: 'illegal-transition',
      detail: 'A part of this import is being applied now.',
    });
    expect(await dueChunks(job.jobId)).toEqual([1, 2]);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `IMPORT_JOB#${job.jobId}`, sk: 'JOB' },
        UpdateExpression: 'SET leaseUntil = :none',
        ExpressionAttributeValues: { ':none': 0 },
      }),
    );

    const resumed = await resumeFx(job.jobId);
    expect(resumed.status).toBe(202);
    expect(resumed.json()).toMatchObject({ jobId: job.jobId, status: 'running', chunksDone: 1, rowsDone: 2 });
    expect(resumed.json()).not.toHaveProperty('leaseUntil');
    expect(await dueChunks(job.jobId)).toEqual([1, 2, 2]);
    // both deliveries of chunk 2 (the retried-out one redriven, and the resumed one): counted once
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 2 });
    await catalogueJobs.runDue({ jobId: job.jobId, chunk: 2 });
    expect(await catalogueJobs.get(job.jobId)).toMatchObject({ status: 'done', rowsDone: 3, counts: { imported: 3 } });
    expect((await exportCatalogue('fxRates')).filter((r) => r.currency === 'DKK')).toHaveLength(3);

    const finished = await resumeFx(job.jobId);
    expect(finished.status).toBe(409);
    expect(finished.json()).toMatchObject({
      code: 'illegal-transition',
      detail: 'The import has finished: there is nothing to resume.',
    });
    expect(await dueChunks(job.jobId)).toEqual([1, 2, 2]);
    // the order-history route knows no catalogue job, nor a job nobody made
    const foreign = await resume(
      orderImports,
      `/analytics/imports/orders/${job.jobId}/resume`,
      job.jobId,
      '/analytics/imports/orders/{jobId}/resume',
    );
    expect(foreign.status).toBe(404);
    expect((await resumeFx(newId())).status).toBe(404);
  });
});
