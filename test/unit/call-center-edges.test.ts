// Call-center rules at the edges mutation testing found unchecked: a week's hours in words on Sunday,
// in runs broken by a different window and with no day open; the holiday and eve reasons in the other
// language; and each action's refusal of what it does not take, word for word, at the edge of now.
import { describe, expect, it } from 'vitest';
import { appointmentProblems, hoursInWords } from '../../functions/call-center/domain/appointment.js';
import { chooseDealer } from '../../functions/call-center/domain/dealer-choice.js';
import { checkActionInput, type RequestAction } from '../../functions/call-center/domain/request-lifecycle.js';
import type { RoutingRules } from '../../functions/order-routing/public.js';
import { demoUnits } from '../../infra/local/demo-data.js';
import { officeHours, type WorkingHours } from '../../shared/business-hours.js';
import { ValidationError } from '../../shared/problems.js';

const at = (istanbul: string) => new Date(`${istanbul}+03:00`);
const now = new Date('2026-02-27T12:00:00Z');

describe('a week’s hours in words', () => {
  it('names Sunday, breaks a run where the window changes or a day closes, and says when no day is open', () => {
    const week: WorkingHours = {
      days: {
        1: { from: '09:00', to: '18:00' },
        2: { from: '09:00', to: '18:00' },
        3: { from: '10:00', to: '18:00' },
        4: { from: '09:00', to: '18:00' },
        7: { from: '11:00', to: '15:00' },
      },
    };
    expect(hoursInWords(week, 'en').split(', ')).toEqual([
      'Mon–Tue 09:00–18:00',
      'Wed 10:00–18:00',
      'Thu 09:00–18:00',
      'Sun 11:00–15:00',
    ]);
    expect(hoursInWords(week, 'tr').split(', ')).toEqual([
      'Pzt–Sal 09:00–18:00',
      'Çar 10:00–18:00',
      'Per 09:00–18:00',
      'Paz 11:00–15:00',
    ]);
    const gap: WorkingHours = { days: { 1: { from: '09:00', to: '18:00' }, 3: { from: '09:00', to: '18:00' } } };
    expect(hoursInWords(gap, 'en')).toBe('Mon 09:00–18:00, Wed 09:00–18:00');
    expect(hoursInWords({ days: {} }, 'tr')).toBe('hiçbir gün açık değil');
    expect(hoursInWords({ days: {} }, 'en')).toBe('open on no day');
  });
});

describe('an appointment on a closed day', () => {
  const outside = {
    en: "Outside the dealer's working hours (Mon–Fri 09:00–18:00, Istanbul time).",
    tr: 'Bayinin çalışma saatleri dışında (Pzt–Cum 09:00–18:00, İstanbul saati).',
  };
  it('says why in both languages: a public holiday, a half-day eve', () => {
    expect(appointmentProblems(at('2026-03-20T10:00:00'), officeHours, now)).toEqual([
      {
        path: 'appointmentAt',
        message: {
          en: `${outside.en} That day is a public holiday.`,
          tr: `${outside.tr} O gün resmî tatil.`,
        },
      },
    ]);
    expect(appointmentProblems(at('2026-03-19T13:00:00'), officeHours, now)[0]?.message).toEqual({
      en: `${outside.en} That day is a half-day eve: open until 13:00.`,
      tr: `${outside.tr} O gün arife: 13:00’e kadar açık.`,
    });
  });
});

const refusal = (action: RequestAction, input: Parameters<typeof checkActionInput>[1], when = now) => {
  try {
    checkActionInput(action, input, when);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  return [];
};

describe('what each request action takes', () => {
  it('schedule needs a time strictly after now', () => {
    expect(refusal('schedule', {})).toEqual([
      {
        path: 'at',
        message: {
          en: 'Say when: schedule needs a time.',
          tr: 'Ne zaman olduğunu belirtin: planlamak için bir zaman gerekli.',
        },
      },
    ]);
    expect(refusal('schedule', { at: now.toISOString() })).toEqual([
      { path: 'at', message: { en: 'A time in the future.', tr: 'Gelecekte bir zaman olmalı.' } },
    ]);
    expect(refusal('schedule', { at: new Date(now.getTime() + 1).toISOString() })).toEqual([]);
    expect(refusal('accept', {})).toEqual([]);
  });
  it('only schedule takes a time, only done an outcome (which it needs), only decline a reason', () => {
    expect(refusal('accept', { at: '2026-02-01T10:00:00+03:00' })).toEqual([
      { path: 'at', message: { en: 'Only schedule takes a time.', tr: 'Zamanı yalnızca schedule adımı alır.' } },
    ]);
    expect(refusal('done', {})).toEqual([
      {
        path: 'outcome',
        message: {
          en: 'Say what came of it: done needs an outcome.',
          tr: 'Sonucunu belirtin: tamamlamak için bir sonuç gerekli.',
        },
      },
    ]);
    expect(refusal('done', { outcome: 'sold' })).toEqual([]);
    expect(refusal('accept', { outcome: 'sold' })).toEqual([
      { path: 'outcome', message: { en: 'Only done takes an outcome.', tr: 'Sonucu yalnızca done adımı alır.' } },
    ]);
    expect(refusal('cancel', { reason: 'Müşteri vazgeçti' })).toEqual([
      {
        path: 'reason',
        message: {
          en: 'Only decline takes a reason; use note.',
          tr: 'Gerekçeyi yalnızca decline adımı alır; note kullanın.',
        },
      },
    ]);
    expect(refusal('decline', { reason: 'Stok yok' })).toEqual([]);
  });
});

describe('the dealer a request goes to', () => {
  const units = new Map(demoUnits.map((unit) => [unit.unitId, unit]));
  const rules = (...list: RoutingRules['rules']): RoutingRules => ({
    rules: list,
    fallbackUnitId: 'dept-order-desk',
    customerNotices: [],
  });
  it('is never chosen by a category rule, even one that names a dealer serving the category', () => {
    const byCategory = rules({ id: 'servis', kind: 'category', categories: ['servis'], unitIds: ['dealer-ankara'] });
    expect(chooseDealer(byCategory, { kind: 'service', city: 'Ankara' }, units, now)).toMatchObject({
      unitId: 'dept-order-desk',
      fallback: true,
    });
  });
  it('passes over a unit a region rule names that no longer exists', () => {
    const region = rules({
      id: 'ankara',
      kind: 'region',
      cities: ['Ankara'],
      unitIds: ['dealer-gone', 'dealer-ankara'],
    });
    expect(chooseDealer(region, { kind: 'service', city: 'Ankara' }, units, now)).toMatchObject({
      unitId: 'dealer-ankara',
      ruleId: 'ankara',
    });
  });
});
