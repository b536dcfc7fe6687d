// API keys for integrations and staff: shown once at creation, stored only as a SHA-256 hash with
// their scopes and actor. The keys are 256-bit random, so an unsalted hash is not guessable.
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, itemExists, putNew, tableName, transact } from './db.js';
import { getUser } from './directory.js';
import { type Role, roles } from './http.js';
import { newId } from './ids.js';
import { type Scope, scopes } from './manifest.js';
import { byState, keys } from './table.js';
import { fromItem } from './entity.js';
import { queryAll } from './query.js';

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
  revokedAt?: string;
}

export interface KeyRequest {
  label?: string;
  userId?: string;
  role?: string;
  scopes?: string;
}

/**
 * What is wrong with a request for a key, each problem in words an operator can act on: a key for
 * a person nobody knows, in a role they do not hold, or with a scope no route checks would either
 * not work or work in a way nobody meant.
 */
export const keyRequestProblems = async (request: KeyRequest): Promise<string[]> => {
  const problems: string[] = [];
  if (!request.label?.trim()) problems.push('--label is required (who or what the key is for).');
  if (!request.role || !(roles as readonly string[]).includes(request.role)) {
    problems.push(`--role must be one of ${roles.join(', ')}.`);
  }
  const asked = (request.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((s) => !(scopes as readonly string[]).includes(s));
  if (!asked.length) problems.push(`--scopes is required, comma-separated, from: ${scopes.join(', ')}.`);
  if (unknown.length) problems.push(`Unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; valid: ${scopes.join(', ')}.`);
  if (!request.userId) problems.push('--user is required (a user id of the directory).');
  else {
    const user = await getUser(request.userId);
    if (!user) problems.push(`No user ${request.userId} in the directory; a key acts as a known user.`);
    else if (request.role && user.role !== request.role) problems.push(`${request.userId} is a ${user.role}, not a ${request.role}.`);
  }
  return problems;
};

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const createApiKey = async (input: Pick<ApiKeyRecord, 'label' | 'userId' | 'role' | 'scopes' | 'usagePlanKey'>) => {
  const key = `pus_${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = { ...input, keyId: newId(), keyHash: hashKey(key), createdAt: new Date().toISOString() };
  await transact([
    putNew({
      ...keys.apiKey(record.keyHash),
      ...keys.apiKeyById(record.keyId),
      ...keys.apiKeyList(record.createdAt, record.keyId),
      type: 'api-key',
      ...record,
    }),
  ]);
  return { key, record };
};

export const findApiKey = async (key: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.apiKey(hashKey(key)) }))).Item as
    | ApiKeyRecord
    | undefined;

export const listApiKeys = async (): Promise<ApiKeyRecord[]> => {
  const found = await queryAll({ index: byState, partition: keys.apiKeyListPartition(), order: 'oldest' }, Number.POSITIVE_INFINITY);
  return found.map((item) => fromItem<ApiKeyRecord>(item));
};

/** Revocation keeps the record (who had access, and until when) and makes the key useless at once. */
export const revokeApiKey = async (keyId: string) => {
  const record = (await listApiKeys()).find((k) => k.keyId === keyId);
  if (!record) return false;
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.apiKey(record.keyHash),
      UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
      ConditionExpression: itemExists,
      ExpressionAttributeValues: { ':now': new Date().toISOString() },
    }),
  );
  return true;
};
