// The approval policy in the one table: staff replace it (API or CLI, through `setApprovalPolicy`
// alone, so both check the same things); the demo data only loads a DEFAULT that a replacement overrides.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, itemAbsent, tableName, transact } from '../../shared/db.js';
import { usersInRole } from '../../shared/directory.js';
import { validate } from '../../shared/http.js';
import { staleAt } from '../../shared/messages.js';
import { ConflictError } from '../../shared/problems.js';
import * as z from '../../shared/schema.js';
import {
  type ApprovalPolicy,
  approvalPolicySchema,
  approverRoles,
  UnknownApproverRoleError,
} from './domain/approval-policy.js';
import { quoteApprovalKeys } from './keys.js';

const policyRecord = { en: 'The policy', tr: 'Onay kuralları' };

export interface StoredPolicy {
  rules: ApprovalPolicy;
  /** Counts replacements: a replace based on a stale read is refused. */
  seq: number;
  updatedAt: string;
  updatedBy: string;
  source: 'staff' | 'default';
}

const policyAt = async (which: 'CURRENT' | 'DEFAULT') =>
  (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: quoteApprovalKeys.approvalPolicy(which), ConsistentRead: true }),
    )
  ).Item as (StoredPolicy & Record<string, unknown>) | undefined;

export const getApprovalPolicy = async (): Promise<StoredPolicy | undefined> => {
  const item = (await policyAt('CURRENT')) ?? (await policyAt('DEFAULT'));
  if (!item) return undefined;
  const { rules, seq, updatedAt, updatedBy, source } = item;
  return { rules, seq, updatedAt, updatedBy, source };
};

const replaceApprovalPolicy = async (
  rules: ApprovalPolicy,
  expectedSeq: number | undefined,
  actorId: string,
  now: Date,
) => {
  const current = await policyAt('CURRENT');
  const seq = (current?.seq ?? 0) + 1;
  if (expectedSeq !== undefined && expectedSeq !== (current?.seq ?? 0)) {
    throw new ConflictError('policy-changed', staleAt(policyRecord, current?.seq ?? 0));
  }
  const policy: StoredPolicy = { rules, seq, updatedAt: now.toISOString(), updatedBy: actorId, source: 'staff' };
  const saved = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...quoteApprovalKeys.approvalPolicy('CURRENT'), type: 'approval-policy', ...policy },
        ConditionExpression: current ? 'seq = :seq' : itemAbsent,
        ExpressionAttributeValues: current ? { ':seq': current.seq } : undefined,
      },
    },
  ]);
  if (!saved.ok) {
    throw new ConflictError('policy-changed', {
      en: 'The policy was replaced by someone else meanwhile; reload it.',
      tr: 'Onay kuralları bu arada başka biri tarafından değiştirildi; yeniden yükleyin.',
    });
  }
  return policy;
};

/** What replaces the policy: its rules and, to refuse a write based on a stale read, the seq it was read at. */
export const policyChangeSchema = z.strictObject({
  rules: approvalPolicySchema,
  seq: z.optional(z.int().check(z.gte(0))),
});

/**
 * Validates `change` (a 400 with `rules.…` paths), refuses a role nobody holds (422
 * `unknown-approver-role`) and a stale `seq` (409 `policy-changed`), then replaces the policy.
 */
export const setApprovalPolicy = async (change: unknown, actorId: string, now: Date): Promise<StoredPolicy> => {
  const { rules, seq } = validate(policyChangeSchema, change);
  const staffed = await Promise.all(
    approverRoles(rules).map(async (role) => ({ role, held: (await usersInRole(role)).length > 0 })),
  );
  const unstaffed = staffed.filter((r) => !r.held).map((r) => r.role);
  if (unstaffed.length) throw new UnknownApproverRoleError(rules, unstaffed);
  return replaceApprovalPolicy(rules, seq, actorId, now);
};
