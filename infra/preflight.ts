// `npm run preflight -- --stage X [-c key=value …] [--sandbox-ok]`: before a deploy, what would block
// it, from read-only AWS calls and the same context checks synth makes. Exit code 1 when something
// blocks, 0 when nothing does (warnings included). It reads cdk.json's context as `cdk` does; `-c`
// values override it. The AWS calls go wherever the SDK's settings point (profile, AWS_ENDPOINT_URL_SES).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, SES } from '@aws-sdk/client-ses';
import { repoRoot } from './constructs/crm-function.js';
import { type DeployContext, deployContext } from './deploy-context.js';

const usage = 'usage: npm run preflight -- --stage <stage> [-c key=value ...] [--sandbox-ok]';

/** SES's quota in the sandbox (SES Developer Guide, "Request production access"): 200 a day, 1 a second. */
const SANDBOX_DAILY_QUOTA = 200;

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
  try {
    const given = contextOf(values.stage, values.context ?? []);
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
  try {
    findings.push(...(await sesFindings(context, values['sandbox-ok'] === true)));
  } catch (error) {
    findings.push({
      level: 'block',
      text: `SES: could not ask (${(error as Error).name}: ${(error as Error).message})`,
    });
  }
  return findings;
};

const marks = { ok: 'ok     ', warn: 'warning', block: 'BLOCKS ' } as const;

const findings = await preflight(process.argv.slice(2));
for (const { level, text } of findings) console.log(`${marks[level]}  ${text}`);
const blocked = findings.some((finding) => finding.level === 'block');
console.log(blocked ? 'Preflight: a deploy would fail; fix what BLOCKS first.' : 'Preflight: nothing blocks a deploy.');
process.exit(blocked ? 1 : 0);
