// Who must approve a quote, decided by a policy that is data: ordered rules on discount, total and
// margin, each naming a role. Limits are exclusive ("over 10%" lets exactly 10% through).

import { uniqueRuleIdsMessage } from '../../../shared/messages.js';
import { CurrencyMismatchError, formatMoney, formatPercent, type Locale, type Money } from '../../../shared/money.js';
import { ProblemError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import type { QuoteTotals } from './pricing.js';

const bp = z.int().check(z.gte(0), z.lte(10_000));

export const approvalRuleSchema = z.object({
  id: z.requiredLine(100),
  description: z.optional(z.line(500)),
  /** The rule fires if ANY of the given conditions holds. */
  when: z
    .object({
      /** Overall discount (discount total over subtotal) above this. */
      discountBpOver: z.optional(bp),
      /** Any single line's discount above this. */
      lineDiscountBpOver: z.optional(bp),
      /** Net total, converted to TRY, above this many kuruş. */
      totalTryOver: z.optional(z.int().check(z.gte(0))),
      /** Margin (over net) below this; may be negative, to catch only sales at a loss. */
      marginBpUnder: z.optional(z.int().check(z.gte(-1_000_000), z.lte(10_000))),
    })
    .check(
      z.refine(
        (when) => Object.values(when).some((v) => v !== undefined),
        z.said({ en: 'Give at least one condition.', tr: 'En az bir koşul verin.' }),
      ),
    ),
  /** A role the approver directory knows: manager, director, finance… */
  approverRole: z.requiredLine(50),
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const approvalPolicySchema = z
  .array(approvalRuleSchema)
  .check(z.refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, z.said(uniqueRuleIdsMessage)));
export type ApprovalPolicy = ApprovalRule[];

/** A rule naming a role nobody holds would leave its quotes waiting for ever. */
export class UnknownApproverRoleError extends ProblemError {
  constructor(policy: ApprovalPolicy, unstaffed: readonly string[]) {
    super(
      422,
      'unknown-approver-role',
      { en: 'Every approving role needs someone who holds it.', tr: 'Her onaylayan rolde en az bir kişi olmalı.' },
      policy.flatMap((rule, i) =>
        unstaffed.includes(rule.approverRole)
          ? [
              {
                path: `rules.${i}.approverRole`,
                message: {
                  en: `Nobody holds the role ${rule.approverRole}.`,
                  tr: `${rule.approverRole} rolünde kimse yok.`,
                },
              },
            ]
          : [],
      ),
    );
  }
}

/** The roles `policy` names, each once, in the order of the first rule that names it. */
export const approverRoles = (policy: ApprovalPolicy) => [...new Set(policy.map((rule) => rule.approverRole))];

export interface PolicyFacts {
  discountBp: number;
  maxLineDiscountBp: number;
  totalTry: Money;
  marginBp: number;
}

export interface Bilingual {
  tr: string;
  en: string;
}

export interface ApprovalStep {
  role: string;
  ruleIds: string[];
  reasons: Bilingual[];
}

export type ApprovalDecision = { autoApproved: true } | { autoApproved: false; steps: ApprovalStep[] };

/** The facts a policy judges, from the priced quote and its net total in TRY (tax is not the firm's). */
export const policyFacts = (totals: QuoteTotals, netTotalTry: Money): PolicyFacts => ({
  discountBp: totals.discountBp,
  maxLineDiscountBp: totals.maxLineDiscountBp,
  totalTry: netTotalTry,
  marginBp: totals.marginBp,
});

type Condition = keyof ApprovalRule['when'];

const tryAmount = (value: number, locale: Locale) => formatMoney({ amount: value, currency: 'TRY' }, locale);

const conditions: Record<
  Condition,
  { fact: (f: PolicyFacts) => number; over: boolean; show: typeof formatPercent; label: Bilingual }
> = {
  discountBpOver: {
    fact: (f) => f.discountBp,
    over: true,
    show: formatPercent,
    label: { tr: 'İndirim', en: 'Discount' },
  },
  lineDiscountBpOver: {
    fact: (f) => f.maxLineDiscountBp,
    over: true,
    show: formatPercent,
    label: { tr: 'En yüksek satır indirimi', en: 'Largest line discount' },
  },
  totalTryOver: {
    fact: (f) => f.totalTry.amount,
    over: true,
    show: tryAmount,
    label: { tr: 'Net toplam', en: 'Net total' },
  },
  marginBpUnder: {
    fact: (f) => f.marginBp,
    over: false,
    show: formatPercent,
    label: { tr: 'Kâr marjı', en: 'Margin' },
  },
};

type Phrase = (label: string, actual: string, limit: string) => string;
const phrases: Record<'over' | 'under', Record<Locale, Phrase>> = {
  over: {
    tr: (l, a, limit) => `${l} (${a}) ${limit} sınırını aşıyor.`,
    en: (l, a, limit) => `${l} (${a}) is over the ${limit} limit.`,
  },
  under: {
    tr: (l, a, limit) => `${l} (${a}) ${limit} sınırının altında.`,
    en: (l, a, limit) => `${l} (${a}) is under the ${limit} limit.`,
  },
};

const reason = (condition: Condition, limit: number, facts: PolicyFacts): Bilingual => {
  const { fact, over, show, label } = conditions[condition];
  const say = (locale: Locale) =>
    phrases[over ? 'over' : 'under'][locale](label[locale], show(fact(facts), locale), show(limit, locale));
  return { tr: say('tr'), en: say('en') };
};

/** One step per distinct role, in the order of the first rule that names it; no rule fired → auto-approved. */
export const evaluatePolicy = (policy: ApprovalPolicy, facts: PolicyFacts): ApprovalDecision => {
  if (facts.totalTry.currency !== 'TRY') throw new CurrencyMismatchError('TRY', facts.totalTry.currency);
  const steps = new Map<string, ApprovalStep>();
  for (const rule of policy) {
    const reasons = (Object.entries(rule.when) as [Condition, number | undefined][]).flatMap(([condition, limit]) => {
      if (limit === undefined) return [];
      const { fact, over } = conditions[condition];
      const fires = over ? fact(facts) > limit : fact(facts) < limit;
      return fires ? [reason(condition, limit, facts)] : [];
    });
    if (reasons.length === 0) continue;
    const step = steps.get(rule.approverRole) ?? { role: rule.approverRole, ruleIds: [], reasons: [] };
    step.ruleIds.push(rule.id);
    step.reasons.push(...reasons);
    steps.set(rule.approverRole, step);
  }
  return steps.size === 0 ? { autoApproved: true } : { autoApproved: false, steps: [...steps.values()] };
};
