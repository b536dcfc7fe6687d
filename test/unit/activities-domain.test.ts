// The activity rules alone: what a call, meeting, to-do and note must hold together, who gets a
// callback, whose agenda an activity lands on, and ISO weeks on the Istanbul calendar.
import { describe, expect, it } from 'vitest';
import { logActivityBody } from '../../functions/activities/api-schemas.js';
import {
  type ActivityInput,
  activityProblems,
  agendaSlots,
  callbackAssignee,
  callbackTodo,
  callOutcomes,
  newActivity,
  occurredAtOf,
  todoLifecycle,
} from '../../functions/activities/domain/activity.js';
import { isIsoWeek, istanbulWeekBounds, istanbulWeekOf } from '../../functions/activities/domain/week.js';
import { validate } from '../../shared/http.js';

const call = (changes: Partial<Extract<ActivityInput, { kind: 'call' }>> = {}): ActivityInput => ({
  kind: 'call',
  direction: 'in',
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: '2026-03-02T09:05:00.000Z',
  outcome: 'reached',
  ...changes,
});
const context = { activityId: 'A1', customerId: 'C1', actorId: 'agent-1', now: '2026-03-02T10:00:00.000Z' };

describe('what an activity must hold together', () => {
  it.each(callOutcomes.filter((o) => o !== 'callback-requested'))(
    'a call with outcome %s needs no callback time, and may not have one',
    (outcome) => {
      // A complaint needs its notes (below); every outcome here has them, so only callbackAt is at stake.
      const notes = 'Görüşme notu';
      expect(activityProblems(call({ outcome, notes }))).toEqual([]);
      expect(activityProblems(call({ outcome, notes, callbackAt: '2026-03-03T09:00:00.000Z' }))).toEqual([
        { path: 'callbackAt', message: expect.objectContaining({ en: 'Only for the outcome callback-requested.' }) },
      ]);
    },
  );

  it('a callback request needs callbackAt, after the call ended', () => {
    expect(activityProblems(call({ outcome: 'callback-requested' }))).toEqual([
      {
        path: 'callbackAt',
        message: expect.objectContaining({ en: 'Required when the outcome is callback-requested.' }),
      },
    ]);
    expect(
      activityProblems(call({ outcome: 'callback-requested', callbackAt: '2026-03-02T09:05:00.000Z' })),
    ).toMatchObject([{ path: 'callbackAt' }]);
    expect(activityProblems(call({ outcome: 'callback-requested', callbackAt: '2026-03-02T09:05:00.001Z' }))).toEqual(
      [],
    );
  });

  it('a complaint says what it is about; a sale or a refusal needs no notes', () => {
    expect(activityProblems(call({ outcome: 'complaint' }))).toEqual([
      { path: 'notes', message: expect.objectContaining({ en: expect.stringContaining('complaint') }) },
    ]);
    expect(activityProblems(call({ outcome: 'complaint', notes: 'Servis randevusu iki kez ertelendi' }))).toEqual([]);
    expect(activityProblems(call({ outcome: 'sale' }))).toEqual([]);
    expect(activityProblems(call({ outcome: 'not-interested' }))).toEqual([]);
  });

  it("the call outcomes the desk offers are the API's, and an unknown outcome is refused by name in both languages", () => {
    for (const outcome of ['reached', 'no-answer', 'callback-requested', 'not-interested', 'sale', 'complaint']) {
      expect(callOutcomes).toContain(outcome);
    }
    const body = { kind: 'call', direction: 'in', startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-02T09:01:00Z' };
    expect(validate(logActivityBody, { ...body, outcome: 'sale' })).toMatchObject({ outcome: 'sale' });
    let refusal: unknown;
    try {
      validate(logActivityBody, { ...body, outcome: 'maybe' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'outcome', message: { en: expect.any(String), tr: expect.any(String) } }],
    });
  });

  it('a call may not end before it starts; ending as it starts is fine (a missed call)', () => {
    expect(activityProblems(call({ endedAt: '2026-03-02T08:59:59.999Z' }))).toEqual([
      { path: 'endedAt', message: expect.objectContaining({ en: 'Before `startedAt`.' }) },
    ]);
    expect(activityProblems(call({ endedAt: '2026-03-02T09:00:00.000Z' }))).toEqual([]);
  });

  it('a meeting may not end before it starts; a note needs its text', () => {
    const meeting: ActivityInput = {
      kind: 'meeting',
      startsAt: '2026-03-02T09:00:00.000Z',
      endsAt: '2026-03-02T08:00:00.000Z',
    };
    expect(activityProblems(meeting)).toEqual([
      { path: 'endsAt', message: expect.objectContaining({ en: 'Before `startsAt`.' }) },
    ]);
    expect(activityProblems({ kind: 'note' })).toEqual([
      { path: 'notes', message: expect.objectContaining({ en: 'A note needs its text.' }) },
    ]);
    expect(activityProblems({ kind: 'note', notes: 'Fiyat listesi istedi' })).toEqual([]);
  });

  it('the request schema takes instants with their offset and stores them as UTC; an unknown kind is refused by name', () => {
    const parsed = validate(logActivityBody, { kind: 'todo', dueAt: '2026-03-02T14:30:00+03:00' });
    expect(parsed).toMatchObject({ kind: 'todo', dueAt: '2026-03-02T11:30:00.000Z' });
    expect(() => validate(logActivityBody, { kind: 'fax' })).toThrow(
      expect.objectContaining({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'kind' })] }),
    );
    expect(() => validate(logActivityBody, { kind: 'todo', dueAt: '2026-03-02 14:30' })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'dueAt' })] }),
    );
  });
});

describe('logging', () => {
  it('places each kind on the timeline where it happened, and people left out default to the caller', () => {
    expect(newActivity(call(), context)).toMatchObject({
      occurredAt: '2026-03-02T09:00:00.000Z',
      agentId: 'agent-1',
      status: 'logged',
      seq: 1,
    });
    const visit = newActivity(
      { kind: 'visit', startsAt: '2026-03-05T07:00:00.000Z', endsAt: '2026-03-05T08:00:00.000Z' },
      context,
    );
    expect(visit).toMatchObject({ occurredAt: '2026-03-05T07:00:00.000Z', participants: ['agent-1'] });
    const todo = newActivity({ kind: 'todo', dueAt: '2026-03-06T07:00:00.000Z' }, context);
    expect(todo).toMatchObject({ occurredAt: context.now, assigneeId: 'agent-1', status: 'open' });
  });

  it('a callback goes to the first owner who is a person, else to the agent who took the call', () => {
    const people = new Set(['rep-b', 'rep-c']);
    expect(callbackAssignee(['rep-c', 'dealer-a', 'rep-b'], (id) => people.has(id), 'agent-1')).toBe('rep-b');
    expect(callbackAssignee(['dealer-a'], (id) => people.has(id), 'agent-1')).toBe('agent-1');
    expect(callbackAssignee([], () => true, 'agent-1')).toBe('agent-1');
  });

  it('the callback to-do is due when the customer asked, linked to its call, with its subject and notes', () => {
    const logged = newActivity(
      call({
        outcome: 'callback-requested',
        callbackAt: '2026-03-03T12:00:00.000Z',
        notes: 'Öğleden sonra',
        subject: 'Servis randevusu',
      }),
      context,
    );
    if (logged.kind !== 'call' || !logged.callbackAt) throw new Error('a call with a callback time');
    const todo = callbackTodo({ ...logged, callbackAt: logged.callbackAt }, 'T1', 'rep-b');
    expect(todo).toMatchObject({
      kind: 'todo',
      status: 'open',
      dueAt: '2026-03-03T12:00:00.000Z',
      assigneeId: 'rep-b',
      callbackOf: 'A1',
      notes: 'Öğleden sonra',
      subject: 'Servis randevusu',
    });
  });

  it("meetings land on each participant's agenda at their start, a to-do on its assignee's at its due time, a call on none", () => {
    const meeting = newActivity(
      {
        kind: 'meeting',
        startsAt: '2026-03-05T07:00:00.000Z',
        endsAt: '2026-03-05T08:00:00.000Z',
        participants: ['u1', 'u2'],
      },
      context,
    );
    expect(agendaSlots(meeting)).toEqual([
      { userId: 'u1', at: '2026-03-05T07:00:00.000Z' },
      { userId: 'u2', at: '2026-03-05T07:00:00.000Z' },
    ]);
    expect(
      agendaSlots(newActivity({ kind: 'todo', dueAt: '2026-03-06T07:00:00.000Z', assigneeId: 'u3' }, context)),
    ).toEqual([{ userId: 'u3', at: '2026-03-06T07:00:00.000Z' }]);
    expect(agendaSlots(newActivity(call(), context))).toEqual([]);
  });

  it('each refusal names its field in both languages, word for word', () => {
    const at = { startsAt: '2026-03-05T08:00:00.000Z', endsAt: '2026-03-05T07:59:59.999Z' };
    const cases: [ActivityInput, string, string, string][] = [
      [call({ endedAt: '2026-03-02T08:59:59.999Z' }), 'endedAt', 'Before `startedAt`.', '`startedAt` zamanından önce.'],
      [
        call({ outcome: 'callback-requested' }),
        'callbackAt',
        'Required when the outcome is callback-requested.',
        'Sonuç callback-requested olduğunda zorunlu.',
      ],
      [
        call({ outcome: 'callback-requested', callbackAt: '2026-03-02T09:05:00.000Z' }),
        'callbackAt',
        'Must be after the call ended.',
        'Görüşme bittikten sonra olmalı.',
      ],
      [
        call({ callbackAt: '2026-03-03T09:00:00.000Z' }),
        'callbackAt',
        'Only for the outcome callback-requested.',
        'Yalnızca callback-requested sonucu için.',
      ],
      [
        call({ outcome: 'complaint' }),
        'notes',
        'Say what the complaint is about when the outcome is complaint.',
        'Sonuç şikâyet olduğunda şikâyetin ne hakkında olduğunu yazın.',
      ],
      [{ kind: 'visit', ...at } as ActivityInput, 'endsAt', 'Before `startsAt`.', '`startsAt` zamanından önce.'],
      [{ kind: 'meeting', ...at }, 'endsAt', 'Before `startsAt`.', '`startsAt` zamanından önce.'],
      [{ kind: 'note' }, 'notes', 'A note needs its text.', 'Notun bir metni olmalı.'],
    ];
    for (const [input, path, en, tr] of cases) expect(activityProblems(input)).toEqual([{ path, message: { en, tr } }]);
    // A meeting that ends as it starts, and a note with its text, hold together.
    expect(activityProblems({ kind: 'meeting', startsAt: at.startsAt, endsAt: at.startsAt })).toEqual([]);
    expect(activityProblems({ kind: 'note', notes: 'Fiyat listesi istendi' })).toEqual([]);
  });

  it('a call sits on the timeline at its start, a visit or a meeting at theirs, a note or a to-do at its logging', () => {
    const startsAt = '2026-03-05T07:00:00.000Z';
    const endsAt = '2026-03-05T08:00:00.000Z';
    expect(occurredAtOf(call(), context.now)).toBe('2026-03-02T09:00:00.000Z');
    expect(occurredAtOf({ kind: 'visit', startsAt, endsAt } as ActivityInput, context.now)).toBe(startsAt);
    expect(occurredAtOf({ kind: 'meeting', startsAt, endsAt }, context.now)).toBe(startsAt);
    expect(occurredAtOf({ kind: 'note', notes: 'Not' }, context.now)).toBe(context.now);
    expect(occurredAtOf({ kind: 'todo', dueAt: endsAt }, context.now)).toBe(context.now);
  });

  it("a visit is logged and lands on its participants' agenda; a note is logged and on nobody's", () => {
    const startsAt = '2026-03-05T07:00:00.000Z';
    const visit = newActivity(
      { kind: 'visit', startsAt, endsAt: '2026-03-05T08:00:00.000Z', participants: ['u1'] } as ActivityInput,
      context,
    );
    expect(visit).toMatchObject({ kind: 'visit', status: 'logged' });
    expect(agendaSlots(visit)).toEqual([{ userId: 'u1', at: startsAt }]);
    const note = newActivity({ kind: 'note', notes: 'Fiyat listesi istendi' }, context);
    expect(note).toMatchObject({ kind: 'note', status: 'logged', activityId: 'A1', customerId: 'C1' });
    expect(agendaSlots(note)).toEqual([]);
  });

  it('a to-do is done once; done again is an illegal move naming what it can do', () => {
    expect(todoLifecycle.apply('open', 'complete')).toBe('done');
    expect(() => todoLifecycle.apply('done', 'complete')).toThrow(
      expect.objectContaining({ code: 'illegal-transition', message: expect.stringContaining('"reopen"') }),
    );
  });
});

describe('ISO weeks on the Istanbul calendar', () => {
  it('Sunday 23:30 in Istanbul (20:30 UTC) is still that week; Monday 00:30 (Sunday 21:30 UTC) is the next', () => {
    expect(istanbulWeekOf(new Date('2026-01-18T20:30:00Z'))).toBe('2026-W03');
    expect(istanbulWeekOf(new Date('2026-01-18T21:30:00Z'))).toBe('2026-W04');
  });

  it('a week runs from Monday 00:00 to Sunday 23:59:59.999 Istanbul time', () => {
    expect(istanbulWeekBounds('2026-W03')).toEqual({
      from: '2026-01-11T21:00:00.000Z',
      to: '2026-01-18T20:59:59.999Z',
    });
    // Week 1 of 2026 starts on Monday 29 December 2025.
    expect(istanbulWeekBounds('2026-W01').from).toBe('2025-12-28T21:00:00.000Z');
    expect(istanbulWeekOf(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53');
  });

  it('only weeks that exist: 2026 (from a Thursday) has 53, 2025 has 52', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-W01')).toBe(true);
    expect(isIsoWeek('2026-3')).toBe(false);
  });
});
