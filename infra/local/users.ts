// `npm run users -- invite|list|disable|role|token`: people who sign in, in the local pool and table
// by default; set COGNITO_USER_POOL_ID, TABLE_NAME and AWS credentials to manage a deployed one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signInWithPassword } from '../../functions/authorizer/cognito.js';
import { disable, invitePerson, type PersonView, peoplePage, setRole } from '../../functions/people/people.js';
import { readPerson } from '../../functions/people/people-store.js';
import { cliOperator } from '../../shared/audit.js';
import { roles } from '../../shared/http.js';
import { inLanguage } from '../../shared/messages.js';
import { ProblemError } from '../../shared/problems.js';
import { demoTotpSecrets } from './cognito.js';
import { localPorts } from './runtime.js';
import { dataDir, portBase, useLocalTableUnlessConfigured } from './settings.js';
import { totpCode } from './totp.js';

const usage = `usage:
  npm run users -- invite <email> --role <role> [--team <teamId>] [--unit <unitId>] [--user <userId>] [--name "<name>"] [--language tr|en]
  npm run users -- list
  npm run users -- disable <userId>
  npm run users -- role <userId> <role> [--team <teamId>] [--unit <unitId>]
  npm run users -- token <email> [--password <password>]     (local: prints an access token to send as Bearer)
  npm run users -- code <email>     (local: the demo admin's current authenticator code, for the console's sign-in)
roles: ${roles.join(', ')}`;

const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    team: { type: 'string' },
    unit: { type: 'string' },
    user: { type: 'string' },
    name: { type: 'string' },
    language: { type: 'string' },
    password: { type: 'string' },
  },
});

const deployed = Boolean(process.env.COGNITO_USER_POOL_ID);
const cognitoDir = join(dataDir, 'cognito');
useLocalTableUnlessConfigured();
if (!deployed) {
  if (!existsSync(join(cognitoDir, 'pool.json')))
    fail('No local pool yet: run npm start first (or set COGNITO_USER_POOL_ID for a deployed one).');
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??= `http://127.0.0.1:${localPorts(portBase).cognito}/`;
}
const pool = deployed
  ? { userPoolId: process.env.COGNITO_USER_POOL_ID!, clientId: process.env.COGNITO_CLIENT_ID ?? '' }
  : (JSON.parse(readFileSync(join(cognitoDir, 'pool.json'), 'utf8')) as { userPoolId: string; clientId: string });
/** Locally people get the demo password (no mail is sent); in AWS Cognito mails the invitation. */
const localPassword = () =>
  values.password ?? (deployed ? undefined : readFileSync(join(cognitoDir, 'demo-password'), 'utf8').trim());
const seqOf = async (userId: string) => (await readPerson(userId))?.seq ?? 0;

const [command, first, second] = positionals;
const { userPoolId } = pool;
try {
  if (command === 'invite' && first && values.role) {
    const password = localPassword();
    const user = await invitePerson(
      { userPoolId, ...(password ? { invitePassword: password } : {}) },
      {
        email: first,
        role: values.role,
        userId: values.user,
        name: values.name ?? first.split('@')[0],
        teamId: values.team,
        unitId: values.unit,
        language: values.language,
      },
      cliOperator,
    );
    console.log(
      `Invited ${user.email} as ${user.userId} (${user.role}).${deployed ? ' Cognito mails them a temporary password.' : ' Local password: the one npm start prints.'}`,
    );
  } else if (command === 'list') {
    let cursor: string | undefined;
    do {
      const page: { people: PersonView[]; nextCursor?: string } = await peoplePage({ userPoolId }, 50, cursor);
      for (const p of page.people) {
        const state = p.disabledAt || p.signIn?.enabled === false ? 'DISABLED' : 'active  ';
        console.log(
          `${state}  ${p.role.padEnd(8)}  ${p.userId.padEnd(20)}  ${p.email}  ${p.signIn?.status ?? '(no sign-in)'}`,
        );
      }
      cursor = page.nextCursor;
    } while (cursor);
  } else if (command === 'disable' && first) {
    await disable({ userPoolId }, first, await seqOf(first), cliOperator);
    console.log(`Disabled ${first}: their sign-in tokens are refused from now on.`);
  } else if (command === 'role' && first && second) {
    await setRole(
      { userPoolId },
      first,
      { role: second, teamId: values.team, unitId: values.unit, seq: await seqOf(first) },
      cliOperator,
    );
    console.log(`${first} is now ${second}.`);
  } else if (command === 'token' && first) {
    const password = localPassword() ?? fail('--password is required for a deployed pool.');
    console.log((await signInWithPassword(pool.clientId, first, password)).AccessToken);
  } else if (command === 'code' && first && !deployed) {
    const secret =
      demoTotpSecrets(cognitoDir)[first] ?? fail(`${first} has no local authenticator secret (only demo admins do).`);
    console.log(totpCode(secret));
  } else {
    fail(usage, 2);
  }
} catch (error) {
  if (error instanceof ProblemError)
    fail([error.message, ...error.errors.map((e) => `  ${e.path}: ${inLanguage(e.message, 'en')}`)].join('\n'), 2);
  throw error;
}
