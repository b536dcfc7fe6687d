// `npm run preflight` against moto's SES and SSM (Python, offline): what would block a deploy, and its
// exit code. moto's account is in the sandbox (200 a day, 1 a second), as a fresh AWS account is. moto
// has no Lambda GetAccountSettings: a small stand-in answers it, with the quota of the region the
// request was signed for (1,000 as a raised account has; 10 as a new one may start with).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { SES } from '@aws-sdk/client-ses';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/crm-function.js';

let moto: ChildProcess;
let endpoint: string;
let lambda: Server;
let lambdaEndpoint: string;
const concurrencyByRegion: Record<string, number> = { 'eu-central-1': 1000, 'eu-west-1': 10 };
const lambdaCalls: string[] = [];
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
  // Bootstrapped: eu-central-1 (current), eu-west-3 (too old); eu-west-1 never.
  process.env.AWS_ENDPOINT_URL_SSM = endpoint;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  for (const [region, version] of [
    ['eu-central-1', '30'],
    ['eu-west-3', '5'],
  ]) {
    await new SSMClient({ region: region!, endpoint, credentials }).send(
      new PutParameterCommand({ Name: '/cdk-bootstrap/hnb659fds/version', Value: version, Type: 'String' }),
    );
  }
  lambda = createHttpServer((request, response) => {
    const region = /Credential=[^/]+\/\d+\/([^/]+)\/lambda\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    lambdaCalls.push(`${request.method} ${request.url} ${region}`);
    const limit = concurrencyByRegion[region] ?? 1000;
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({ AccountLimit: { ConcurrentExecutions: limit, UnreservedConcurrentExecutions: limit } }),
    );
  });
  const lambdaPort = await freePort();
  await new Promise<void>((resolve) => lambda.listen(lambdaPort, '127.0.0.1', resolve));
  lambdaEndpoint = `http://127.0.0.1:${lambdaPort}`;
});
afterAll(() => {
  moto?.kill();
  lambda?.close();
});

const preflight = (args: string[]) =>
  // `npm run preflight` runs this same file with tsx; node with tsx's loader spares npx's start-up.
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/preflight.ts', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_SES: endpoint,
      AWS_ENDPOINT_URL_SSM: endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambdaEndpoint,
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
    // Bootstrapped, with room to run, and no campaign rate above the account's.
    expect(lines(stdout, 'ok')).toEqual(
      expect.arrayContaining([
        'ok       CDK bootstrap: version 30 in eu-central-1 (needs 6+)',
        'ok       Lambda concurrency: 1000 at once in eu-central-1',
        'ok       SES sending rate: 1 mails a second',
      ]),
    );
    // The SDK's own request for the account's settings, signed for the stage's region.
    expect(lambdaCalls).toEqual([expect.stringMatching(/^GET \/2016-08-19\/account-settings\/? eu-central-1$/)]);
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

  it("blocks on a region never bootstrapped, a new account's concurrency and a campaign rate above SES's, saying what to do", async () => {
    const { code, stdout } = await preflight([
      '--stage',
      'pilot',
      '-c',
      'region=eu-west-1',
      '-c',
      'mailFrom=crm@dogru-firma.com.tr',
      '-c',
      'sesMaxSendRate=14',
      '--sandbox-ok',
    ]);
    expect(code).toBe(1);
    const blocks = lines(stdout, 'BLOCKS');
    expect(blocks).toEqual([
      expect.stringContaining(
        'CDK bootstrap: eu-west-1 is not bootstrapped (no /cdk-bootstrap/hnb659fds/version): run npx cdk bootstrap aws://<account>/eu-west-1',
      ),
      expect.stringContaining('Lambda concurrency: the account runs at most 10 functions at once in eu-west-1'),
      // The domain is verified in eu-central-1 only: SES identities are per region.
      expect.stringContaining('SES: neither crm@dogru-firma.com.tr (not added) nor dogru-firma.com.tr (not added)'),
      expect.stringContaining('SES sending rate: campaigns are set to 14 mails a second'),
    ]);
    expect(blocks[1]).toContain('Service Quotas (AWS Lambda, "Concurrent executions", L-B99A9384)');
    expect(blocks[3]).toContain('lower -c sesMaxSendRate to 1');
  });

  it("blocks on a bootstrap older than the app needs, and passes the rate at the account's own", async () => {
    const { code, stdout } = await preflight([
      '--stage',
      'pilot',
      '-c',
      'region=eu-west-3',
      '-c',
      'mailFrom=crm@dogru-firma.com.tr',
      '-c',
      'sesMaxSendRate=1',
      '--sandbox-ok',
    ]);
    expect(code).toBe(1);
    expect(lines(stdout, 'BLOCKS')[0]).toContain(
      'CDK bootstrap: version 5 in eu-west-3, this app needs 6 or later: run npx cdk bootstrap aws://<account>/eu-west-3 again',
    );
    expect(lines(stdout, 'ok')).toContain('ok       SES sending rate: 1 mails a second, campaigns paced at 1');
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
