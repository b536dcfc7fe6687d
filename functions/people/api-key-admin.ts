// API keys as admins manage them, over the API and with `npm run keys`: the key rules answer each
// field, a new key is shown once, and every creation and revocation is audited beside the key.
import {
  type ApiKeyRecord,
  apiKeysPage,
  createApiKey,
  keyRequestProblems,
  revokeApiKey,
} from '../../shared/api-keys.js';
import { type AuditActor, auditItem } from '../../shared/audit.js';
import type { Role } from '../../shared/http.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import type { Scope } from '../../shared/manifest.js';
import { NotFoundError, ValidationError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';

export interface KeyInput {
  label?: string;
  userId?: string;
  role?: string;
  scopes?: readonly string[];
  /** The API Gateway usage-plan key of an integration's throttle and quota (`npm run keys` only). */
  usagePlanKey?: string;
}

/** A key as admins see it: never its hash. */
export const keyView = ({ keyHash: _hash, usagePlanKey: _plan, ...view }: ApiKeyRecord) => view;
export type KeyView = ReturnType<typeof keyView>;

export const keysPage = async (limit: number, cursor?: string) => {
  const page = await apiKeysPage(limit, cursor);
  return { keys: page.items.map(keyView), ...(page.next ? { nextCursor: page.next } : {}) };
};

/**
 * A new key, returned once with `key`. What a retry with the same Idempotency-Key gets is recorded
 * in the same transaction: the key's record WITHOUT the key (status 200), so a retry makes no second
 * key and never shows the first again (lost: revoke it and create another).
 */
export const createKey = async (input: KeyInput, by: AuditActor, record: Recorder = noRecord) => {
  const problems = await keyRequestProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const { key, record: created } = await createApiKey(
    {
      label: input.label!.trim(),
      userId: input.userId!,
      role: input.role as Role,
      scopes: [...new Set(input.scopes!.map((s) => s.trim()).filter(Boolean))] as Scope[],
      createdBy: by.actorId,
      ...(input.usagePlanKey ? { usagePlanKey: input.usagePlanKey } : {}),
    },
    (made) => [
      auditItem(keys.apiKey(made.keyHash), by, 'created', made.scopes.join(' ')),
      ...record({ status: 200, body: keyView(made) }),
    ],
  );
  return { status: 201, body: { ...keyView(created), key } };
};

/** The key refused from now on; revoking a revoked key changes nothing. */
export const revokeKey = async (keyId: string, by: AuditActor): Promise<KeyView> => {
  const revoked = await revokeApiKey(keyId, by.actorId, (found) => [
    auditItem(keys.apiKey(found.keyHash), by, 'revoked'),
  ]);
  if (!revoked) throw new NotFoundError({ en: `Key ${keyId}`, tr: `${keyId} anahtarı` });
  return keyView(revoked);
};
