// The real thing: esbuild with the CDK's settings, the CDK's own bundling, cdk-nag and cfn-lint. Every function
// is bundled once, all together (esbuild shares the parsing of what they have in common: seconds); the CDK
// bundles the functions of two use cases one by one, as it does each function in a deploy (about two seconds
// each, which for all ~170 cost this file ten minutes of the suite's two cores); cfn-lint reads every
// template of the README's synth, every nested stack included.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, expect, it, vi } from 'vitest';
import { lazyModules } from '../../functions/lazy-modules.js';
import { platform, useCases } from '../../functions/manifests.js';
import { buildApp } from '../../infra/build-app.js';
import { repoRoot } from '../../infra/constructs/crm-function.js';
import { esbuildSettings } from '../../infra/constructs/esbuild-settings.js';
import type { FunctionDeclaration } from '../../shared/manifest.js';
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
    // A synth takes a minute alone and up to ten on a machine busy with other work: past that, stuck.
    timeout: 1_200_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => ({ code: 0, output: '' }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );

const readTemplate = (dir: string, name: string) =>
  JSON.parse(readFileSync(join(dir, name), 'utf8')) as { Resources: Record<string, Resource> };
const resourcesIn = (dir: string, files: string[], type: string) =>
  files.flatMap((file) => Object.values(readTemplate(dir, file).Resources)).filter((r) => r.Type === type);

// Synths, cdk-nag and cfn-lint over every template: minutes beside the other suites.
vi.setConfig({ testTimeout: 1_500_000 });

const declarations = [...Object.values(platform), ...useCases.flatMap((useCase) => Object.values(useCase.functions))];

it("bundles every function with the CDK's esbuild settings, each entry exporting its handler", async () => {
  const entries = [...new Set(declarations.map((declaration) => join(repoRoot, declaration.entry)))];
  expect(entries).toHaveLength(declarations.length);
  const result = await build({
    ...esbuildSettings,
    entryPoints: entries,
    // One build for all: what the functions share is parsed and emitted once.
    splitting: true,
    outdir: outputDirectory(),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const exportsByEntry = new Map(
    Object.values(result.metafile.outputs)
      .filter((output) => output.entryPoint !== undefined)
      .map((output) => [join(repoRoot, output.entryPoint!), output.exports]),
  );
  expect(entries.filter((entry) => !exportsByEntry.get(entry)?.includes('handler'))).toEqual([]);

  // pdf-lib is parsed on a render only (a lazy module beside the bundle): no entry reaches it by an import, an
  // import() included (a single-file bundle, as the CDK builds, inlines what an import() names).
  const { outputs } = result.metafile;
  const reached = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const link of outputs[file]!.imports)
      if ((link.kind === 'import-statement' || link.kind === 'dynamic-import') && !link.external)
        reached(link.path, seen);
    return seen;
  };
  const drawsAtStart = Object.entries(outputs)
    .filter(([, output]) => output.entryPoint !== undefined)
    .filter(([file]) =>
      [...reached(file)].some((part) =>
        Object.keys(outputs[part]!.inputs).some((input) => input.includes('/pdf-lib/')),
      ),
    )
    .map(([, output]) => output.entryPoint);
  expect(drawsAtStart).toEqual([]);
});

// Two use cases whose functions carry run-time files (the API's document, the letters' fonts) and the
// platform's own functions, through the CDK's own bundling.
const bundledUseCases = useCases.filter((useCase) => ['api-docs', 'letters'].includes(useCase.name));

it('synthesizes with the CDK bundling each function: ESM with its require banner, run-time files beside it, no map in the zip', () => {
  const out = outputDirectory();
  const outdirBefore = process.env.CDK_OUTDIR;
  process.env.CDK_OUTDIR = out;
  try {
    const { app } = buildApp({
      useCases: bundledUseCases,
      context: { ...cdkJsonContext(), ...deploymentContext, 'aws:cdk:enable-asset-metadata': true },
    });
    app.synth();
  } finally {
    if (outdirBefore === undefined) delete process.env.CDK_OUTDIR;
    else process.env.CDK_OUTDIR = outdirBefore;
  }

  const nested = readdirSync(out).filter((name) => name.endsWith('.nested.template.json'));
  expect(nested).toHaveLength(bundledUseCases.length);
  // The API stack's functions (the data and console stacks hold only the CDK's own custom-resource handlers).
  const functions = resourcesIn(out, ['PusulaApi.template.json', ...nested], 'AWS::Lambda::Function');
  const bundled: FunctionDeclaration[] = [
    ...Object.values(platform),
    ...bundledUseCases.flatMap((useCase) => Object.values(useCase.functions)),
  ];
  expect(functions).toHaveLength(bundled.length);
  let lazyFiles = 0;
  for (const fn of functions) {
    const zip = join(out, fn.Metadata['aws:asset:path']!);
    const code = readFileSync(join(zip, 'index.mjs'), 'utf8');
    // The bundled SDK needs the createRequire banner, or it fails at load with "Dynamic require".
    expect(code.slice(0, 200)).toContain('createRequire');
    // No map in the zip, none referenced: Node never loads one at a cold start.
    expect(readdirSync(zip).filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(code).not.toContain('sourceMappingURL');
    // pdf-lib (its classes keep their names) is parsed on a render only: each lazy module the bundle loads sits beside it.
    expect(code, zip).not.toContain('"PDFDocument"');
    for (const module of lazyModules.filter((m) => code.includes(m.from))) {
      expect(readFileSync(join(zip, module.to), 'utf8'), `${zip}: ${module.to}`).toContain('"PDFDocument"');
      lazyFiles++;
    }
  }
  // The letters' functions draw: the quote's letter and a letter run's part load theirs.
  expect(lazyFiles).toBeGreaterThanOrEqual(2);
  // Each declared run-time file beside the index.mjs of some function (the fonts, the API document).
  const files = new Set(functions.flatMap((fn) => readdirSync(join(out, fn.Metadata['aws:asset:path']!))));
  const declared = bundled.flatMap((declaration) => (declaration.assets ?? []).map((asset) => asset.to));
  expect(declared.length).toBeGreaterThan(0);
  expect(declared.filter((file) => !files.has(file))).toEqual([]);
  // The maps, for operators, beside the assembly: one per function and one per lazy module beside it.
  expect(readdirSync(join(out, 'source-maps', 'pusula-prod-api')).filter((f) => f.endsWith('.mjs.map'))).toHaveLength(
    functions.length + lazyFiles,
  );
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

// The README's words build and check every stack (cdk-nag runs in the synth); the bundling, proven above, is
// left to the data stack (`--exclusively`). cfn-lint then reads every template, the nested ones too.
it("passes the README's `npx cdk synth` as written (quiet, into its own folder), and cfn-lint over every template", async () => {
  const [npx, ...args] = readmeCommands()
    .map(shellWords)
    .find(([command, cdk, verb]) => command === 'npx' && cdk === 'cdk' && verb === 'synth')!;
  const out = outputDirectory();
  const result = await run(npx!, [...args, 'PusulaData', '--exclusively', '--quiet', '--output', out]);
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
  const parent = 'PusulaApi.template.json';
  expect(
    resourcesIn(out, [parent], 'AWS::CloudFormation::Stack')
      .map((stack) => stack.Metadata['aws:asset:path'])
      .sort(),
  ).toEqual(nested.sort());
  expect(nested).toHaveLength(useCases.length);
  expect(resourcesIn(out, [parent, ...nested], 'AWS::Lambda::Function')).toHaveLength(declarations.length);

  expect(unacceptedFindings(await cfnLint(names.map((name) => join(out, name))))).toEqual([]);
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
