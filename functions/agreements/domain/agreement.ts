// Sales agreements as plain rules, no AWS: validity, the price an order line takes under an
// agreement, committed against ordered volume, the periods a schedule orders in, and when the
// owner is reminded. Dates are Istanbul calendar days (YYYY-MM-DD); months are YYYY-MM.
import { addWorkingDays } from '../../../shared/business-hours.js';
import type { Movable } from '../../../shared/entity.js';
import type { Language } from '../../../shared/language.js';
import { type Money, multiply, percentOf, subtract } from '../../../shared/money.js';
import type { FieldProblem } from '../../../shared/problems.js';

export const agreementKinds = ['contract', 'framework'] as const;
export type AgreementKind = (typeof agreementKinds)[number];
export const agreementStatuses = ['draft', 'sent', 'accepted', 'expired'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** An agreed price for one product, or a discount on the list price for a product or a whole category. */
export interface AgreedPrice {
  sku?: string;
  category?: string;
  unitPrice?: Money;
  discountBp?: number;
}

export interface Commitment {
  sku?: string;
  category?: string;
  quantity: number;
}

/** A monthly order placed by itself (an agreement's, or a standing order's): due on `dayOfMonth`, from `startsOn`. */
export interface Schedule {
  dayOfMonth: number;
  startsOn: string;
  lines: { sku: string; quantity: number }[];
  /** Months (YYYY-MM) the owner skipped. */
  skipped: string[];
}

/** What the customer's acceptance leaves as evidence. */
export interface Acceptance {
  name: string;
  at: string;
  ip: string;
  userAgent: string;
  /** The signed link's own id: which token was used. */
  linkId: string;
}

export interface Agreement extends Movable {
  agreementId: string;
  customerId: string;
  kind: AgreementKind;
  status: AgreementStatus;
  title: string;
  quoteId?: string;
  parties: { seller: string; buyer: string };
  terms: string;
  language: Language;
  currency: string;
  /** The price list a discount applies to. */
  priceListId?: string;
  validFrom: string;
  validUntil: string;
  prices: AgreedPrice[];
  commitments: Commitment[];
  /** How many working days before its end the owner is reminded to renew it. */
  reminderWorkingDays: number;
  schedule?: Schedule;
  ownerId: string;
  teamId?: string;
  sentAt?: string;
  acceptance?: Acceptance;
  expiredAt?: string;
  createdAt: string;
  updatedAt: string;
}

const problem = (path: string, en: string, tr: string): FieldProblem => ({ path, message: { en, tr } });

/** An agreement may last one day (ends the day it starts), never end before it starts. */
export const validityProblems = (v: { validFrom: string; validUntil: string }): FieldProblem[] =>
  v.validUntil < v.validFrom
    ? [
        problem(
          'validUntil',
          `The agreement ends (${v.validUntil}) before it starts (${v.validFrom}).`,
          `Sözleşme başlamadan (${v.validFrom}) bitiyor (${v.validUntil}).`,
        ),
      ]
    : [];

/** A schedule orders within the agreement's validity, on a day every month has. */
export const scheduleProblems = (a: Pick<Agreement, 'validFrom' | 'validUntil' | 'schedule'>): FieldProblem[] => {
  const s = a.schedule;
  if (!s) return [];
  if (s.startsOn < a.validFrom || s.startsOn > a.validUntil) {
    return [
      problem(
        'schedule.startsOn',
        `Periodic orders start within the agreement's validity (${a.validFrom} to ${a.validUntil}).`,
        `Dönemsel siparişler sözleşmenin geçerliliği içinde (${a.validFrom} – ${a.validUntil}) başlar.`,
      ),
    ];
  }
  return [];
};

export const inForce = (a: Pick<Agreement, 'status' | 'validFrom' | 'validUntil'>, today: string) =>
  a.status === 'accepted' && a.validFrom <= today && today <= a.validUntil;

// ---- prices ------------------------------------------------------------------------------------

export interface LineToPrice {
  sku: string;
  quantity: number;
  category?: string;
  /** The price list's price on the order's day, when it has one. */
  listPrice?: Money;
}

export type Priced =
  | { ok: true; unitPrice: Money; total: Money; source: 'agreed' | 'discount' | 'list' }
  | { ok: false; problem: FieldProblem };

/** The agreement's term for a line: its product's own first, then its category's. */
export const termFor = (prices: readonly AgreedPrice[], sku: string, category?: string) =>
  prices.find((p) => p.sku === sku) ?? (category ? prices.find((p) => !p.sku && p.category === category) : undefined);

/**
 * The price of line `index` of an order in `currency` under the agreement: the agreed price, or the
 * list price less the agreed discount, or the list price. An agreed or list price in another
 * currency than the order's is refused, naming the order's currency and the line.
 */
export const priceLine = (
  prices: readonly AgreedPrice[],
  line: LineToPrice,
  currency: string,
  index: number,
): Priced => {
  const term = termFor(prices, line.sku, line.category);
  const base = term?.unitPrice ?? line.listPrice;
  if (!base) {
    return {
      ok: false,
      problem: problem(
        `lines.${index}.sku`,
        `Neither the agreement nor the price list has a price for ${line.sku}.`,
        `${line.sku} için ne sözleşmede ne fiyat listesinde fiyat var.`,
      ),
    };
  }
  if (base.currency !== currency) {
    return {
      ok: false,
      problem: problem(
        'currency',
        `The ${term?.unitPrice ? 'agreed' : 'list'} price of ${line.sku} is in ${base.currency}, the order in ${currency}.`,
        `${line.sku} için ${term?.unitPrice ? 'sözleşme' : 'liste'} fiyatı ${base.currency}, sipariş ise ${currency}.`,
      ),
    };
  }
  const unitPrice = !term?.unitPrice && term?.discountBp ? subtract(base, percentOf(base, term.discountBp)) : base;
  const source = term?.unitPrice ? 'agreed' : term?.discountBp ? 'discount' : 'list';
  return { ok: true, unitPrice, total: multiply(unitPrice, line.quantity), source };
};

// ---- volume ------------------------------------------------------------------------------------

export interface OrderedLine {
  sku: string;
  category?: string;
  quantity: number;
}

/** Each commitment with what has been ordered against it: its product's lines, or its category's. */
export const volume = (commitments: readonly Commitment[], ordered: readonly OrderedLine[]) =>
  commitments.map((c) => {
    const quantity = ordered
      .filter((l) => (c.sku ? l.sku === c.sku : l.category !== undefined && l.category === c.category))
      .reduce((total, l) => total + l.quantity, 0);
    return { ...c, ordered: quantity, remaining: Math.max(0, c.quantity - quantity) };
  });

// ---- periods -----------------------------------------------------------------------------------

const DAY_MS = 24 * 3600 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export const dueOn = (month: string, dayOfMonth: number) => `${month}-${String(dayOfMonth).padStart(2, '0')}`;

/** A month whose order is late by more than this is no longer placed: the owner orders it by hand. */
export const CATCH_UP_DAYS = 7;

export interface Period {
  period: string;
  dueOn: string;
  skipped: boolean;
}

/** What orders on a schedule: an agreement until its validity ends, a standing order until it ends (if ever). */
export interface Scheduled {
  schedule?: Schedule;
  validUntil?: string;
}

/** Every month of the schedule up to its end and `through` (whichever is first), in order, with its due day. */
export const periodsOf = (a: Scheduled, through?: string): Period[] => {
  const s = a.schedule;
  const until = [a.validUntil, through].filter((d): d is string => Boolean(d)).sort()[0];
  if (!s || !until) return [];
  const out: Period[] = [];
  for (let month = s.startsOn.slice(0, 7); dueOn(month, s.dayOfMonth) <= until; month = nextMonth(month)) {
    const due = dueOn(month, s.dayOfMonth);
    if (due >= s.startsOn) out.push({ period: month, dueOn: due, skipped: s.skipped.includes(month) });
  }
  return out;
};

/** The months to order now: due today or in the last CATCH_UP_DAYS days (none later: they end today), not skipped. */
export const duePeriods = (a: Scheduled, today: string) =>
  periodsOf(a, today).filter((p) => !p.skipped && daysBetween(p.dueOn, today) < CATCH_UP_DAYS);

/** The next months ahead of today, shown so they can be checked or skipped before they are placed. */
export const upcomingPeriods = (a: Scheduled, today: string, count = 3) =>
  periodsOf(a, addDays(today, 31 * (count + 1)))
    .filter((p) => p.dueOn > today)
    .slice(0, count);

// ---- reminders ---------------------------------------------------------------------------------

/** The working day the owner is reminded to renew: `reminderWorkingDays` working days before the end. */
export const renewalReminderOn = (a: Pick<Agreement, 'validUntil' | 'reminderWorkingDays'>) =>
  addWorkingDays(a.validUntil, -a.reminderWorkingDays);

export type Reminder = 'renewal' | 'expired';

/** What is due for an accepted agreement today: its renewal reminder, then its expiry (the day after its end). */
export const reminderDue = (a: Pick<Agreement, 'validUntil' | 'reminderWorkingDays'>, today: string) => {
  if (today > a.validUntil) return 'expired' as const;
  if (today >= renewalReminderOn(a)) return 'renewal' as const;
  return undefined;
};
