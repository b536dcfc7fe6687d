// Activities on the local stack over HTTP: the call center logs a call whose customer asks to be
// called back; the owner's reminder is mailed when the scheduler fires at the callback time (an
// injected clock), not before, and once however often it fires; the customer's timeline shows the
// call, the to-do and the mail the CRM sent them.
import { describe, expect, inject, it } from 'vitest';
import { mailTo } from '../support/e2e.js';
import { call, callbackCall, fireSchedule, newCustomer, staffMail } from '../support/quotes.js';

const keys = () => inject('activityKeys');
const sweep = 'activities.sweep-todo-reminders';

describe('a callback request on the local scheduler', () => {
  it("mails the owner at the callback time, once; the timeline holds the call, its to-do and the customer's mail", async () => {
    const customer = await newCustomer('callback');
    // A whole minute three days ahead: a time no other to-do of this run is due at.
    const callbackAt = new Date(Math.ceil((Date.now() + 3 * 24 * 3600 * 1000) / 60_000) * 60_000);
    const started = new Date(Date.now() - 5 * 60_000);
    const body = { ...callbackCall(started, callbackAt), notes: 'Forklift teslim tarihini soracak' };
    const path = `/customers/${customer.customerId}/activities`;
    const logged = await call<{
      activity: { activityId: string };
      callbackTodo: { activityId: string; assigneeId: string };
    }>('POST', path, keys().agent, body, {
      'idempotency-key': `callback-${customer.customerId}`,
    });
    expect(logged.status).toBe(201);
    expect(logged.body.callbackTodo).toMatchObject({ assigneeId: 'rep-ayse' });
    const replay = await call('POST', path, keys().agent, body, {
      'idempotency-key': `callback-${customer.customerId}`,
    });
    expect(replay.body).toEqual(logged.body);

    // Ayşe reads Turkish; the customer is a company (newCustomer names it after the tag).
    const reminders = async () =>
      (await mailTo(staffMail['rep-ayse'])).filter(
        (m) => m.subject === `Geri arama: callback Makina A.Ş. (${customer.name})`,
      );
    await fireSchedule(sweep, new Date(callbackAt.getTime() - 60_000));
    expect(await reminders()).toHaveLength(0);
    await fireSchedule(sweep, callbackAt);
    await fireSchedule(sweep, callbackAt);
    const mailed = await reminders();
    expect(mailed).toHaveLength(1);
    expect(mailed[0]!.body.text).toContain(`/console/#/customers/${customer.customerId}`);

    // Ticked off over HTTP, guarded by the seq the caller saw.
    const todoPath = `${path}/${logged.body.callbackTodo.activityId}`;
    const stale = await call<{ code: string }>('PATCH', todoPath, keys().repAyse, { seq: 2, done: true });
    expect(stale).toMatchObject({ status: 409, body: { code: 'activity-changed' } });
    const done = await call('PATCH', todoPath, keys().repAyse, {
      seq: 1,
      done: true,
      notes: 'Arandı, teslim tarihi iletildi',
    });
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'done', seq: 2, notes: 'Arandı, teslim tarihi iletildi' },
    });

    const timeline = await call<{ activities: { kind: string; activityId: string; template?: string }[] }>(
      'GET',
      path,
      keys().repAyse,
    );
    expect(timeline.status).toBe(200);
    const kinds = timeline.body.activities.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['call', 'todo', 'email']));
    expect(timeline.body.activities.find((a) => a.kind === 'email')).toMatchObject({ template: 'auto-response' });

    // The customer's record and the call center's lookup show the same story.
    const record = await call<{ timeline: { items: { kind: string }[] } }>(
      'GET',
      `/customers/${customer.customerId}`,
      keys().repAyse,
    );
    expect(record.body.timeline.items.map((a) => a.kind)).toEqual(expect.arrayContaining(['call', 'todo', 'email']));
  });
});
