import { describe, expect, it } from 'vitest';
import {
  type ApprovalPolicy,
  approvalPolicySchema,
  evaluatePolicy,
  type PolicyFacts,
  policyFacts,
} from '../../functions/quote-approval/domain/approval-policy.js';
import { priceQuote } from '../../functions/quote-approval/domain/pricing.js';
import { CurrencyMismatchError, money } from '../../shared/money.js';

const policy: ApprovalPolicy = approvalPolicySchema.parse([
  { id: 'discount-10', when: { discountBpOver: 1000 }, approverRole: 'manager' },
  { id: 'discount-25-or-500k', when: { discountBpOver: 2500, totalTryOver: 50_000_000 }, approverRole: 'director' },
  { id: 'margin-15', when: { marginBpUnder: 1500 }, approverRole: 'manager' },
  { id: 'line-discount-30', when: { lineDiscountBpOver: 3000 }, approverRole: 'director' },
]);

/** Facts well inside every limit, so that each test moves one fact only. */
const calm: PolicyFacts = {
  discountBp: 500,
  maxLineDiscountBp: 500,
  totalTry: money(10_000_000, 'TRY'),
  marginBp: 3000,
};
const roles = (facts: Partial<PolicyFacts>) => {
  const decision = evaluatePolicy(policy, { ...calm, ...facts });
  return decision.autoApproved ? [] : decision.steps.map((s) => s.role);
};
const ruleIds = (facts: Partial<PolicyFacts>) => {
  const decision = evaluatePolicy(policy, { ...calm, ...facts });
  return decision.autoApproved ? [] : decision.steps.flatMap((s) => s.ruleIds);
};

describe('approval policy', () => {
  it('auto-approves a quote within every limit', () => {
    expect(evaluatePolicy(policy, calm)).toEqual({ autoApproved: true });
    expect(evaluatePolicy([], { ...calm, discountBp: 10_000 })).toEqual({ autoApproved: true });
  });

  describe.each([
    // The fact, its limit, which side of it fires, and the rules and roles in force one unit past it.
    { fact: 'discountBp', at: 1000, fires: 'above', rules: ['discount-10'], roles: ['manager'] },
    {
      fact: 'discountBp',
      at: 2500,
      fires: 'above',
      rules: ['discount-10', 'discount-25-or-500k'],
      roles: ['manager', 'director'],
    },
    { fact: 'maxLineDiscountBp', at: 3000, fires: 'above', rules: ['line-discount-30'], roles: ['director'] },
    { fact: 'marginBp', at: 1500, fires: 'below', rules: ['margin-15'], roles: ['manager'] },
  ] as const)('$fact limit $at', ({ fact, at, fires, rules, roles: expected }) => {
    const step = fires === 'above' ? 1 : -1;
    // Inside the limit only the rules of lower limits hold (at 25% the 10% rule already does).
    it('does not fire just inside the limit', () => {
      expect(ruleIds({ [fact]: at - step })).toEqual(rules.slice(0, -1));
    });
    it('does not fire exactly at the limit', () => {
      expect(ruleIds({ [fact]: at })).toEqual(rules.slice(0, -1));
    });
    it('fires one unit past the limit', () => {
      expect(ruleIds({ [fact]: at + step })).toEqual(rules);
      expect(roles({ [fact]: at + step })).toEqual(expected);
    });
  });

  it('fires the total rule only above 500 000.00 TRY, one kuruş either side', () => {
    expect(roles({ totalTry: money(49_999_999, 'TRY') })).toEqual([]);
    expect(roles({ totalTry: money(50_000_000, 'TRY') })).toEqual([]);
    expect(roles({ totalTry: money(50_000_001, 'TRY') })).toEqual(['director']);
  });

  it('makes one step per role, in the order the rules name them, with every reason', () => {
    const decision = evaluatePolicy(policy, {
      ...calm,
      discountBp: 2600,
      marginBp: 1200,
      totalTry: money(60_000_000, 'TRY'),
    });
    expect(decision).toEqual({
      autoApproved: false,
      steps: [
        {
          role: 'manager',
          ruleIds: ['discount-10', 'margin-15'],
          reasons: [
            { tr: 'İndirim (%26) %10 sınırını aşıyor.', en: 'Discount (26%) is over the 10% limit.' },
            { tr: 'Kâr marjı (%12) %15 sınırının altında.', en: 'Margin (12%) is under the 15% limit.' },
          ],
        },
        {
          role: 'director',
          ruleIds: ['discount-25-or-500k'],
          reasons: [
            { tr: 'İndirim (%26) %25 sınırını aşıyor.', en: 'Discount (26%) is over the 25% limit.' },
            {
              tr: 'Net toplam (₺600.000,00) ₺500.000,00 sınırını aşıyor.',
              en: 'Net total (₺600,000.00) is over the ₺500,000.00 limit.',
            },
          ],
        },
      ],
    });
    // The director comes first when the first rule that fires is the director's.
    expect(roles({ totalTry: money(60_000_000, 'TRY'), marginBp: 1000 })).toEqual(['director', 'manager']);
  });

  it('builds its facts from the priced quote and its net total in TRY', () => {
    const { totals } = priceQuote({
      currency: 'EUR',
      lines: [
        {
          sku: 'A',
          quantity: 1,
          unitPrice: money(100_000, 'EUR'),
          discountBp: 3100,
          taxRateBp: 2000,
          unitCost: money(50_000, 'EUR'),
        },
      ],
    });
    const facts = policyFacts(totals, money(2_732_000, 'TRY'));
    expect(facts).toEqual({
      discountBp: 3100,
      maxLineDiscountBp: 3100,
      totalTry: money(2_732_000, 'TRY'),
      marginBp: 2754,
    });
    expect(() => evaluatePolicy(policy, { ...facts, totalTry: money(69_000, 'EUR') })).toThrow(CurrencyMismatchError);
  });

  it('validates the policy data', () => {
    const rule = { id: 'r', when: { discountBpOver: 1000 }, approverRole: 'manager' };
    expect(approvalPolicySchema.safeParse([rule]).success).toBe(true);
    expect(approvalPolicySchema.safeParse([{ ...rule, when: {} }]).success).toBe(false);
    expect(approvalPolicySchema.safeParse([rule, rule]).success).toBe(false);
    expect(approvalPolicySchema.safeParse([{ ...rule, when: { discountBpOver: 10.5 } }]).success).toBe(false);
    expect(approvalPolicySchema.safeParse([{ ...rule, approverRole: ' ' }]).success).toBe(false);
    expect(approvalPolicySchema.safeParse([{ ...rule, when: { marginBpUnder: -500 } }]).success).toBe(true);
  });
});
