// `npm run keys -- create|list|revoke`: API keys in the table the environment points at (the local
// stack by default; set TABLE_NAME and AWS credentials to manage a deployed one).
import { parseArgs } from 'node:util';
import { createApiKey, keyRequestProblems, listApiKeys, revokeApiKey } from '../../shared/api-keys.js';
import { type Role, roles } from '../../shared/http.js';
import { type Scope, scopes } from '../../shared/manifest.js';
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
if (command === 'create') {
  const request = { label: values.label, userId: values.user, role: values.role, scopes: values.scopes };
  const problems = await keyRequestProblems(request);
  if (problems.length) fail(`No key created:\n  ${problems.join('\n  ')}\n\n${usage}`, 2);
  const { key, record } = await createApiKey({
    label: values.label!,
    userId: values.user!,
    role: values.role as Role,
    scopes: values.scopes!.split(',').map((s) => s.trim()) as Scope[],
    usagePlanKey: values['usage-plan-key'],
  });
  console.log(`Key ${record.keyId} created. Store it now; it is not shown again:\n${key}`);
} else if (command === 'list') {
  for (const k of await listApiKeys()) {
    console.log(`${k.keyId}  ${k.revokedAt ? 'REVOKED' : 'active '}  ${k.role.padEnd(7)}  ${k.userId}  ${k.scopes.join(',')}  ${k.label}`);
  }
} else if (command === 'revoke' && keyId) {
  if (!(await revokeApiKey(keyId))) fail(`No key ${keyId}; nothing was revoked (npm run keys -- list shows the ids).`);
  console.log(`Revoked ${keyId}.`);
} else {
  fail(usage, 2);
}
