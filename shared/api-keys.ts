// API keys for integrations and staff: shown once at creation, stored only as a SHA-256 hash with
// their scopes and actor. The keys are 256-bit random, so an unsalted hash is not guessable.

import { createHash, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { db, findById, itemExists, putNew, type TransactItem, tableName, transact } from './db.js';
import { getUser } from './directory.js';
import { fromItem } from './entity.js';
import { type Role, roles } from './http.js';
import { newId } from './ids.js';
import { type Scope, scopes } from './manifest.js';
import type { FieldProblem } from './problems.js';
import { queryAll, queryPage } from './query.js';
import { byState, keys } from './table.js';

export interface ApiKeyRecord {
  keyId: string;
  keyHash: string;
  label: string;
  userId: string;
  role: Role;
  scopes: Scope[];
  /** The API Gateway usage-plan key this integration's throttle and quota hang on. */
  usagePlanKey?: string;
  createdAt: string;
  /** Who made it: a user id, or `operator` for `npm run keys`. */
  createdBy?: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface KeyRequest {
  label?: string;
  userId?: string;
  role?: string;
  scopes?: readonly string[];
}

/**
 * What is wrong with a request for a key, each problem on its field in words an operator can act on:
 * a key for a person nobody knows, in a role they do not hold, or with a scope no route checks would
 * either not work or work in a way nobody meant. `npm run keys` and `POST /api-keys` both ask this.
 */
export const keyRequestProblems = async (request: KeyRequest): Promise<FieldProblem[]> => {
  const problems: FieldProblem[] = [];
  if (!request.label?.trim())
    problems.push({
      path: 'label',
      message: { en: 'Required: who or what the key is for.', tr: 'Zorunlu: anahtarın kim ya da ne için olduğu.' },
    });
  if (!request.role || !(roles as readonly string[]).includes(request.role)) {
    problems.push({
      path: 'role',
      message: { en: `One of ${roles.join(', ')}.`, tr: `Şunlardan biri: ${roles.join(', ')}.` },
    });
  }
  const asked = (request.scopes ?? []).map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((s) => !(scopes as readonly string[]).includes(s));
  if (!asked.length)
    problems.push({
      path: 'scopes',
      message: { en: `At least one, from: ${scopes.join(', ')}.`, tr: `Şunlardan en az biri: ${scopes.join(', ')}.` },
    });
  if (unknown.length) {
    problems.push({
      path: 'scopes',
      message: {
        en: `Unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; valid: ${scopes.join(', ')}.`,
        tr: `Bilinmeyen yetki: ${unknown.join(', ')}; geçerli olanlar: ${scopes.join(', ')}.`,
      },
    });
  }
  if (!request.userId)
    problems.push({
      path: 'userId',
      message: { en: 'Required: a user id of the directory.', tr: 'Zorunlu: dizindeki bir kullanıcı kimliği.' },
    });
  else {
    const user = await getUser(request.userId);
    if (!user) {
      problems.push({
        path: 'userId',
        message: {
          en: `No user ${request.userId} in the directory; a key acts as a known user.`,
          tr: `Dizinde ${request.userId} diye bir kullanıcı yok; anahtar bilinen bir kullanıcı adına çalışır.`,
        },
      });
    } else if (request.role && user.role !== request.role) {
      problems.push({
        path: 'role',
        message: {
          en: `${request.userId} is a ${user.role}, not a ${request.role}.`,
          tr: `${request.userId} bir ${user.role}, ${request.role} değil.`,
        },
      });
    }
  }
  return problems;
};

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * A new key, returned once: only its hash is stored. `also` adds what belongs to the same change (its
 * audit item, a stored idempotent answer) to the transaction that writes it.
 */
export const createApiKey = async (
  input: Pick<ApiKeyRecord, 'label' | 'userId' | 'role' | 'scopes' | 'usagePlanKey' | 'createdBy'>,
  also: (record: ApiKeyRecord) => TransactItem[] = () => [],
) => {
  const key = `pus_${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = { ...input, keyId: newId(), keyHash: hashKey(key), createdAt: clockNow().toISOString() };
  const written = await transact([
    putNew({
      ...keys.apiKey(record.keyHash),
      ...keys.apiKeyById(record.keyId),
      ...keys.apiKeyList(record.createdAt, record.keyId),
      type: 'api-key',
      ...record,
    }),
    ...also(record),
  ]);
  if (!written.ok) throw new Error('The key was not written: something it was written with exists already.');
  return { key, record };
};

const findApiKeyByHash = async (keyHash: string) => {
  const item = (
    await db().send(new GetCommand({ TableName: tableName(), Key: keys.apiKey(keyHash), ConsistentRead: true }))
  ).Item;
  return item && fromItem<ApiKeyRecord>(item);
};

export const findApiKey = async (key: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.apiKey(hashKey(key)) }))).Item as
    | ApiKeyRecord
    | undefined;

export const listApiKeys = async (): Promise<ApiKeyRecord[]> => {
  const found = await queryAll(
    { index: byState, partition: keys.apiKeyListPartition(), order: 'oldest' },
    Number.POSITIVE_INFINITY,
  );
  return found.map((item) => fromItem<ApiKeyRecord>(item));
};

export const apiKeysPage = async (limit: number, cursor?: string) => {
  const page = await queryPage({
    index: byState,
    partition: keys.apiKeyListPartition(),
    order: 'newest',
    limit,
    cursor,
  });
  return { items: page.items.map((item) => fromItem<ApiKeyRecord>(item)), next: page.next };
};

export const getApiKey = async (keyId: string) => {
  const item = await findById(keys.apiKeyById(keyId));
  return item ? fromItem<ApiKeyRecord>(item) : undefined;
};

/**
 * Revocation keeps the record (who had access, and until when) and makes the key useless at once.
 * Revoking a revoked key changes nothing (of two racing revocations one writes, with its `also`).
 * Undefined when there is no such key.
 */
export const revokeApiKey = async (
  keyId: string,
  revokedBy?: string,
  also: (record: ApiKeyRecord) => TransactItem[] = () => [],
): Promise<ApiKeyRecord | undefined> => {
  const record = await getApiKey(keyId);
  if (!record || record.revokedAt) return record;
  const revoked: ApiKeyRecord = { ...record, revokedAt: clockNow().toISOString(), ...(revokedBy ? { revokedBy } : {}) };
  const written = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.apiKey(record.keyHash),
        UpdateExpression: `SET revokedAt = :now${revokedBy ? ', revokedBy = :by' : ''}`,
        ConditionExpression: `${itemExists} AND attribute_not_exists(revokedAt)`,
        ExpressionAttributeValues: { ':now': revoked.revokedAt, ...(revokedBy ? { ':by': revokedBy } : {}) },
      },
    },
    ...also(record),
  ]);
  return written.ok ? revoked : findApiKeyByHash(record.keyHash);
};
