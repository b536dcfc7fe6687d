// `npm run preflight` against moto's SES (Python, offline): what would block a deploy, and its exit
// code. moto's account is in the sandbox (200 a day, 1 a second), as a fresh AWS account is.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { SES } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/crm-function.js';

let moto: ChildProcess;
let endpoint: string;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  endpoint = `http://127.0.0.1:${port}`;
  const ses = new SES({ endpoint, region: 'eu-central-1', credentials });
  for (let i = 0; ; i++) {
    try {
      await ses.getSendQuota({});
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  // One domain verified in eu-central-1 only.
  await ses.verifyDomainIdentity({ Domain: 'dogru-firma.com.tr' });
});
afterAll(() => {
  moto?.kill();
});

const preflight = (args: string[]) =>
  // `npm run preflight` runs this same file with tsx; node with tsx's loader spares npx's start-up.
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/preflight.ts', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_SES: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: '',
      AWS_PROFILE: '',
    },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

const lines = (stdout: string, mark: string) => stdout.split('\n').filter((line) => line.startsWith(mark));

// Each case starts the CLI (TypeScript compiled on the fly): seconds each on a busy machine.
describe('npm run preflight', { timeout: 120_000 }, () => {
  it('blocks on an unverified sender and on the sandbox, and says why', async () => {
    const { code, stdout } = await preflight([
      '--stage',
      'pilot',
      '-c',
      'region=eu-central-1',
      '-c',
      'mailFrom=crm@baska-firma.com.tr',
    ]);
    expect(code).toBe(1);
    const blocks = lines(stdout, 'BLOCKS');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('neither crm@baska-firma.com.tr (not added) nor baska-firma.com.tr (not added)');
    expect(blocks[1]).toContain('sandbox in eu-central-1 (200 mails a day, 1 a second');
    expect(stdout).toContain('ok       Context: stage pilot in eu-central-1');
  });

  it('passes a verified domain in the sandbox only when told the stage may stay there', async () => {
    const args = ['--stage', 'pilot', '-c', 'region=eu-central-1', '-c', 'mailFrom="Pilot" <crm@dogru-firma.com.tr>'];
    const strict = await preflight(args);
    expect(strict.code).toBe(1);
    expect(lines(strict.stdout, 'ok').join('\n')).toContain('SES: dogru-firma.com.tr is verified');
    expect(lines(strict.stdout, 'BLOCKS')).toEqual([expect.stringContaining('sandbox')]);
    const accepted = await preflight([...args, '--sandbox-ok', '-c', 'alarmEmail=ops@dogru-firma.com.tr']);
    expect(accepted.code).toBe(0);
    expect(lines(accepted.stdout, 'BLOCKS')).toEqual([]);
    expect(lines(accepted.stdout, 'warning')).toEqual([expect.stringContaining('accepted with --sandbox-ok')]);
    expect(accepted.stdout).toContain('nothing blocks a deploy');
  });

  it('blocks on context synth would refuse, before asking AWS anything', async () => {
    const noRegionNoSender = await preflight(['--stage', 'pilot', '-c', 'region=Frankfurt']);
    expect(noRegionNoSender.code).toBe(1);
    expect(lines(noRegionNoSender.stdout, 'BLOCKS')).toEqual([
      expect.stringContaining('Context region must be an AWS region code'),
    ]);
    const noStage = await preflight([]);
    expect(noStage.code).toBe(1);
    expect(noStage.stdout).toContain('No --stage given');
  });
});
