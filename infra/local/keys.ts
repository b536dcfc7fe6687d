// `npm run keys -- create|list|revoke`: API keys in the table the environment points at (the local
// stack by default; set TABLE_NAME and AWS credentials to manage a deployed one).
import { parseArgs } from 'node:util';
import { createKey, revokeKey } from '../../functions/people/api-key-admin.js';
import { listApiKeys } from '../../shared/api-keys.js';
import { cliOperator } from '../../shared/audit.js';
import { roles } from '../../shared/http.js';
import { scopes } from '../../shared/manifest.js';
import { inLanguage } from '../../shared/messages.js';
import { NotFoundError, ProblemError } from '../../shared/problems.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();

const usage = `usage:
  npm run keys -- create --label "Call center" --user agent-1 --role agent --scopes leads:read,leads:write [--usage-plan-key KEY]
  npm run keys -- list
  npm run keys -- revoke <keyId>
roles: ${roles.join(', ')}
scopes: ${scopes.join(', ')}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    label: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
    scopes: { type: 'string' },
    'usage-plan-key': { type: 'string' },
  },
});

const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};

const [command, keyId] = positionals;
try {
  if (command === 'create') {
    const { body } = await createKey(
      {
        label: values.label,
        userId: values.user,
        role: values.role,
        scopes: values.scopes?.split(','),
        usagePlanKey: values['usage-plan-key'],
      },
      cliOperator,
    );
    console.log(`Key ${body.keyId} created. Store it now; it is not shown again:\n${body.key}`);
  } else if (command === 'list') {
    for (const k of await listApiKeys()) {
      console.log(
        `${k.keyId}  ${k.revokedAt ? 'REVOKED' : 'active '}  ${k.role.padEnd(7)}  ${k.userId}  ${k.scopes.join(',')}  ${k.label}`,
      );
    }
  } else if (command === 'revoke' && keyId) {
    await revokeKey(keyId, cliOperator);
    console.log(`Revoked ${keyId}.`);
  } else {
    fail(usage, 2);
  }
} catch (error) {
  if (error instanceof NotFoundError)
    fail(`No key ${keyId}; nothing was revoked (npm run keys -- list shows the ids).`);
  if (error instanceof ProblemError)
    fail(`No key created:\n  ${error.errors.map((e) => inLanguage(e.message, 'en')).join('\n  ')}\n\n${usage}`, 2);
  throw error;
}
