// `npm run users -- invite|list|disable|role|token`: people who sign in, in the local pool and table
// by default; set COGNITO_USER_POOL_ID, TABLE_NAME and AWS credentials to manage a deployed one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signInWithPassword } from '../../functions/authorizer/cognito.js';
import { roles } from '../../shared/http.js';
import { disable, invitePerson, listPeople, PeopleError, setRole } from './people.js';
import { localPorts } from './runtime.js';
import { dataDir, portBase, useLocalTableUnlessConfigured } from './settings.js';

const usage = `usage:
  npm run users -- invite <email> --role <role> [--team <teamId>] [--unit <unitId>] [--user <userId>] [--name "<name>"] [--language tr|en]
  npm run users -- list
  npm run users -- disable <userId>
  npm run users -- role <userId> <role>
  npm run users -- token <email> [--password <password>]     (local: prints an access token to send as Bearer)
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
  if (!existsSync(join(cognitoDir, 'pool.json'))) fail('No local pool yet: run npm start first (or set COGNITO_USER_POOL_ID for a deployed one).');
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??= `http://127.0.0.1:${localPorts(portBase).cognito}/`;
}
const pool = deployed
  ? { userPoolId: process.env.COGNITO_USER_POOL_ID!, clientId: process.env.COGNITO_CLIENT_ID ?? '' }
  : (JSON.parse(readFileSync(join(cognitoDir, 'pool.json'), 'utf8')) as { userPoolId: string; clientId: string });
/** Locally people get the demo password (no mail is sent); in AWS Cognito mails the invitation. */
const localPassword = () => values.password ?? (deployed ? undefined : readFileSync(join(cognitoDir, 'demo-password'), 'utf8').trim());

const [command, first, second] = positionals;
try {
  if (command === 'invite' && first && values.role) {
    const user = await invitePerson(pool.userPoolId, {
      email: first,
      role: values.role,
      userId: values.user,
      name: values.name,
      teamId: values.team,
      unitId: values.unit,
      language: values.language,
      password: localPassword(),
    });
    console.log(`Invited ${user.email} as ${user.userId} (${user.role}).${deployed ? ' Cognito mails them a temporary password.' : ' Local password: the one npm start prints.'}`);
  } else if (command === 'list') {
    for (const p of await listPeople(pool.userPoolId)) {
      const state = !p.enabled || p.user?.disabledAt ? 'DISABLED' : 'active  ';
      console.log(`${state}  ${(p.user?.role ?? '-').padEnd(8)}  ${(p.user?.userId ?? '(no directory user)').padEnd(20)}  ${p.email}`);
    }
  } else if (command === 'disable' && first) {
    await disable(pool.userPoolId, first);
    console.log(`Disabled ${first}: their sign-in tokens are refused from now on.`);
  } else if (command === 'role' && first && second) {
    await setRole(pool.userPoolId, first, second);
    console.log(`${first} is now ${second}.`);
  } else if (command === 'token' && first) {
    const password = localPassword() ?? fail('--password is required for a deployed pool.');
    console.log((await signInWithPassword(pool.clientId, first, password)).AccessToken);
  } else {
    fail(usage, 2);
  }
} catch (error) {
  if (error instanceof PeopleError) fail(error.message, 2);
  throw error;
}
