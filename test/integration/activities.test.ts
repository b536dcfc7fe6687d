// Activities against DynamoDB Local and the local SES endpoint: a logged call and its callback to-do
// written together (agenda entries and the reminder's queue place included), once per
// Idempotency-Key; a to-do done before its time leaves the queue; overlapping sweeps remind once and
// the reminder is mailed once; a person's overdue to-dos in any week, paged; every mail to a
// customer logged on their timeline exactly once.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import sesModule from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeActivity,
  customerFor,
  logActivity,
  overdueTodos,
  remindDueTodos,
  teamAgenda,
  userAgenda,
} from '../../functions/activities/activities.js';
import {
  activities,
  getActivity,
  openTodos,
  reindexOpenTodos,
  timelinePage,
} from '../../functions/activities/activity-store.js';
import * as api from '../../functions/activities/api-schemas.js';
import type { ActivityInput } from '../../functions/activities/domain/activity.js';
import { handler as mailReminder } from '../../functions/activities/handlers/mail-reminder.js';
import { activityRoutes } from '../../functions/activities/manifest.js';
import { lambdaContext } from '../../infra/local/functions.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { safeHtml } from '../../shared/html.js';
import { type Actor, type Role, validate } from '../../shared/http.js';
import { noRecord, oncePerCaller } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { recordNumber } from '../../shared/record-numbers.js';
import { suppress } from '../../shared/suppression.js';
import { keys } from '../../shared/table.js';
import { defineTemplate } from '../../shared/templates.js';
import { scanAll } from '../support/scan.js';

let ses: Server;
let sesUrl = '';

beforeAll(async () => {
  // A CommonJS default export: Node's ESM loader hands over the module object.
  type Start = (c: { port: number; host: string }) => Promise<Server>;
  const start = (sesModule as unknown as { default?: Start }).default ?? (sesModule as unknown as Start);
  ses = await start({ port: 0, host: '127.0.0.1' });
  sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SES: sesUrl,
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
    PUBLIC_BASE_URL: 'https://crm.example.com',
  });
});
afterAll(() => new Promise<void>((resolve) => ses.close(() => resolve())));

interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}
const mailTo = async (address: string) =>
  ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails.filter((m) =>
    m.destination.to.includes(address),
  );

const tag = () => newId().toLowerCase().slice(-8);

/** A person in the directory, with an address of their own. */
const person = async (role: Role, extra: Record<string, unknown> = {}) => {
  const userId = `${role}-${tag()}`;
  const user = { userId, name: `Test ${userId}`, email: `${userId}@example.com`, role, language: 'tr', ...extra };
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(userId), type: 'user', ...user } }));
  return user;
};
const actorOf = (userId: string, role: Role = 'agent'): Actor => ({
  keyId: `key-${userId}`,
  userId,
  role,
  scopes: ['customers:read', 'activities:write'],
});

/** A customer owned by `ownerIds` (people and dealers, as lead assignment leaves them). */
const customerOwnedBy = async (ownerIds: string[], email?: string) => {
  const customerId = newId();
  const at = new Date().toISOString();
  const [put] = customers.createItems({
    customerId,
    name: 'Deneme Müşteri',
    email,
    language: 'tr',
    createdAt: at,
    updatedAt: at,
  });
  await transact([
    { Put: { ...put!.Put!, Item: { ...put!.Put!.Item, ...(ownerIds.length ? { ownerIds: new Set(ownerIds) } : {}) } } },
  ]);
  return customerId;
};

const outboxFor = async (activityId: string, detailType: string) =>
  await scanAll({
    FilterExpression: '#type = :outbox AND detailType = :detailType AND detail.activityId = :id',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':detailType': detailType, ':id': activityId },
  });

const queuePlace = async (activity: Parameters<typeof activities.key>[0]) =>
  (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.queueItem(activities.key(activity), 'todo-reminder'),
        ConsistentRead: true,
      }),
    )
  ).Item;

const callback = (callbackAt: string, notes?: string, subject?: string): ActivityInput => ({
  kind: 'call',
  direction: 'in',
  startedAt: '2030-01-07T08:00:00.000Z',
  endedAt: '2030-01-07T08:04:00.000Z',
  outcome: 'callback-requested',
  callbackAt,
  notes,
  subject,
});

const log = async (actor: Actor, customerId: string, input: ActivityInput) =>
  logActivity(actor, await customerFor(actor, customerId), input, noRecord);

describe('logging a call', () => {
  it("a callback request makes the owner's to-do in the same write: agenda entry, reminder queue place, one ActivityLogged each", async () => {
    const [agent, owner] = await Promise.all([person('agent'), person('rep')]);
    // 'dealer-…' sorts first but is not a person: the callback goes to the rep.
    const customerId = await customerOwnedBy([owner.userId, 'dealer-aaa']);
    const { activity, callbackTodo } = await log(
      actorOf(agent.userId),
      customerId,
      callback('2030-01-08T11:00:00.000Z', 'Fiyat sordu', 'Kasko teklifi'),
    );
    expect(activity).toMatchObject({
      kind: 'call',
      outcome: 'callback-requested',
      agentId: agent.userId,
      callbackTodoId: callbackTodo?.activityId,
    });
    expect(callbackTodo).toMatchObject({
      kind: 'todo',
      status: 'open',
      assigneeId: owner.userId,
      dueAt: '2030-01-08T11:00:00.000Z',
      callbackOf: activity.activityId,
    });
    // The call's subject travels onto its to-do, stored and on the agenda.
    expect((await getActivity(callbackTodo!.activityId))?.subject).toBe('Kasko teklifi');

    const timeline = await timelinePage(customerId, undefined, 10);
    // Newest first: the call sits at its start (2030), the to-do at when it was written (now).
    expect(timeline.activities.map((a) => a.activityId)).toEqual([activity.activityId, callbackTodo!.activityId]);
    expect(await queuePlace(callbackTodo!)).toMatchObject({ queue: 'todo-reminder', at: '2030-01-08T11:00:00.000Z' });
    expect(await outboxFor(activity.activityId, 'ActivityLogged')).toMatchObject([
      { detail: { kind: 'call', outcome: 'callback-requested', actorId: agent.userId } },
    ]);
    expect(await outboxFor(callbackTodo!.activityId, 'ActivityLogged')).toMatchObject([{ detail: { kind: 'todo' } }]);
    const week = await userAgenda(actorOf(owner.userId, 'rep'), { week: '2030-W02' });
    expect(week.entries).toEqual([
      expect.objectContaining({
        activityId: callbackTodo!.activityId,
        kind: 'todo',
        status: 'open',
        at: '2030-01-08T11:00:00.000Z',
        subject: 'Kasko teklifi',
      }),
    ]);
  });

  it('a customer without a person owner: the callback goes to the agent who took the call', async () => {
    const agent = await person('agent');
    const customerId = await customerOwnedBy([]);
    const { callbackTodo } = await log(actorOf(agent.userId), customerId, callback('2030-01-08T12:00:00.000Z'));
    expect(callbackTodo?.assigneeId).toBe(agent.userId);
  });

  it('once per Idempotency-Key: two racing requests log one call and answer the same', async () => {
    const agent = await person('agent');
    const actor = actorOf(agent.userId);
    const customerId = await customerOwnedBy([]);
    const input: ActivityInput = {
      kind: 'call',
      direction: 'out',
      startedAt: '2030-01-07T09:00:00.000Z',
      endedAt: '2030-01-07T09:01:00.000Z',
      outcome: 'busy',
    };
    const customer = await customerFor(actor, customerId);
    const send = () =>
      oncePerCaller(activityRoutes.logActivity, actor, `call-${customerId}`, { customerId, ...input }, (record) =>
        logActivity(actor, customer, input, record),
      );
    const [first, second] = await Promise.all([send(), send()]);
    expect(second).toEqual(first);
    expect((await timelinePage(customerId, 'call', 10)).activities).toHaveLength(1);
  });

  it('refuses a callback without its time, and people not in the directory, writing nothing', async () => {
    const agent = await person('agent');
    const customerId = await customerOwnedBy([]);
    const { callbackAt: _, ...noTime } = callback('2030-01-08T12:00:00.000Z') as Extract<
      ActivityInput,
      { kind: 'call' }
    >;
    await expect(log(actorOf(agent.userId), customerId, noTime)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'callbackAt' }],
    });
    await expect(
      log(actorOf(agent.userId), customerId, {
        kind: 'meeting',
        startsAt: '2030-01-09T07:00:00.000Z',
        endsAt: '2030-01-09T08:00:00.000Z',
        participants: [agent.userId, 'nobody-here'],
      }),
    ).rejects.toMatchObject({ code: 'unknown-user', errors: [{ path: 'participants.1' }] });
    expect((await timelinePage(customerId, undefined, 10)).activities).toEqual([]);
  });

  it('a customer the caller does not reach is not found', async () => {
    const rep = await person('rep');
    const customerId = await customerOwnedBy(['someone-else']);
    await expect(customerFor(actorOf(rep.userId, 'rep'), customerId)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('to-dos and their reminders', () => {
  it('done before its time: out of the reminder queue, and the sweep at its time mails nothing', async () => {
    const owner = await person('rep');
    const actor = actorOf(owner.userId, 'rep');
    const customerId = await customerOwnedBy([owner.userId]);
    const { activity: todo } = await log(actor, customerId, {
      kind: 'todo',
      dueAt: '2030-02-04T09:00:00.000Z',
      subject: 'Katalog gönder',
    });
    expect(await queuePlace(todo)).toBeDefined();
    await expect(
      changeActivity(customerId, todo.activityId, { seq: 2, done: true }, owner.userId),
    ).rejects.toMatchObject({ code: 'activity-changed' });
    const done = await changeActivity(customerId, todo.activityId, { seq: 1, done: true }, owner.userId);
    expect(done).toMatchObject({ status: 'done', seq: 2, doneAt: expect.any(String) });
    expect(await queuePlace(todo)).toBeUndefined();
    await remindDueTodos(new Date('2030-02-04T09:00:00.000Z'));
    expect(await outboxFor(todo.activityId, 'TodoReminderDue')).toEqual([]);
    const week = await userAgenda(actor, { week: '2030-W06' });
    expect(week.entries).toEqual([expect.objectContaining({ activityId: todo.activityId, status: 'done' })]);
  });

  it('overlapping sweeps remind once, at the due time and not before; the reminder is mailed once', async () => {
    const [agent, owner] = await Promise.all([person('agent'), person('rep')]);
    const customerId = await customerOwnedBy([owner.userId]);
    const { callbackTodo } = await log(
      actorOf(agent.userId),
      customerId,
      callback('2030-03-05T10:30:00.000Z', 'Teslim tarihini soracak'),
    );
    const todoId = callbackTodo!.activityId;

    await remindDueTodos(new Date('2030-03-05T10:29:59.999Z'));
    expect(await outboxFor(todoId, 'TodoReminderDue')).toEqual([]);
    await Promise.all([
      remindDueTodos(new Date('2030-03-05T10:30:00.000Z')),
      remindDueTodos(new Date('2030-03-05T10:30:00.000Z')),
    ]);
    const events = await outboxFor(todoId, 'TodoReminderDue');
    expect(events).toMatchObject([{ detail: { assigneeId: owner.userId, dueAt: '2030-03-05T10:30:00.000Z' } }]);
    expect(await queuePlace(callbackTodo!)).toBeUndefined();

    // The event delivered twice (EventBridge may): one mail.
    const event = {
      id: 'e1',
      source: 'crm.activities',
      'detail-type': 'TodoReminderDue',
      time: '',
      detail: events[0]!.detail,
    };
    for (let i = 0; i < 2; i++) await mailReminder(event as never, lambdaContext('activities.mailReminder'));
    const mails = await mailTo(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Geri arama: Deneme Müşteri');
    expect(mails[0]!.body.text).toContain('5.03.2030 13:30 için geri aranmak istedi');
    expect(mails[0]!.body.text).toContain(`no: ${recordNumber('customer', customerId)}`);
    expect(mails[0]!.body.text).not.toContain('GET /');
  });

  it("overdue: the caller's open to-dos past due in any week, oldest first, paged; done ones leave, a reopened one comes back", async () => {
    const owner = await person('rep');
    const actor = actorOf(owner.userId, 'rep');
    const customerId = await customerOwnedBy([owner.userId]);
    const todo = async (dueAt: string, subject: string) =>
      (await log(actor, customerId, { kind: 'todo', dueAt, subject })).activity;
    const first = await todo('2031-01-06T09:00:00.000Z', 'Birinci');
    const second = await todo('2031-03-10T09:00:00.000Z', 'İkinci');
    const ticked = await todo('2031-02-03T09:00:00.000Z', 'Yapıldı');
    await todo('2031-06-01T09:00:00.000Z', 'Henüz değil');
    await changeActivity(customerId, ticked.activityId, { seq: 1, done: true }, owner.userId);
    await changeActivity(customerId, second.activityId, { seq: 1, notes: 'Not eklendi' }, owner.userId);
    const asOf = new Date('2031-06-01T08:59:59.000Z');
    const overdue = (cursor?: string) => overdueTodos(actor, { limit: 1, cursor }, asOf);

    const page1 = await overdue();
    expect(page1.entries).toEqual([
      expect.objectContaining({
        activityId: first.activityId,
        kind: 'todo',
        status: 'open',
        subject: 'Birinci',
        seq: 1,
      }),
    ]);
    const page2 = await overdue(page1.nextCursor);
    // Rewritten with each change: the seq the agenda sends when ticking it off.
    expect(page2.entries).toEqual([expect.objectContaining({ activityId: second.activityId, seq: 2 })]);
    // The next is not due yet: the list ends there.
    expect(await overdue(page2.nextCursor)).toEqual({ userId: owner.userId, entries: [] });

    await changeActivity(customerId, ticked.activityId, { seq: 2, done: false }, owner.userId);
    const all = await overdueTodos(actor, { limit: 10 }, asOf);
    expect(all.entries.map((e) => e.subject)).toEqual(['Birinci', 'Yapıldı', 'İkinci']);
    expect(all.nextCursor).toBeUndefined();
    // Someone else's are not the caller's.
    expect((await overdueTodos(actorOf((await person('rep')).userId, 'rep'), { limit: 10 }, asOf)).entries).toEqual([]);
  });

  it('reindexing puts an open to-do written before the overdue list into it, once, and never a done one', async () => {
    const owner = await person('rep');
    const actor = actorOf(owner.userId, 'rep');
    const customerId = await customerOwnedBy([owner.userId]);
    const older = (await log(actor, customerId, { kind: 'todo', dueAt: '2032-01-05T09:00:00.000Z', subject: 'Eski' }))
      .activity;
    const done = (await log(actor, customerId, { kind: 'todo', dueAt: '2032-01-06T09:00:00.000Z', subject: 'Bitti' }))
      .activity;
    await changeActivity(customerId, done.activityId, { seq: 1, done: true }, owner.userId);
    // As an older version left it: the to-do without its place in the overdue list.
    await db().send(
      new DeleteCommand({ TableName: tableName(), Key: keys.queueItem(activities.key(older), openTodos.name) }),
    );
    const asOf = new Date('2032-02-01T00:00:00.000Z');
    expect((await overdueTodos(actor, { limit: 10 }, asOf)).entries).toEqual([]);

    expect(await reindexOpenTodos()).toBeGreaterThanOrEqual(1);
    expect((await overdueTodos(actor, { limit: 10 }, asOf)).entries.map((e) => e.subject)).toEqual(['Eski']);
    await reindexOpenTodos();
    expect((await overdueTodos(actor, { limit: 10 }, asOf)).entries).toHaveLength(1);
  });

  it('the timeline refuses to edit a mail record, and filters by kind', async () => {
    const owner = await person('rep');
    const customerId = await customerOwnedBy([owner.userId], `c-${tag()}@example.com`);
    await log(actorOf(owner.userId, 'rep'), customerId, { kind: 'note', notes: 'İlk görüşme iyi geçti' });
    await sendOnce(onceKey('test-mail', customerId), () =>
      sendTransactional({ to: `c-${tag()}@example.com`, customerId, ...greeting.render('tr', {}) }),
    );
    const [mail] = (await timelinePage(customerId, 'email', 10)).activities;
    expect((await timelinePage(customerId, 'note', 10)).activities).toHaveLength(1);
    await expect(changeActivity(customerId, mail!.activityId, { notes: 'x' }, owner.userId)).rejects.toMatchObject({
      code: 'activity-read-only',
    });
  });
});

const greeting = defineTemplate<Record<string, never>>({
  name: 'test-greeting',
  optional: [],
  tr: { subject: () => 'Merhaba', text: () => 'Gövde metni', html: () => safeHtml`<p>Gövde metni</p>` },
  en: { subject: () => 'Hello', text: () => 'Body text', html: () => safeHtml`<p>Body text</p>` },
});

describe('every mail to a customer on their timeline', () => {
  it('logs template, subject, time and message id once SES accepts it, never the body or the address; a retry logs nothing more', async () => {
    const address = `musteri-${tag()}@example.com`;
    const customerId = await customerOwnedBy([], address);
    const key = onceKey('test-mail', customerId);
    const first = await sendOnce(key, () =>
      sendTransactional({ to: address, customerId, ...greeting.render('tr', {}) }),
    );
    const again = await sendOnce(key, () =>
      sendTransactional({ to: address, customerId, ...greeting.render('tr', {}) }),
    );
    expect(again).toMatchObject({ status: 'sent', first: false });
    const [sent] = await mailTo(address);
    expect(first).toMatchObject({ status: 'sent', messageId: sent!.messageId, first: true });

    const page = await timelinePage(customerId, undefined, 10);
    expect(validate(api.timelinePage, page)).toEqual(page);
    const logged = page.activities;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      kind: 'email',
      template: 'test-greeting',
      subject: 'Merhaba',
      messageId: sent!.messageId,
      createdBy: 'system',
    });
    const stored = JSON.stringify(await getActivity(logged[0]!.activityId));
    expect(stored).not.toContain(address);
    expect(stored).not.toContain('Gövde metni');
    expect(await outboxFor(logged[0]!.activityId, 'ActivityLogged')).toMatchObject([
      { detail: { kind: 'email', actorId: 'system' } },
    ]);
  });

  it('logs nothing for a mail SES never got (a suppressed address) or one to no customer', async () => {
    const suppressed = `bounced-${tag()}@example.com`;
    await suppress(suppressed, 'hard-bounce');
    const customerId = await customerOwnedBy([], suppressed);
    expect(
      await sendOnce(onceKey('test-mail', customerId), () =>
        sendTransactional({ to: suppressed, customerId, ...greeting.render('tr', {}) }),
      ),
    ).toMatchObject({
      status: 'skipped',
    });
    const staffMail = await sendOnce(onceKey('test-staff', customerId), () =>
      sendTransactional({ to: `staff-${tag()}@example.com`, ...greeting.render('tr', {}) }),
    );
    expect(staffMail).toMatchObject({ status: 'sent' });
    expect((await timelinePage(customerId, undefined, 10)).activities).toEqual([]);
  });
});

describe('agendas', () => {
  it("a meeting is on each participant's week and the team's, in time order; a rep reads no one else's", async () => {
    const teamId = `team-${tag()}`;
    const [a, b, manager, outsider] = await Promise.all([
      person('rep', { teamId }),
      person('rep', { teamId }),
      person('manager', { teamId }),
      person('rep'),
    ]);
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.team(teamId),
          type: 'team',
          teamId,
          name: 'Test',
          members: [a, b].map((p) => ({ userId: p.userId, weight: 1, away: false })),
        },
      }),
    );
    const customerId = await customerOwnedBy([a.userId]);
    // Sunday 23:30 Istanbul closes week 2; Monday 00:30 opens week 3.
    const { activity: late } = await log(actorOf(a.userId, 'rep'), customerId, {
      kind: 'todo',
      dueAt: '2030-01-13T20:30:00.000Z',
      assigneeId: b.userId,
    });
    const { activity: meeting } = await log(actorOf(a.userId, 'rep'), customerId, {
      kind: 'visit',
      startsAt: '2030-01-09T07:00:00.000Z',
      endsAt: '2030-01-09T08:00:00.000Z',
      participants: [a.userId, b.userId],
      location: 'Gebze',
    });
    await log(actorOf(a.userId, 'rep'), customerId, { kind: 'todo', dueAt: '2030-01-13T21:30:00.000Z' });

    expect((await userAgenda(actorOf(a.userId, 'rep'), { week: '2030-W02' })).entries.map((e) => e.activityId)).toEqual(
      [meeting.activityId],
    );
    const team = await teamAgenda(actorOf(manager.userId, 'manager'), { week: '2030-W02' });
    // What the route answers is what its declaration says (the local stack checks it the same way).
    expect(validate(api.teamAgenda, team)).toEqual(team);
    expect(team).toMatchObject({ teamId, from: '2030-01-06T21:00:00.000Z', to: '2030-01-13T20:59:59.999Z' });
    expect(team.entries.map((e) => [e.activityId, e.userId])).toEqual(
      expect.arrayContaining([
        [meeting.activityId, a.userId],
        [meeting.activityId, b.userId],
      ]),
    );
    expect(team.entries.map((e) => e.activityId)).toEqual([meeting.activityId, meeting.activityId, late.activityId]);
    expect(
      (await userAgenda(actorOf(manager.userId, 'manager'), { user: b.userId, week: '2030-W02' })).entries,
    ).toHaveLength(2);

    await expect(userAgenda(actorOf(outsider.userId, 'rep'), { user: a.userId })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(teamAgenda(actorOf(a.userId, 'rep'), { team: teamId })).rejects.toMatchObject({ code: 'not-found' });
  });
});
