// The real thing, with esbuild bundling and cdk-nag: needs every handler file the manifests name.
// Each test takes 25–45 s on two cores.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it, vi } from 'vitest';
import { lazyModules } from '../../functions/lazy-modules.js';
import { platform, useCases } from '../../functions/manifests.js';
import { repoRoot } from '../../infra/constructs/crm-function.js';
import { readmeCommands, shellWords } from '../support/readme.js';
import { cfnLint, unacceptedFindings } from './cfn-lint.js';
import { cdkJsonContext, deploymentContext } from './synth-template.js';

// Own output directories, so the tests do not race a `cdk synth` someone runs in the tree.
const outputs: string[] = [];
const outputDirectory = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pusula-cdk-out-'));
  outputs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});

type Resource = { Type: string; Metadata: Record<string, string> };

const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    // A full bundled synth takes two minutes alone and up to fifteen on a machine busy with other work: past that, stuck.
    timeout: 1_200_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => ({ code: 0, output: '' }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );

// Bundling every function, cdk-nag and cfn-lint over every template: minutes beside the other suites.
vi.setConfig({ testTimeout: 1_500_000 });

it('synthesizes as the CDK CLI runs the app: bundled ESM functions, no cdk-nag finding, no cfn-lint error', async () => {
  const out = outputDirectory();
  const result = await run('npx', ['tsx', 'infra/app.ts'], {
    CDK_OUTDIR: out,
    // What the CLI passes: cdk.json's context with the deployment's, and asset paths in the template metadata.
    CDK_CONTEXT_JSON: JSON.stringify({
      ...cdkJsonContext(),
      ...deploymentContext,
      'aws:cdk:enable-asset-metadata': true,
    }),
  });
  expect(result.code, result.output).toBe(0);

  // The parent templates, and one nested template per use case, each named by the parent's stack resource.
  const names = readdirSync(out).filter((name) => name.endsWith('.template.json'));
  const nested = names.filter((name) => name.endsWith('.nested.template.json'));
  // (the staff console: PusulaConsole copies its files into the API stack's bucket)
  expect(names.filter((name) => !nested.includes(name)).sort()).toEqual([
    'PusulaApi.template.json',
    'PusulaConsole.template.json',
    'PusulaData.template.json',
  ]);
  const read = (name: string) =>
    JSON.parse(readFileSync(join(out, name), 'utf8')) as { Resources: Record<string, Resource> };
  const resourcesIn = (files: string[], type: string) =>
    files.flatMap((file) => Object.values(read(file).Resources)).filter((resource) => resource.Type === type);
  const parent = 'PusulaApi.template.json';
  expect(
    resourcesIn([parent], 'AWS::CloudFormation::Stack')
      .map((stack) => stack.Metadata['aws:asset:path'])
      .sort(),
  ).toEqual(nested.sort());
  expect(nested).toHaveLength(useCases.length);

  // The bundled SDK needs the createRequire banner, or it fails at load with "Dynamic require".
  const functions = resourcesIn([parent, ...nested], 'AWS::Lambda::Function');
  expect(functions).toHaveLength(
    useCases.reduce((sum, m) => sum + Object.keys(m.functions).length, 0) + Object.keys(platform).length,
  );
  let lazyFiles = 0;
  for (const fn of functions) {
    const asset = join(out, fn.Metadata['aws:asset:path']!);
    const bundle = join(asset, 'index.mjs');
    expect(existsSync(bundle), bundle).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.slice(0, 200)).toContain('createRequire');
    // No map in the zip, none referenced: Node never loads one at a cold start.
    expect(readdirSync(asset).filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(code).not.toContain('sourceMappingURL');
    // pdf-lib (its classes keep their names) is parsed on a render only: each lazy module the bundle loads sits beside it.
    expect(code, bundle).not.toContain('"PDFDocument"');
    for (const module of lazyModules.filter((m) => code.includes(m.from))) {
      expect(readFileSync(join(asset, module.to), 'utf8'), `${bundle}: ${module.to}`).toContain('"PDFDocument"');
      lazyFiles++;
    }
  }
  // Every function that draws a PDF loads one (the quote's, an agreement's, a letter run's part).
  expect(lazyFiles).toBeGreaterThanOrEqual(7);
  // The maps, for operators, beside the assembly: one per function and one per lazy module beside it.
  expect(readdirSync(join(out, 'source-maps', 'pusula-prod-api')).filter((f) => f.endsWith('.mjs.map'))).toHaveLength(
    functions.length + lazyFiles,
  );

  // cfn-lint reads every template, the nested ones too.
  const templates = names.map((name) => join(out, name));
  expect(unacceptedFindings(await cfnLint(templates))).toEqual([]);
});

it('fails the cfn-lint check on a template CloudFormation would refuse', async () => {
  const file = join(outputDirectory(), 'broken.template.json');
  const fn = {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs1.x', Handler: 'index.handler', Code: { ZipFile: 'x' } },
  };
  writeFileSync(file, JSON.stringify({ Resources: { Fn: fn } }));
  const findings = unacceptedFindings(await cfnLint([file]));
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^E3003 Error .*Resources\/Fn\/Properties: 'Role' is a required property/),
      expect.stringMatching(/^E3030 Error .*Runtime/),
    ]),
  );
});

// The app still builds and checks every stack with the README's context values; only the bundling, which the
// first test has proven, is left to the data stack (`--exclusively`): a second bundling of every function
// cost this file minutes of the suite's two cores.
it("passes the README's `npx cdk synth` as written (quiet, into its own folder) with the project CLI", async () => {
  const [npx, ...args] = readmeCommands()
    .map(shellWords)
    .find(([command, cdk, verb]) => command === 'npx' && cdk === 'cdk' && verb === 'synth')!;
  const out = outputDirectory();
  const result = await run(npx!, [...args, 'PusulaData', '--exclusively', '--quiet', '--output', out]);
  expect(result.code, result.output).toBe(0);
  // Every stack was synthesized with the README's values, nested ones included.
  expect(readdirSync(out).filter((name) => name.endsWith('.nested.template.json'))).toHaveLength(useCases.length);
});

it('refuses to synth when the CDK CLI finds no region and would fall back to us-east-1', async () => {
  const nowhere = join(outputDirectory(), 'none');
  const result = await run(
    'npx',
    ['cdk', 'synth', '--quiet', '--output', outputDirectory(), '-c', `mailFrom=${deploymentContext.mailFrom}`],
    {
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
      AWS_PROFILE: '',
      AWS_CONFIG_FILE: nowhere,
      AWS_SHARED_CREDENTIALS_FILE: nowhere,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  );
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('No AWS region is configured');
});
