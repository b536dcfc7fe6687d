// Payment plans: instalments that add up to the quote total to the kuruş. Every instalment but the
// first gets its exact share rounded down and the first takes what is left, so the later ones stay
// equal (as standing orders and post-dated cheques want) and none can go negative.
import { type Money, money } from '../../../shared/money.js';
import { type FieldProblem, ValidationError } from '../../../shared/problems.js';
import { addMonths, dateProblem } from '../../../shared/time.js';

/** Thirty years of monthly payments; more is a typo, and would be a lot of rows to build. */
const MAX_INSTALMENTS = 360;

export interface Instalment {
  dueDate: string;
  amount: Money;
}

/**
 * `date` plus whole months, clamped to the end of a shorter month: Jan 31 + 1 → Feb 28 (29 in a
 * leap year). Always counted from the given date, so Jan 31 + 2 is Mar 31, not Mar 28.
 */
/** Splits `total` by `weights`; see the top of the file for where the remainder goes. */
const allocate = (total: Money, weights: readonly number[]): number[] => {
  const whole = BigInt(weights.reduce((a, b) => a + b, 0));
  const later = weights.slice(1).map((w) => Number((BigInt(total.amount) * BigInt(w)) / whole));
  return [total.amount - later.reduce((a, b) => a + b, 0), ...later];
};

const requireNonNegative = (total: Money) => {
  if (total.amount < 0) {
    throw new ValidationError([
      {
        path: 'total',
        message: {
          en: 'A payment plan needs a total of 0 or more.',
          tr: 'Ödeme planının toplamı 0 veya daha fazla olmalı.',
        },
      },
    ]);
  }
};

export const instalments = (total: Money, count: number, firstDueDate: string, intervalMonths = 1): Instalment[] => {
  requireNonNegative(total);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_INSTALMENTS) {
    throw new ValidationError([
      {
        path: 'count',
        message: {
          en: `Between 1 and ${MAX_INSTALMENTS} instalments.`,
          tr: `1 ile ${MAX_INSTALMENTS} arasında taksit.`,
        },
      },
    ]);
  }
  if (!Number.isSafeInteger(intervalMonths) || intervalMonths < 1) {
    throw new ValidationError([
      { path: 'intervalMonths', message: { en: 'At least one month apart.', tr: 'Aralarında en az bir ay olmalı.' } },
    ]);
  }
  return allocate(total, Array(count).fill(1)).map((amount, i) => ({
    dueDate: addMonths(firstDueDate, i * intervalMonths),
    amount: money(amount, total.currency),
  }));
};

/** A plan given as shares of the total (basis points, adding up to exactly 100%) with their dates. */
export const planFromShares = (total: Money, parts: readonly { dueDate: string; shareBp: number }[]): Instalment[] => {
  requireNonNegative(total);
  const problems: FieldProblem[] = [];
  if (parts.length > MAX_INSTALMENTS) {
    problems.push({
      path: 'parts',
      message: { en: `At most ${MAX_INSTALMENTS} instalments.`, tr: `En çok ${MAX_INSTALMENTS} taksit.` },
    });
  }
  parts.forEach((part, i) => {
    if (!Number.isSafeInteger(part.shareBp) || part.shareBp <= 0) {
      problems.push({
        path: `parts.${i}.shareBp`,
        message: { en: 'A share above 0 basis points.', tr: '0 baz puandan büyük bir pay.' },
      });
    }
    const badDate = dateProblem(part.dueDate, `parts.${i}.dueDate`);
    if (badDate) problems.push(badDate);
  });
  const totalBp = parts.reduce((a, part) => a + part.shareBp, 0);
  if (totalBp !== 10_000) {
    problems.push({
      path: 'parts',
      message: {
        en: `The shares add up to ${totalBp} basis points, not 10000.`,
        tr: `Payların toplamı 10000 değil, ${totalBp} baz puan.`,
      },
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const amounts = allocate(
    total,
    parts.map((part) => part.shareBp),
  );
  return parts.map((part, i) => ({ dueDate: part.dueDate, amount: money(amounts[i]!, total.currency) }));
};
