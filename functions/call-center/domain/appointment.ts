// When a booked test drive or service appointment may be: in the future, and while the dealer it goes
// to is open (its working hours, Turkish public holidays closed, half-day eves until 13:00). The
// hours are the dealer's own, or office hours for a dealer that keeps none.
import { dayKind, HALF_DAY_ENDS, isOpenAt, type WorkingHours } from '../../../shared/business-hours.js';
import type { FieldProblem } from '../../../shared/problems.js';
import { istanbulDate } from '../../../shared/time.js';

const PATH = 'appointmentAt';

const dayNames = {
  tr: ['Pzt', 'Sal', 'Çar', 'Per', 'Cum', 'Cmt', 'Paz'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;

/** A week's hours in words, one group per run of days with the same window: "Pzt–Cum 09:00–18:00". */
export const hoursInWords = (hours: WorkingHours, language: 'tr' | 'en'): string => {
  const groups: { first: number; last: number; window: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const window = hours.days[day as keyof WorkingHours['days']];
    if (!window) continue;
    const text = `${window.from}–${window.to}`;
    const previous = groups.at(-1);
    if (previous && previous.last === day - 1 && previous.window === text) previous.last = day;
    else groups.push({ first: day, last: day, window: text });
  }
  if (!groups.length) return language === 'tr' ? 'hiçbir gün açık değil' : 'open on no day';
  const name = (day: number) => dayNames[language][day - 1]!;
  return groups
    .map((g) => `${g.first === g.last ? name(g.first) : `${name(g.first)}–${name(g.last)}`} ${g.window}`)
    .join(', ');
};

/** Why an appointment at `at` cannot be booked with a dealer keeping `hours`; empty when it can. */
export const appointmentProblems = (at: Date, hours: WorkingHours, now: Date): FieldProblem[] => {
  if (at.getTime() <= now.getTime()) {
    return [{ path: PATH, message: { en: 'A time in the future.', tr: 'Gelecekte bir zaman olmalı.' } }];
  }
  if (isOpenAt(at, hours)) return [];
  const kind = dayKind(istanbulDate(at));
  const why =
    kind === 'holiday'
      ? { en: ' That day is a public holiday.', tr: ' O gün resmî tatil.' }
      : kind === 'eve'
        ? {
            en: ` That day is a half-day eve: open until ${HALF_DAY_ENDS}.`,
            tr: ` O gün arife: ${HALF_DAY_ENDS}’e kadar açık.`,
          }
        : { en: '', tr: '' };
  return [
    {
      path: PATH,
      message: {
        en: `Outside the dealer's working hours (${hoursInWords(hours, 'en')}, Istanbul time).${why.en}`,
        tr: `Bayinin çalışma saatleri dışında (${hoursInWords(hours, 'tr')}, İstanbul saati).${why.tr}`,
      },
    },
  ];
};
