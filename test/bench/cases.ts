// The SLA sweep's cost and delay: with BENCH_CASES open cases (10,000) of which 10 are due, the read
// units one sweep consumes (it should read only what is due, not the open cases), and on the local
// scheduler the delay from a step falling due to the step taken.

import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, cases, slaQueue } from '../../functions/complaint-escalation/case-store.js';
import { sweepCaseSla } from '../../functions/complaint-escalation/cases.js';
import { nextDeadline } from '../../functions/complaint-escalation/domain/sla.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { db } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { out } from './output.js';

const OPEN_CASES = Number(process.env.BENCH_CASES ?? 10_000);
const DUE = 10;
/** Open every minute of every day, so the delay does not depend on when the bench runs. */
const ALWAYS = { days: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { from: '00:00', to: '24:00' }])) };

/** An urgent case whose SLA clock started at `runningSince`: its warning falls due 48 minutes on. */
const benchCase = (run: string, i: number, now: Date, runningSince: Date): Case => {
  const at = now.toISOString();
  return {
    caseId: newId(),
    caseNumber: `bench-${i}`,
    customerId: `bench-${run}-${i % 100}`,
    caseType: 'complaint',
    category: 'other',
    priority: 'urgent',
    channel: 'phone',
    subject: 'Bench',
    language: 'tr',
    status: 'open',
    seq: 1,
    departmentId: 'dept-bench',
    unit: { type: 'department', id: 'dept-bench' },
    routeRule: 'fallback',
    openedBy: 'bench',
    sla: {
      segment: 'B',
      targets: { firstResponse: 60, resolution: 540 },
      clock: { bankedMinutes: 0, runningSince: runningSince.toISOString() },
      warned: [],
      escalationLevel: 0,
      escalations: { firstResponse: 0, resolution: 0 },
    },
    createdAt: at,
    updatedAt: at,
  };
};

const WARN_MS = 48 * 60_000;

/** The case and its SLA placement, due when its clock says (hours are always open). */
const items = (c: Case) => {
  const dueAt = new Date(Date.parse(c.sla.clock.runningSince!) + WARN_MS);
  return [cases.item(c), slaQueue.at(c.caseId, dueAt.toISOString(), nextDeadline(c.status, c.sla)!).item(cases.key(c))];
};

const writeAll = async (stack: LocalStack, all: Record<string, unknown>[]) => {
  for (let i = 0; i < all.length; i += 25) {
    await stack.documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE_NAME]: all.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
};

/** Sums the read capacity DynamoDB reports for the reads made through the functions' client. */
export const countReadUnits = () => {
  let total = 0;
  const name = 'benchReadUnits';
  const reads = ['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand'];
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (!reads.includes(String(context.commandName))) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat() as { CapacityUnits?: number; ReadCapacityUnits?: number }[]) {
        total += entry.ReadCapacityUnits ?? entry.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name },
  );
  return { total: () => total, stop: () => db().middlewareStack.remove(name) };
};

export const benchCaseSweep = async (stack: LocalStack) => {
  const run = Date.now().toString(36);
  const now = new Date();
  await writeAll(stack, [
    {
      ...keys.department('dept-bench'),
      type: 'department',
      departmentId: 'dept-bench',
      name: 'Bench',
      email: 'bench@example.com',
      language: 'tr',
      hours: ALWAYS,
      supervisorId: 'sup-deniz',
      managerId: 'mgr-hakan',
    },
  ]);
  // Ten warned a minute ago; the rest just opened, due in 48 minutes.
  const overdue = new Date(now.getTime() - WARN_MS - 60_000);
  const seeded = Array.from({ length: OPEN_CASES }, (_, i) => benchCase(run, i, now, i < DUE ? overdue : now));
  await writeAll(stack, seeded.flatMap(items));

  const units = countReadUnits();
  const outcome = await sweepCaseSla(new Date());
  const readUnits = units.total();
  units.stop();

  // On the local scheduler (every minute): a step due in two seconds, and how long until it is taken.
  const dueAt = new Date(Date.now() + 2_000);
  const watched = benchCase(run, OPEN_CASES, now, new Date(dueAt.getTime() - WARN_MS));
  await writeAll(stack, items(watched));
  let takenAt: number | undefined;
  while (takenAt === undefined && Date.now() - dueAt.getTime() < 150_000) {
    const { Item } = await stack.documents.send(new GetCommand({ TableName: TABLE_NAME, Key: cases.key(watched) }));
    if ((Item?.sla as Case['sla'] | undefined)?.warned.length) takenAt = Date.now();
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }

  out.log(`\nSLA sweep with ${OPEN_CASES} open cases, ${DUE} due`);
  const warned = await Promise.all(
    seeded
      .slice(0, DUE)
      .map(
        async (c) =>
          (await stack.documents.send(new GetCommand({ TableName: TABLE_NAME, Key: cases.key(c) }))).Item?.sla.warned
            .length,
      ),
  );
  out.table({
    'one sweep': {
      due: outcome.due,
      acted: outcome.acted,
      warned: warned.filter(Boolean).length,
      'read units': readUnits.toFixed(1),
      'read units per due case': (readUnits / DUE).toFixed(2),
    },
  });
  out.log(
    takenAt === undefined
      ? 'due → taken on the local scheduler: not taken within 150 s'
      : `due → taken on the local scheduler: ${((takenAt - dueAt.getTime()) / 1000).toFixed(1)} s (the schedule runs every minute)`,
  );
};
