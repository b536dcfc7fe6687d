// Every command the README shows, as a reader copies it: the npm scripts exist, the CDK context it
// passes synthesizes (the checks `cdk synth` runs, on the README's exact words), and each local CLI
// call names a subcommand and flags its CLI's usage lists, schedules that exist, roles and scopes
// the API knows. A refusal of a context value names a value that is accepted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { deployContext, exampleSender } from '../../infra/deploy-context.js';
import { repoRoot } from '../../infra/local/functions.js';
import { roles } from '../../shared/http.js';
import { scopes } from '../../shared/manifest.js';
import { readmeCommands, shellWords } from '../support/readme.js';

type PackageJson = { scripts: Record<string, string> };
const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

const commands = readmeCommands();

const words = (command: string) => shellWords(command).filter((word) => !/^[A-Z_]+=/.test(word));
const npmRuns = commands.map(words).filter(([npm, run]) => npm === 'npm' && run === 'run');
const scriptOf = (argv: string[]) => argv.slice(2).find((word) => !word.startsWith('-'))!;
/** The arguments after `--`, for the CLI a script starts. */
const cliArgs = (argv: string[]) => {
  const dashes = argv.indexOf('--');
  return dashes === -1 ? [] : argv.slice(dashes + 1);
};
const cliCalls = (script: string) => npmRuns.filter((argv) => scriptOf(argv) === script).map(cliArgs);

describe('README commands', () => {
  it('finds the commands, in blocks and inline', () => {
    expect(npmRuns.length).toBeGreaterThan(40);
    expect(commands.map(words)).toContainEqual([
      'npx',
      'cdk',
      'synth',
      '-c',
      'region=eu-central-1',
      '-c',
      'mailFrom=crm@your-domain.com.tr',
    ]);
  });

  it('names only npm scripts that exist', () => {
    const named = new Set(npmRuns.map(scriptOf));
    for (const name of named) expect(scripts, `npm run ${name}`).toHaveProperty([name]);
    for (const bare of ['start', 'test', 'ci']) {
      expect(commands.some((c) => words(c).join(' ') === `npm ${bare}`)).toBe(true);
    }
  });

  const cdkCommands = commands
    .map(words)
    .filter(([npx, cdk, verb]) => npx === 'npx' && cdk === 'cdk' && verb !== 'bootstrap');
  it.each(cdkCommands.map((argv) => [argv.slice(0, 3).join(' '), argv]))('%s: its context synthesizes', (_, argv) => {
    const context: Record<string, string> = {};
    argv.forEach((word, i) => {
      if (word !== '-c') return;
      const [key, ...value] = argv[i + 1]!.split('=');
      context[key!] = value.join('=');
    });
    expect(Object.keys(context)).toEqual(expect.arrayContaining(['region', 'mailFrom']));
    expect(() => deployContext((key) => context[key], {})).not.toThrow();
  });

  it('fires only schedules the manifests declare', () => {
    const declared = useCases.flatMap((u) => u.schedules.map((s) => `${u.name}.${s.name}`));
    const fired = cliCalls('schedule').filter(([command, name]) => command === 'fire' && name && !name.startsWith('<'));
    expect(fired.length).toBeGreaterThan(4);
    for (const [, name] of fired) expect(declared).toContain(name);
  });

  it('creates keys with roles and scopes the API knows', () => {
    const created = cliCalls('keys').filter(([command]) => command === 'create');
    for (const args of created) {
      const role = args[args.indexOf('--role') + 1];
      if (args.includes('--role')) expect(roles).toContain(role);
      if (args.includes('--scopes') && args[args.indexOf('--scopes') + 1]) {
        for (const scope of args[args.indexOf('--scopes') + 1]!.split(',')) expect(scopes).toContain(scope);
      }
    }
  });

  const usageLine = (script: string) => new RegExp(`npm run ${script} -- ([^\\n\`']+)`, 'g');
  // Each CLI prints its usage (`npm run keys -- create --label …`); a README call must fit one of those lines.
  const usageLines = (file: string, script: string) =>
    [...readFileSync(join(repoRoot, 'infra/local', file), 'utf8').matchAll(usageLine(script))]
      .flatMap((m) => m[1]!.split(' | '))
      .map((line) => line.trim());
  it.each([
    ['keys', 'keys.ts'],
    ['users', 'users.ts'],
    ['schedule', 'fire-schedule.ts'],
    ['catalogue', 'catalogue.ts'],
    ['campaign', 'campaign.ts'],
    ['ses-event', 'ses-event.ts'],
    ['warehouse', 'warehouse.ts'],
  ])('npm run %s: subcommands and flags its usage lists', (script, file) => {
    const usage = usageLines(file, script);
    expect(usage.length).toBeGreaterThan(0);
    for (const args of cliCalls(script).filter((a) => a.length > 0)) {
      const [command] = args;
      const placeholder = command!.startsWith('<') || command!.startsWith('[');
      const fits = usage.filter((line) => placeholder || line.split(/[\s|]/)[0] === command || line.startsWith('<'));
      expect(fits, `npm run ${script} -- ${args.join(' ')}`).not.toHaveLength(0);
      for (const flag of args.filter((word) => word.startsWith('--'))) {
        expect(fits.join(' '), `${flag} in npm run ${script} -- ${args.join(' ')}`).toContain(flag.replace(/^\[/, ''));
      }
    }
  });
});

describe('refusals of a context value', () => {
  const base = { region: 'eu-central-1', mailFrom: exampleSender };
  const site = 'https://www.your-domain.com.tr';
  const crm = 'https://crm.your-domain.com.tr';
  const refusal = (context: Record<string, string>) => {
    try {
      deployContext((key) => context[key], {});
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(context)}`);
  };

  it.each<[string, Record<string, string>, string, string]>([
    ['a sender without a dotted domain', { mailFrom: 'crm@your-domain' }, 'mailFrom', `like ${exampleSender}`],
    ['no sender', { mailFrom: '' }, 'mailFrom', `-c mailFrom=${exampleSender},`],
    ['a reserved example domain', { mailFrom: 'crm@example.com' }, 'mailFrom', `like ${exampleSender}.`],
    ['a region that is no region code', { region: 'frankfurt' }, 'region', 'like eu-central-1;'],
    ['an origin with a path', { corsOrigins: `${site}/form` }, 'corsOrigins', `like ${site},`],
    ['an origin with a trailing slash', { corsOrigins: `${site}/` }, 'corsOrigins', 'like https://'],
    ['a plain-http link base', { publicBaseUrl: 'http://crm.your-domain.com.tr' }, 'publicBaseUrl', `like ${crm};`],
    ['an alarm address that is none', { alarmEmail: 'ops team' }, 'alarmEmail', `like ${exampleSender}`],
    ['a send rate of zero', { sesMaxSendRate: '0' }, 'sesMaxSendRate', 'a positive number'],
  ])('refuses %s and names what is accepted', (_, given, key, example) => {
    const message = refusal({ ...base, ...given });
    expect(message).toContain(key);
    expect(message).toContain(example);
    if (given[key]) expect(message).toContain(given[key]);
  });

  it('accepts every example a refusal suggests', () => {
    expect(() =>
      deployContext(
        (key) =>
          ({
            ...base,
            mailFrom: `"Your Firm" <${exampleSender}>`,
            corsOrigins: 'https://www.your-domain.com.tr,https://shop.your-domain.com.tr',
            publicBaseUrl: 'https://crm.your-domain.com.tr',
            alarmEmail: exampleSender,
            fallbackNotifyEmail: exampleSender,
          })[key],
        {},
      ),
    ).not.toThrow();
  });
});
