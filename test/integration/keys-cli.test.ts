// `npm run keys` as a process against DynamoDB Local: refuses keys for unknown scopes, users and
// roles (listing what is valid), and a failed revoke exits non-zero.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { listApiKeys } from '../../shared/api-keys.js';
import { db, tableName } from '../../shared/db.js';
import { scopes } from '../../shared/manifest.js';

const keys = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', ['infra/local/keys.ts', ...args], {
      env: process.env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

// Each step starts the CLI (tsx compiling it and what it imports): seconds alone, far more beside the other suites.
describe('npm run keys', { timeout: 120_000 }, () => {
  it('refuses an unknown scope, user or role with exit 2, says what is valid, and creates nothing', async () => {
    const before = (await listApiKeys()).length;
    const badScope = await keys(
      'create',
      '--label',
      'x',
      '--user',
      'rep-ayse',
      '--role',
      'rep',
      '--scopes',
      'leads:read,leads:delete',
    );
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('Unknown scope leads:delete');
    expect(badScope.stderr).toContain(`valid: ${scopes.join(', ')}.`);
    const nobody = await keys(
      'create',
      '--label',
      'x',
      '--user',
      'nobody-here',
      '--role',
      'rep',
      '--scopes',
      'leads:read',
    );
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('No user nobody-here');
    const wrongRole = await keys(
      'create',
      '--label',
      'x',
      '--user',
      'rep-ayse',
      '--role',
      'manager',
      '--scopes',
      'leads:read',
    );
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr).toContain('rep-ayse is a rep, not a manager');
    expect((await listApiKeys()).length).toBe(before);
  });

  it('creates a valid key, revokes it by id, and exits 1 on a revoke of no key', async () => {
    const created = await keys(
      'create',
      '--label',
      'Test key',
      '--user',
      'rep-ayse',
      '--role',
      'rep',
      '--scopes',
      'leads:read, leads:write',
    );
    expect(created.code).toBe(0);
    const record = (await listApiKeys()).find((k) => k.label === 'Test key');
    expect(record).toMatchObject({ userId: 'rep-ayse', role: 'rep', scopes: ['leads:read', 'leads:write'] });
    expect((await keys('revoke', record!.keyId)).code).toBe(0);
    expect((await listApiKeys()).find((k) => k.keyId === record!.keyId)?.revokedAt).toBeDefined();
    const missing = await keys('revoke', '01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nothing was revoked');
  });
});
