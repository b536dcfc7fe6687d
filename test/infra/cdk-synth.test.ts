// The real thing: `cdk synth` as an operator runs it, with esbuild bundling and cdk-nag. Needs every
// handler file the manifests name. Takes about a minute on two cores.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/crm-function.js';

const out = mkdtempSync(join(tmpdir(), 'pusula-cdk-out-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('synthesizes both stacks with bundled functions and no cdk-nag finding', async () => {
  // Its own output directory, so it does not race a `cdk synth` someone runs in the tree.
  const run = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '--output', out], {
    cwd: repoRoot,
    timeout: 280_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => ({ code: 0, output: '' }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
  expect(run.code, run.output).toBe(0);

  // Every function is an ESM bundle with the createRequire banner (the bundled SDK needs it).
  const template = JSON.parse(readFileSync(join(out, 'PusulaApi.template.json'), 'utf8'));
  const functions = Object.values<{ Type: string; Metadata: Record<string, string> }>(template.Resources).filter(
    (resource) => resource.Type === 'AWS::Lambda::Function',
  );
  expect(functions.length).toBeGreaterThan(2);
  for (const fn of functions) {
    const bundle = join(out, fn.Metadata['aws:asset:path']!, 'index.mjs');
    expect(existsSync(bundle), bundle).toBe(true);
    expect(readFileSync(bundle, 'utf8').slice(0, 200)).toContain('createRequire');
  }
});
