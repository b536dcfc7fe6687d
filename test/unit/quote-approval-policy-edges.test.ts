// The approval policy's answers the main policy tests never asked for: the roles it needs staffed,
// the refusal of a role nobody holds, each condition's limits, and a rule whose several conditions fire.
import { describe, expect, it } from 'vitest';
import {
  type ApprovalPolicy,
  approvalPolicySchema,
  approverRoles,
  evaluatePolicy,
  type PolicyFacts,
  UnknownApproverRoleError,
} from '../../functions/quote-approval/domain/approval-policy.js';
import { money } from '../../shared/money.js';
import { issuesOf, refusal } from '../support/refusals.js';

const calm: PolicyFacts = { discountBp: 0, maxLineDiscountBp: 0, totalTry: money(100, 'TRY'), marginBp: 3000 };

describe('the roles a policy needs', () => {
  const policy: ApprovalPolicy = [
    { id: 'a', when: { discountBpOver: 1000 }, approverRole: 'manager' },
    { id: 'b', when: { discountBpOver: 2000 }, approverRole: 'finance' },
    { id: 'c', when: { marginBpUnder: 0 }, approverRole: 'manager' },
  ];

  it('names each role once, in the order of the first rule naming it', () => {
    expect(approverRoles(policy)).toEqual(['manager', 'finance']);
    expect(approverRoles([])).toEqual([]);
  });

  it('refuses a policy with a role nobody holds as a 422 naming each rule of that role', () => {
    expect(
      refusal(() => {
        throw new UnknownApproverRoleError(policy, ['manager']);
      }),
    ).toEqual({
      status: 422,
      code: 'unknown-approver-role',
      detail: {
        en: 'Every approving role needs someone who holds it.',
        tr: 'Her onaylayan rolde en az bir kişi olmalı.',
      },
      errors: [
        ['rules.0.approverRole', 'Nobody holds the role manager.', 'manager rolünde kimse yok.'],
        ['rules.2.approverRole', 'Nobody holds the role manager.', 'manager rolünde kimse yok.'],
      ],
    });
    expect(
      refusal(() => {
        throw new UnknownApproverRoleError(policy, ['finance']);
      }).errors,
    ).toEqual([['rules.1.approverRole', 'Nobody holds the role finance.', 'finance rolünde kimse yok.']]);
  });
});

describe('a rule with several conditions', () => {
  it('gives every condition that fires as a reason, in Turkish and English', () => {
    const policy: ApprovalPolicy = [
      { id: 'all', when: { lineDiscountBpOver: 1000, marginBpUnder: 500 }, approverRole: 'director' },
    ];
    expect(evaluatePolicy(policy, { ...calm, maxLineDiscountBp: 1500, marginBp: 400 })).toEqual({
      autoApproved: false,
      steps: [
        {
          role: 'director',
          ruleIds: ['all'],
          reasons: [
            {
              tr: 'En yüksek satır indirimi (%15) %10 sınırını aşıyor.',
              en: 'Largest line discount (15%) is over the 10% limit.',
            },
            { tr: 'Kâr marjı (%4) %5 sınırının altında.', en: 'Margin (4%) is under the 5% limit.' },
          ],
        },
      ],
    });
  });

  it('fires when any one condition holds, and not when none does', () => {
    const policy: ApprovalPolicy = [
      { id: 'any', when: { discountBpOver: 1000, totalTryOver: 500 }, approverRole: 'manager' },
    ];
    expect(evaluatePolicy(policy, { ...calm, totalTry: money(501, 'TRY') })).toMatchObject({
      autoApproved: false,
      steps: [{ role: 'manager', ruleIds: ['any'] }],
    });
    expect(evaluatePolicy(policy, { ...calm, totalTry: money(500, 'TRY') })).toEqual({ autoApproved: true });
  });
});

describe('the policy data', () => {
  const rule = (when: Record<string, number>) => [{ id: 'r', when, approverRole: 'manager' }];

  it('takes discounts from 0 to 100%, and no further', () => {
    for (const key of ['discountBpOver', 'lineDiscountBpOver']) {
      expect(issuesOf(approvalPolicySchema, rule({ [key]: 0 }))).toEqual([]);
      expect(issuesOf(approvalPolicySchema, rule({ [key]: 10_000 }))).toEqual([]);
      expect(issuesOf(approvalPolicySchema, rule({ [key]: -1 }))).toEqual([[`0.when.${key}`, 'too_small']]);
      expect(issuesOf(approvalPolicySchema, rule({ [key]: 10_001 }))).toEqual([[`0.when.${key}`, 'too_big']]);
    }
  });

  it('takes a total from 0 up, and a margin from -10 000% to 100%', () => {
    expect(issuesOf(approvalPolicySchema, rule({ totalTryOver: 0 }))).toEqual([]);
    expect(issuesOf(approvalPolicySchema, rule({ totalTryOver: -1 }))).toEqual([['0.when.totalTryOver', 'too_small']]);
    expect(issuesOf(approvalPolicySchema, rule({ marginBpUnder: -1_000_000 }))).toEqual([]);
    expect(issuesOf(approvalPolicySchema, rule({ marginBpUnder: 10_000 }))).toEqual([]);
    expect(issuesOf(approvalPolicySchema, rule({ marginBpUnder: -1_000_001 }))).toEqual([
      ['0.when.marginBpUnder', 'too_small'],
    ]);
    expect(issuesOf(approvalPolicySchema, rule({ marginBpUnder: 10_001 }))).toEqual([
      ['0.when.marginBpUnder', 'too_big'],
    ]);
  });

  it('refuses a rule with no condition, or with every condition left undefined, on its conditions', () => {
    expect(issuesOf(approvalPolicySchema, rule({}))).toEqual([['0.when', 'custom']]);
    expect(
      issuesOf(approvalPolicySchema, [{ id: 'r', when: { discountBpOver: undefined }, approverRole: 'manager' }]),
    ).toEqual([['0.when', 'custom']]);
  });

  it('refuses two rules of one id on the policy, and takes two of different ids', () => {
    const two = [...rule({ discountBpOver: 1 }), { ...rule({ discountBpOver: 2 })[0], id: 's' }];
    expect(issuesOf(approvalPolicySchema, two)).toEqual([]);
    expect(issuesOf(approvalPolicySchema, [two[0], two[0]])).toEqual([['', 'custom']]);
  });

  it('takes a description of up to 500 characters', () => {
    const described = (description: string) => [{ ...rule({ discountBpOver: 1 })[0], description }];
    expect(issuesOf(approvalPolicySchema, described('x'.repeat(500)))).toEqual([]);
    expect(issuesOf(approvalPolicySchema, described('x'.repeat(501)))).toEqual([['0.description', 'too_big']]);
  });
});

describe('the currency of the total', () => {
  it('refuses a total not in TRY as a 422 naming both currencies', () => {
    const policy: ApprovalPolicy = [{ id: 'a', when: { totalTryOver: 1 }, approverRole: 'manager' }];
    expect(refusal(() => evaluatePolicy(policy, { ...calm, totalTry: money(100, 'EUR') }))).toMatchObject({
      status: 422,
      code: 'currency-mismatch',
      detail: { en: 'Cannot combine EUR with TRY.', tr: 'EUR ile TRY birlikte kullanılamaz.' },
    });
  });
});

describe('a condition left undefined', () => {
  it('gives no reason of its own, only the conditions that are set and fire', () => {
    const policy: ApprovalPolicy = [
      { id: 'a', when: { discountBpOver: undefined, totalTryOver: 500 }, approverRole: 'manager' },
    ];
    const decision = evaluatePolicy(policy, { ...calm, discountBp: 10_000, totalTry: money(501, 'TRY') });
    expect(decision).toEqual({
      autoApproved: false,
      steps: [
        {
          role: 'manager',
          ruleIds: ['a'],
          reasons: [
            { tr: 'Net toplam (₺5,01) ₺5,00 sınırını aşıyor.', en: 'Net total (₺5.01) is over the ₺5.00 limit.' },
          ],
        },
      ],
    });
  });
});
