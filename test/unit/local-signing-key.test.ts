// The local user pool's signing key: made once per data folder, kept there (owner-only), never the key
// cognito-local publishes in its package.
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localSigningKey } from '../../infra/local/cognito.js';
import { repoRoot } from '../../infra/local/functions.js';

const homes: string[] = [];
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pusula-signing-'));
  homes.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('localSigningKey', () => {
  it('makes a key on first use, keeps it for the folder, and no other folder shares it', () => {
    const folder = home();
    const first = localSigningKey(folder);
    expect(first.file).toBe(join(folder, 'signing-key.json'));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(localSigningKey(folder).key).toEqual(first.key);
    expect(localSigningKey(home()).key.publicJwk.n).not.toBe(first.key.publicJwk.n);
  });

  it('is an RS256 key under the id cognito-local writes, whose public half matches its private one', () => {
    const { key } = localSigningKey(home());
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', kid: 'CognitoLocal', alg: 'RS256', use: 'sig' });
    expect(createPublicKey(key.privatePem).export({ format: 'jwk' }).n).toBe(key.publicJwk.n);
  });

  it('is not the key cognito-local publishes', () => {
    const published = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/cognito-local/lib/keys/cognitoLocal.public.json'), 'utf8'),
    ) as { jwk: { n: string } };
    expect(localSigningKey(home()).key.publicJwk.n).not.toBe(published.jwk.n);
  });
});
