// `npm run preflight -- --stage X [-c key=value …] [--sandbox-ok]`: before a deploy, what would block
// it, from read-only AWS calls and the same context checks synth makes. Exit code 1 when something
// blocks, 0 when nothing does (warnings included). It reads cdk.json's context as `cdk` does; `-c`
// values override it. The AWS calls go wherever the SDK's settings point (profile, AWS_ENDPOINT_URL_SES,
// AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_LAMBDA). Each check is one line: its name, ok or not, what to do.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, SES } from '@aws-sdk/client-ses';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { repoRoot } from './constructs/crm-function.js';
import { type DeployContext, deployContext } from './deploy-context.js';

const usage = 'usage: npm run preflight -- --stage <stage> [-c key=value ...] [--sandbox-ok]';

/** SES's quota in the sandbox (SES Developer Guide, "Request production access"): 200 a day, 1 a second. */
const SANDBOX_DAILY_QUOTA = 200;

/**
 * The bootstrap version this app's templates and assets need: aws-cdk-lib's DefaultStackSynthesizer
 * checks `BootstrapVersion` against 6 (every template's CheckBootstrapVersion rule).
 */
const MIN_BOOTSTRAP_VERSION = 6;

/** Lambda's default concurrency quota; a new account may start far lower (10). */
const LAMBDA_DEFAULT_CONCURRENCY = 1000;
/** Below this, a handful of simultaneous API calls and event deliveries already throttle each other. */
const LAMBDA_WORKABLE_CONCURRENCY = 100;

interface Finding {
  level: 'ok' | 'warn' | 'block';
  text: string;
}

const contextOf = (stage: string | undefined, pairs: string[]) => {
  const fromFile = JSON.parse(readFileSync(`${repoRoot}cdk.json`, 'utf8')).context ?? {};
  const given: Record<string, unknown> = { ...fromFile, ...(stage ? { stage } : {}) };
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`-c takes key=value; got ${JSON.stringify(pair)}.\n${usage}`);
    given[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return given;
};

const sesFindings = async (context: DeployContext, sandboxOk: boolean): Promise<Finding[]> => {
  const ses = new SES({ region: context.region });
  const { address, domain } = context.mailFrom;
  const findings: Finding[] = [];
  const { VerificationAttributes: found = {} } = await ses.send(
    new GetIdentityVerificationAttributesCommand({ Identities: [address, domain] }),
  );
  const status = (identity: string) => found[identity]?.VerificationStatus ?? 'not added';
  if (status(address) === 'Success' || status(domain) === 'Success') {
    findings.push({ level: 'ok', text: `SES: ${status(domain) === 'Success' ? domain : address} is verified` });
  } else {
    findings.push({
      level: 'block',
      text:
        `SES: neither ${address} (${status(address)}) nor ${domain} (${status(domain)}) is verified in ` +
        `${context.region}: every mail would be refused. Verify the domain (DKIM records) in the SES console.`,
    });
  }
  const quota = await ses.send(new GetSendQuotaCommand({}));
  findings.push(sendingRateFinding(context, quota.MaxSendRate ?? 0));
  if ((quota.Max24HourSend ?? 0) <= SANDBOX_DAILY_QUOTA) {
    findings.push({
      level: sandboxOk ? 'warn' : 'block',
      text:
        `SES: the account is in the sandbox in ${context.region} (${quota.Max24HourSend} mails a day, ` +
        `${quota.MaxSendRate} a second, only to verified addresses): customers would get no mail. Request ` +
        'production access (docs/deployment.md)' +
        (sandboxOk ? '; accepted with --sandbox-ok.' : ', or pass --sandbox-ok for a stage only staff use.'),
    });
  } else {
    findings.push({ level: 'ok', text: `SES: production access, ${quota.Max24HourSend} mails a day` });
  }
  return findings;
};

// Campaigns pace their sends at SES_MAX_SEND_RATE (context sesMaxSendRate): above the account's
// rate SES refuses the excess with Throttling.
const sendingRateFinding = (context: DeployContext, accountRate: number): Finding => {
  const configured = Number(context.marketing.SES_MAX_SEND_RATE ?? 0);
  if (configured > accountRate) {
    return {
      level: 'block',
      text:
        `SES sending rate: campaigns are set to ${configured} mails a second (sesMaxSendRate) but the account ` +
        `sends at most ${accountRate} a second in ${context.region}: lower -c sesMaxSendRate to ${accountRate} ` +
        'or ask AWS Support for a higher sending rate.',
    };
  }
  return {
    level: 'ok',
    text: `SES sending rate: ${accountRate} mails a second${configured ? `, campaigns paced at ${configured}` : ''}`,
  };
};

// `cdk bootstrap` writes its version to this parameter; `cdk deploy` and every template read it.
const bootstrapFinding = async (region: string, qualifier: string): Promise<Finding> => {
  const name = `/cdk-bootstrap/${qualifier}/version`;
  const bootstrap = `npx cdk bootstrap aws://<account>/${region}`;
  try {
    const { Parameter } = await new SSMClient({ region }).send(new GetParameterCommand({ Name: name }));
    const version = Number(Parameter?.Value);
    if (!(version >= MIN_BOOTSTRAP_VERSION)) {
      return {
        level: 'block',
        text: `CDK bootstrap: version ${Parameter?.Value} in ${region}, this app needs ${MIN_BOOTSTRAP_VERSION} or later: run ${bootstrap} again to upgrade it.`,
      };
    }
    return { level: 'ok', text: `CDK bootstrap: version ${version} in ${region} (needs ${MIN_BOOTSTRAP_VERSION}+)` };
  } catch (error) {
    if (error instanceof ParameterNotFound) {
      return {
        level: 'block',
        text: `CDK bootstrap: ${region} is not bootstrapped (no ${name}): run ${bootstrap} once per account and region.`,
      };
    }
    throw error;
  }
};

const lambdaFinding = async (region: string): Promise<Finding> => {
  const settings = await new LambdaClient({ region }).send(new GetAccountSettingsCommand({}));
  const limit = settings.AccountLimit?.ConcurrentExecutions ?? 0;
  const raise =
    `request ${LAMBDA_DEFAULT_CONCURRENCY} in Service Quotas (AWS Lambda, "Concurrent executions", L-B99A9384) ` +
    `for ${region}`;
  if (limit < LAMBDA_WORKABLE_CONCURRENCY) {
    return {
      level: 'block',
      text: `Lambda concurrency: the account runs at most ${limit} functions at once in ${region}, which every API call, event and schedule shares: ${raise}.`,
    };
  }
  if (limit < LAMBDA_DEFAULT_CONCURRENCY) {
    return {
      level: 'warn',
      text: `Lambda concurrency: ${limit} at once in ${region}, below the usual ${LAMBDA_DEFAULT_CONCURRENCY}: ${raise}.`,
    };
  }
  return { level: 'ok', text: `Lambda concurrency: ${limit} at once in ${region}` };
};

/** One named check; a failed AWS call is a finding of its own, not the end of the run. */
const check = async (name: string, run: () => Promise<Finding | Finding[]>): Promise<Finding[]> => {
  try {
    return [await run()].flat();
  } catch (error) {
    return [{ level: 'block', text: `${name}: could not ask (${(error as Error).name}: ${(error as Error).message})` }];
  }
};

/** Every finding for the given arguments; AWS is asked only when the context is complete. */
const preflight = async (args: string[]): Promise<Finding[]> => {
  const { values } = parseArgs({
    args,
    options: {
      stage: { type: 'string' },
      context: { type: 'string', short: 'c', multiple: true },
      'sandbox-ok': { type: 'boolean' },
    },
  });
  if (!values.stage) return [{ level: 'block', text: `No --stage given.\n${usage}` }];
  let context: DeployContext;
  let given: Record<string, unknown>;
  try {
    given = contextOf(values.stage, values.context ?? []);
    context = deployContext((key) => given[key]);
  } catch (error) {
    return [{ level: 'block', text: `Context: ${(error as Error).message}` }];
  }
  const findings: Finding[] = [
    {
      level: 'ok',
      text: `Context: stage ${context.stage} in ${context.region}, mail from ${context.mailFrom.address}`,
    },
  ];
  if (!context.alarmEmail) {
    findings.push({ level: 'warn', text: 'Context: no alarmEmail, so no alarm reaches anyone by mail.' });
  }
  const qualifier = String(given['@aws-cdk/core:bootstrapQualifier'] ?? 'hnb659fds');
  findings.push(
    ...(await check('CDK bootstrap', () => bootstrapFinding(context.region, qualifier))),
    ...(await check('Lambda concurrency', () => lambdaFinding(context.region))),
    ...(await check('SES', () => sesFindings(context, values['sandbox-ok'] === true))),
  );
  return findings;
};

const marks = { ok: 'ok     ', warn: 'warning', block: 'BLOCKS ' } as const;

const findings = await preflight(process.argv.slice(2));
for (const { level, text } of findings) console.log(`${marks[level]}  ${text}`);
const blocked = findings.some((finding) => finding.level === 'block');
console.log(blocked ? 'Preflight: a deploy would fail; fix what BLOCKS first.' : 'Preflight: nothing blocks a deploy.');
process.exit(blocked ? 1 : 0);
