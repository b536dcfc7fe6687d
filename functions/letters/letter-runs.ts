// Letter runs: a segment's letters (or address labels) printed part by part into print-ready PDFs, in
// the background: making a run answers at once with the run `counting` and a `LetterRunCountDue` event
// in the outbox; the counter counts the segment and moves the run to `printing` (conditional on
// `counting`, so a redelivered event plans nothing twice) in the transaction that enqueues its first
// part's `LetterRunPartDue`; the part
// printer (a Lambda of its own, up to 15 minutes) prints that part and counts it in a transaction that
// also enqueues the next part's event, until the segment is read out. Each recipient is claimed for one
// part by a conditional write before anything is drawn, so a part that fails is printed again (the
// event's retries, or `resumeRun`) with the customers it had claimed, and never anyone twice. A part's
// PDF goes to the run-files bucket under a key of its own, then the part's item names it (conditional
// put: a racing printer's file stays unnamed and expires), and only then is the part counted on the
// run, conditional on the parts counted: `parts` is the run's cursor, `segmentCursor` where in the
// segment the next part reads on. One printer at a time holds the run's lease; a part's memory is
// its own (its pages and its PDF), dropped before the next part, whatever the run's size.
// A commercial letter passes the postal gate (suppression, the cross-channel frequency cap).
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { getCustomer } from '../../shared/customer.js';
import { db, putNew, tableName, transact } from '../../shared/db.js';
import { getFile, putFile } from '../../shared/files.js';
import { postalGate } from '../../shared/gate.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { loadLazyModule } from '../../shared/lazy-modules.js';
import { customerFields, renderFields, unknownFields } from '../../shared/merge-fields.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { byAssignee, byState, type ItemType } from '../../shared/table.js';
import { customerVars, getSegment, ownerNames, segmentMembers, segmentPages } from '../campaigns/public.js';
import { catalogue } from '../event-table.js';
import { getPostalAddress } from './addresses.js';
import { type LabelLayout, labelsPerSheet } from './domain/label-layout.js';
import { addressLines } from './domain/postal-address.js';
import { lettersKeys } from './keys.js';
import type { Letterhead, LetterPage } from './pdf/letters-pdf.js';
import { lettersPdfModule } from './pdf/letters-pdf-module.js';

export interface LetterVersion {
  subject?: string;
  body: string;
}

export interface LetterRun {
  runId: string;
  kind: 'letters' | 'labels';
  segmentId: string;
  purpose: 'commercial' | 'transactional';
  topic: string;
  layout?: LabelLayout;
  template?: Record<Language, LetterVersion>;
  letterhead?: Letterhead;
  partSize: number;
  /** `counting` until the counter has counted the segment and enqueued the first part. */
  status: 'counting' | 'printing' | 'done';
  /** Parts printed and stored: the next part printed is `parts + 1`. */
  parts: number;
  /** The directory cursor the next part reads the segment on from (the start when absent). */
  segmentCursor?: string;
  /** While a part printer works on the run: until when its lease holds. */
  leaseUntil?: number;
  printed: number;
  skipped: Record<string, number>;
  /** The segment's members when the run was counted (0 while counting). */
  recipients: number;
  createdBy: string;
  createdAt: string;
}

/** How far a run is: parts done of the parts it will take (an estimate until done, 0 while counting). */
export const progressOf = (run: LetterRun) => {
  if (run.status === 'counting') return { partsDone: 0, partsTotal: 0, lettersDone: 0, recipients: 0 };
  const skipped = Object.values(run.skipped).reduce((sum, n) => sum + n, 0);
  const left = Math.max(0, run.recipients - run.printed - skipped);
  return {
    partsDone: run.parts,
    partsTotal: run.status === 'done' ? run.parts : run.parts + Math.max(1, Math.ceil(left / run.partSize)),
    lettersDone: run.printed,
    recipients: run.recipients,
  };
};

/** What a letter may print: the customer's merge fields and the date. */
export const letterFields: readonly string[] = [...customerFields, 'date'];

const runRecord = { en: 'The letter run', tr: 'Mektup baskısı' };

/** 422 naming every field a letter template uses that letters cannot fill, where it is used. */
export const checkLetterTemplate = (template: Record<Language, LetterVersion>) => {
  const problems = Object.entries(template).flatMap(([language, version]) =>
    Object.entries(version).flatMap(([part, source]) => {
      let unknown: string[];
      try {
        unknown = unknownFields(String(source), (name) => letterFields.includes(name));
      } catch (error) {
        const why = (error as Error).message;
        return [
          {
            path: `template.${language}.${part}`,
            message: { en: `Not a valid template: ${why}`, tr: `Geçerli bir şablon değil: ${why}` },
          },
        ];
      }
      return unknown.map((field) => ({
        path: `template.${language}.${part}`,
        message: {
          en: `Unknown field "${field}": use ${letterFields.join(', ')}.`,
          tr: `Bilinmeyen alan "${field}": ${letterFields.join(', ')} kullanın.`,
        },
      }));
    }),
  );
  if (problems.length)
    throw new ProblemError(
      422,
      'unknown-merge-field',
      {
        en: 'The template uses fields letters cannot fill.',
        tr: 'Şablon mektupların dolduramayacağı alanlar kullanıyor.',
      },
      problems,
    );
};

export interface NewRun {
  kind: LetterRun['kind'];
  segmentId: string;
  purpose: LetterRun['purpose'];
  topic?: string;
  layout?: LabelLayout;
  template?: Record<Language, LetterVersion>;
  letterhead?: Letterhead;
  partSize?: number;
}

/** A run as the API answers it: with how far it is, and whether a printer is at it (not its segment cursor). */
export const runAnswer = ({ leaseUntil, segmentCursor: _cursor, ...run }: LetterRun) => ({
  ...run,
  printing: Boolean(leaseUntil && leaseUntil > clockNow().getTime()),
  progress: progressOf(run),
});

/**
 * Makes a run, `counting`, and enqueues its count: the segment is counted in the background, as a big one
 * takes longer than an API call may. `record` stores the answer in the same transaction (Idempotency-Key).
 */
export const createRun = async (input: NewRun, by: string, record: Recorder = noRecord) => {
  if (input.kind === 'letters' && !input.template)
    throw new ProblemError(
      422,
      'letter-run-invalid',
      { en: 'A letter run needs a template.', tr: 'Mektup baskısı bir şablon ister.' },
      [{ path: 'template', message: { en: 'Required for letters.', tr: 'Mektuplar için zorunlu.' } }],
    );
  if (input.template) checkLetterTemplate(input.template);
  const segment = await getSegment(input.segmentId);
  if (!segment)
    throw new ProblemError(
      422,
      'letter-run-invalid',
      { en: 'There is no such segment.', tr: 'Böyle bir segment yok.' },
      [{ path: 'segmentId', message: { en: 'No such segment.', tr: 'Böyle bir segment yok.' } }],
    );
  const layout = input.kind === 'labels' ? (input.layout ?? '3x8') : undefined;
  // a label part is whole sheets
  const sheet = layout ? labelsPerSheet(layout) : 1;
  const partSize = Math.max(sheet, Math.round((input.partSize ?? config.letterPartSize()) / sheet) * sheet);
  const run: LetterRun = {
    runId: newId(),
    kind: input.kind,
    segmentId: input.segmentId,
    purpose: input.purpose,
    topic: input.topic ?? 'all',
    ...(layout ? { layout } : {}),
    ...(input.template ? { template: input.template } : {}),
    ...(input.letterhead ? { letterhead: input.letterhead } : {}),
    partSize,
    status: 'counting',
    parts: 0,
    printed: 0,
    skipped: {},
    recipients: 0,
    createdBy: by,
    createdAt: clockNow().toISOString(),
  };
  const now = clockNow();
  const created = await transact([
    // the run and its place in the list of runs in one item: listed once
    putNew({
      ...lettersKeys.letterRun(run.runId),
      ...lettersKeys.letterRunList(run.createdAt, run.runId),
      type: 'letter-run' satisfies ItemType,
      ...run,
    }),
    outboxPut(catalogue.LetterRunCountDue, { runId: run.runId }, now),
    ...record(runAnswer(run)),
  ]);
  if (!created.ok) throw new Error(`Letter run ${run.runId} exists already`);
  return run;
};

/**
 * The counter's work on a `LetterRunCountDue` event: counts the segment's members and moves the run from
 * `counting` to `printing` with its first part enqueued, in one transaction conditional on `counting`: a
 * redelivered event (or a racing counter) finds the run counted and plans nothing. Answers the run.
 */
export const countRun = async (runId: string) => {
  const run = await getRun(runId);
  if (run?.status !== 'counting') return run;
  const segment = await getSegment(run.segmentId);
  let recipients = 0;
  // a segment deleted since the run was made counts none: its first part finds nobody and ends the run
  if (segment) for await (const _ of segmentMembers(segment.filter, 500, true)) recipients++;
  const now = clockNow();
  await transact([
    {
      Update: {
        TableName: tableName(),
        Key: lettersKeys.letterRun(runId),
        UpdateExpression: 'SET #status = :printing, recipients = :recipients',
        ConditionExpression: '#status = :counting',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':printing': 'printing', ':counting': 'counting', ':recipients': recipients },
      },
    },
    outboxPut(catalogue.LetterRunPartDue, { runId, part: 1 }, now),
  ]);
  return await runOr404(runId);
};

const strip = <T>(item: Record<string, unknown> | undefined) => {
  if (!item) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi1pk: _g1,
    gsi1sk: _g2,
    gsi2pk: _l1,
    gsi2sk: _l2,
    lease: _lease,
    ...rest
  } = item;
  return rest as T;
};

export const getRun = async (runId: string) =>
  strip<LetterRun>(
    (
      await db().send(
        new GetCommand({ TableName: tableName(), Key: lettersKeys.letterRun(runId), ConsistentRead: true }),
      )
    ).Item,
  );

/** Runs newest first, a page at a time, only those in `status` when it is given. */
export const listRuns = async (query: { status?: LetterRun['status']; limit: number; cursor?: string }) => {
  const page = await queryPage({
    index: byState,
    partition: lettersKeys.letterRunListPartition(),
    limit: query.limit,
    cursor: query.cursor,
    ...(query.status
      ? {
          filter: {
            expression: '#status = :status',
            names: { '#status': 'status' },
            values: { ':status': query.status },
          },
        }
      : {}),
  });
  return { items: page.items.map((item) => strip<LetterRun>(item)!), next: page.next };
};

export const runOr404 = async (runId: string) => {
  const run = await getRun(runId);
  if (!run) throw new NotFoundError(runRecord);
  return run;
};

const partIndex = (runId: string, part: number) => `LETTER_RUN#${runId}#PART#${part}`;

/** Claims the customer for part `part`, or learns that an earlier part (or a racing printer) has them. */
const claim = async (run: LetterRun, customerId: string, part: number, outcome: { skipped?: string }) => {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lettersKeys.letterRecipient(run.runId, customerId),
          type: 'letter-recipient' satisfies ItemType,
          customerId,
          part,
          ...(outcome.skipped
            ? { skipped: outcome.skipped }
            : { gsi1pk: partIndex(run.runId, part), gsi1sk: customerId }),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

const recipientExists = async (runId: string, customerId: string) =>
  Boolean(
    (
      await db().send(
        new GetCommand({
          TableName: tableName(),
          Key: lettersKeys.letterRecipient(runId, customerId),
          ProjectionExpression: 'pk',
        }),
      )
    ).Item,
  );

/** Why a customer gets no letter in this run, or undefined when they get one. */
const refusal = async (run: LetterRun, customerId: string) => {
  if (!(await getPostalAddress(customerId, false))) return 'no-address';
  if (run.purpose === 'commercial')
    return await postalGate({ customerId, topic: run.topic, campaignId: `letters#${run.runId}` });
  return undefined;
};

/** A letter's date as the reader writes it (7 Aralık 2026, 7 December 2026), on the Istanbul day. */
export const dateIn = (language: Language, now: Date) =>
  new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Istanbul',
  }).format(now);

/** One recipient's page (or label): their address and, for a letter, the merged text in their language. */
const pageOf = async (run: LetterRun, customerId: string, owners: (id: string) => Promise<string | undefined>) => {
  const [customer, address] = await Promise.all([getCustomer(customerId), getPostalAddress(customerId, false)]);
  if (!customer || !address) return undefined;
  const language: Language = customer.language === 'en' ? 'en' : 'tr';
  const vars = {
    ...(await customerVars(customer as unknown as Record<string, unknown>, owners)),
    date: dateIn(language, clockNow()),
  };
  const lines = addressLines(customer.company ? `${customer.name} / ${customer.company}` : customer.name, address);
  const version = run.template?.[language];
  if (!version) return { address: lines, date: vars.date, body: '' };
  return {
    address: lines,
    date: vars.date,
    subject: version.subject ? renderFields(version.subject, vars) : undefined,
    body: renderFields(version.body, vars),
  };
};

/** Customers looked at, and pages drawn, at once: a part's reads overlap without flooding the table. */
const CONCURRENCY = 16;

/** Longer than a part printer may run (the Lambda's 15 minutes): an older lease was its dead holder's. */
const LEASE_MS = 16 * 60 * 1000;

const partInProgress = () =>
  new ConflictError('letter-part-in-progress', {
    en: 'A part of this run is being printed.',
    tr: 'Bu baskının bir bölümü basılıyor.',
  });

const stillCounting = () =>
  new ConflictError('letter-run-counting', {
    en: 'The run is still counting its recipients.',
    tr: 'Baskı alıcılarını hâlâ sayıyor.',
  });

const finished = () =>
  new ConflictError('letter-run-finished', { en: 'The run has printed everyone.', tr: 'Baskı herkesi bastı.' });

/** Takes the run's lease for its next part, or says another printer holds it. */
const takeLease = async (run: LetterRun, lease: string, now: Date) => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lettersKeys.letterRun(run.runId),
        UpdateExpression: 'SET lease = :lease, leaseUntil = :until',
        ConditionExpression: 'parts = :parts AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: {
          ':lease': lease,
          ':until': now.getTime() + LEASE_MS,
          ':parts': run.parts,
          ':now': now.getTime(),
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw partInProgress();
    throw error;
  }
};

const releaseLease = (runId: string, lease: string) =>
  db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lettersKeys.letterRun(runId),
        UpdateExpression: 'REMOVE lease, leaseUntil',
        ConditionExpression: 'lease = :lease',
        ExpressionAttributeValues: { ':lease': lease },
      }),
    )
    .catch(() => undefined);

/** `work` over `items`, `CONCURRENCY` at a time, results in order. */
const inBatches = async <T, R>(items: T[], work: (item: T) => Promise<R>) => {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY)
    results.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(work))));
  return results;
};

/** Claims one looked-at customer for the part: 'claimed', a skip reason, or undefined (someone else's). */
const claimOne = async (run: LetterRun, customerId: string, part: number) => {
  if (await recipientExists(run.runId, customerId)) return undefined;
  const why = await refusal(run, customerId);
  if (!(await claim(run, customerId, part, why ? { skipped: why } : {}))) return undefined;
  return why ?? 'claimed';
};

/**
 * Tops the part up from the segment with customers not yet claimed, from the run's segment cursor.
 * Answers whether the segment is read out, and the cursor the next part reads on from.
 */
const fillPart = async (run: LetterRun, part: number, claimed: string[], skipped: Record<string, number>) => {
  const segment = await getSegment(run.segmentId);
  if (!segment) return { exhausted: true, cursor: run.segmentCursor };
  for await (const page of segmentPages(segment.filter, 500, true, run.segmentCursor)) {
    let i = 0;
    while (i < page.members.length) {
      // a full part stops here: the next one reads this page again and skips whom it finds claimed
      if (claimed.length >= run.partSize) return { exhausted: false, cursor: page.at };
      const batch = page.members.slice(i, i + Math.min(CONCURRENCY, run.partSize - claimed.length));
      i += batch.length;
      const outcomes = await Promise.all(batch.map((id) => claimOne(run, id, part)));
      outcomes.forEach((outcome, n) => {
        if (outcome === 'claimed') claimed.push(batch[n]!);
        else if (outcome) skipped[outcome] = (skipped[outcome] ?? 0) + 1;
      });
    }
    if (!page.next) return { exhausted: true, cursor: page.at };
    if (claimed.length >= run.partSize) return { exhausted: false, cursor: page.next };
  }
  return { exhausted: true, cursor: run.segmentCursor };
};

/**
 * Prints the run's next part: the recipients already claimed for it (a resumed part), topped up from
 * the segment with customers not yet claimed, under the run's lease. Answers the run as it stands
 * after the part; counting a part that leaves the segment unfinished enqueues the next one.
 */
export const printNextPart = async (runId: string) => {
  const run = await runOr404(runId);
  if (run.status === 'done') throw finished();
  if (run.status === 'counting') throw stillCounting();
  const lease = newId();
  await takeLease(run, lease, clockNow());
  try {
    return await printPart(run, lease);
  } catch (error) {
    await releaseLease(runId, lease);
    throw error;
  }
};

const printPart = async (run: LetterRun, lease: string) => {
  const { runId } = run;
  const part = run.parts + 1;
  const claimed = (await queryAll({ index: byAssignee, partition: partIndex(runId, part) }, run.partSize)).map((item) =>
    String(item.customerId),
  );
  const skipped: Record<string, number> = {};
  // a part a failure left full of claims may not be the last: the next part reads on to find out
  const filled =
    claimed.length < run.partSize
      ? await fillPart(run, part, claimed, skipped)
      : { exhausted: false, cursor: run.segmentCursor };
  const owners = ownerNames();
  const pages = (await inBatches(claimed, (id) => pageOf(run, id, owners))).filter((p) => p !== undefined);
  const title = `${run.kind === 'letters' ? 'Letters' : 'Labels'} ${runId} part ${part}`;
  if (pages.length) {
    // pdf-lib and fontkit are loaded on a part's render only, not on the run API's every cold start.
    const { renderLabels, renderLetters } = await loadLazyModule(lettersPdfModule);
    const pdf =
      run.kind === 'labels'
        ? await renderLabels(
            run.layout ?? '3x8',
            pages.map((p) => p.address),
            title,
          )
        : await renderLetters(run.letterhead ?? { name: '', lines: [] }, pages as LetterPage[], title);
    await storePart(runId, part, pdf, claimed);
  }
  return await countPart(run, lease, pages.length ? part : run.parts, pages.length, skipped, filled);
};

/**
 * The part printer's work on a `LetterRunPartDue` event: the part, unless it is counted already (the
 * event redelivered) or the run is done. Another printer holding the run throws: the event is retried.
 */
export const printDuePart = async (due: { runId: string; part: number }) => {
  const run = await getRun(due.runId);
  if (run?.status !== 'printing' || run.parts >= due.part) return run;
  return await printNextPart(due.runId);
};

/**
 * Resumes a run a failure stopped (its count's or its part's event retried out): enqueues its count, or
 * its next part unless a printer holds the run now (409); a done run is a 409. Answers the run as it stands.
 */
export const resumeRun = async (runId: string, now = clockNow()) => {
  const run = await runOr404(runId);
  if (run.status === 'done') throw finished();
  if (run.status === 'counting') {
    await transact([outboxPut(catalogue.LetterRunCountDue, { runId }, now)]);
    return run;
  }
  if ((run.leaseUntil ?? 0) >= now.getTime()) throw partInProgress();
  await transact([outboxPut(catalogue.LetterRunPartDue, { runId, part: run.parts + 1 }, now)]);
  return run;
};

const storePart = async (runId: string, part: number, pdf: Uint8Array, customerIds: string[]) => {
  const file = `letter-runs/${runId}/part-${String(part).padStart(6, '0')}-${newId()}.pdf`;
  await putFile(file, pdf, 'application/pdf');
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lettersKeys.letterPart(runId, part),
          type: 'letter-part' satisfies ItemType,
          part,
          file,
          recipients: customerIds.length,
          createdAt: clockNow().toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    // a racing printer stored this part first: theirs stands, this file is never named and expires
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
};

const countPart = async (
  run: LetterRun,
  lease: string,
  parts: number,
  printed: number,
  skipped: Record<string, number>,
  filled: { exhausted: boolean; cursor: string | undefined },
) => {
  const done = filled.exhausted;
  const names: Record<string, string> = {};
  if (done) names['#status'] = 'status';
  if (Object.keys(skipped).length) names['#skipped'] = 'skipped';
  const values: Record<string, unknown> = {
    ':parts': parts,
    ':before': run.parts,
    ':printed': printed,
    ':lease': lease,
  };
  const sets = ['parts = :parts'];
  if (done) {
    values[':done'] = 'done';
    sets.push('#status = :done');
  }
  if (filled.cursor) {
    values[':cursor'] = filled.cursor;
    sets.push('segmentCursor = :cursor');
  }
  const adds = Object.entries(skipped).map(([reason, count], i) => {
    names[`#r${i}`] = reason;
    values[`:s${i}`] = count;
    return `#skipped.#r${i} :s${i}`;
  });
  const counted = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: lettersKeys.letterRun(run.runId),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE lease, leaseUntil ADD ${['printed :printed', ...adds].join(', ')}`,
        ConditionExpression: 'parts = :before AND lease = :lease',
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
    },
    // the next part is enqueued exactly when this one is counted
    ...(done ? [] : [outboxPut(catalogue.LetterRunPartDue, { runId: run.runId, part: parts + 1 }, clockNow())]),
  ]);
  // not counted: a printer that outlived its lease, whose part another printer counted
  if (!counted.ok) throw partInProgress();
  return await runOr404(run.runId);
};

/** A stored part's PDF, or undefined. */
export const partPdf = async (runId: string, part: number) => {
  const item = (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: lettersKeys.letterPart(runId, part), ConsistentRead: true }),
    )
  ).Item;
  return item ? await getFile(String(item.file)) : undefined;
};
