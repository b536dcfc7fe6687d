// A KVKK request's lifecycle and its deadline: open moves to completed or refused and nothing else
// (409 `illegal-transition`, named in both languages); the answer is due thirty days after receipt,
// and only an open request past that instant is late (both sides of the instant).
import { describe, expect, it } from 'vitest';
import { freshImport } from '../support/fresh-import.js';

const load = () => freshImport(() => import('../../functions/privacy/domain/subject-request.js'));

describe("a subject request's moves", () => {
  it('open is completed or refused, and offers both to the privacy officer', async () => {
    const { subjectRequestLifecycle, subjectRequestStatuses, subjectRequestKinds } = await load();
    expect(subjectRequestStatuses).toEqual(['open', 'completed', 'refused']);
    expect(subjectRequestKinds).toEqual(['access', 'erasure']);
    expect(subjectRequestLifecycle.apply('open', 'complete')).toBe('completed');
    expect(subjectRequestLifecycle.apply('open', 'refuse')).toBe('refused');
    expect(subjectRequestLifecycle.movesFor('open', 'admin')).toEqual([
      { action: 'complete', to: 'completed' },
      { action: 'refuse', to: 'refused' },
    ]);
  });

  it('refuses a second answer with 409 illegal-transition, in both languages', async () => {
    const { subjectRequestLifecycle } = await load();
    for (const from of ['completed', 'refused'] as const) {
      expect(subjectRequestLifecycle.movesFor(from, 'admin')).toEqual([]);
      expect(() => subjectRequestLifecycle.apply(from, 'complete')).toThrow(
        expect.objectContaining({ status: 409, code: 'illegal-transition' }),
      );
    }
    let refusal: unknown;
    try {
      subjectRequestLifecycle.apply('completed', 'refuse');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      status: 409,
      code: 'illegal-transition',
      detail: {
        en: 'A completed subject request cannot take "refuse"; it can take no action.',
        tr: '"Yanıtlandı" durumundaki başvuru "reddetme" adımını atamaz; hiçbir adım atamaz.',
      },
    });
    expect(() => subjectRequestLifecycle.actionTo('refused', 'completed')).toThrow(
      expect.objectContaining({
        detail: expect.objectContaining({
          tr: expect.stringContaining('"Reddedildi" durumundaki başvuru "Yanıtlandı"'),
        }),
      }),
    );
    expect(subjectRequestLifecycle.actionTo('open', 'refused')).toBe('refuse');
    expect(() => subjectRequestLifecycle.actionTo('open', 'open')).toThrow(
      expect.objectContaining({
        detail: expect.objectContaining({ tr: expect.stringMatching(/^"Açık" durumundaki/) }),
      }),
    );
    expect(() => subjectRequestLifecycle.apply('refused', 'complete')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ tr: expect.stringContaining('"yanıtlama"') }) }),
    );
  });
});

describe("a subject request's deadline", () => {
  const receivedAt = '2026-03-01T09:30:00.000Z';

  it('is thirty days after receipt, to the millisecond', async () => {
    const { ANSWER_DAYS, dueAt } = await load();
    expect(ANSWER_DAYS).toBe(30);
    expect(dueAt(receivedAt)).toBe('2026-03-31T09:30:00.000Z');
  });

  it('is missed only by an open request, and only after the due instant', async () => {
    const { isOverdue } = await load();
    const due = '2026-03-31T09:30:00.000Z';
    const at = (ms: number) => new Date(Date.parse(due) + ms);
    expect(isOverdue({ status: 'open', dueAt: due }, at(1))).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: due }, at(0))).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: due }, at(-1))).toBe(false);
    expect(isOverdue({ status: 'completed', dueAt: due }, at(1))).toBe(false);
    expect(isOverdue({ status: 'refused', dueAt: due }, at(1))).toBe(false);
  });
});
