// `npm run keys -- create|list|revoke`: API keys in the table the environment points at (the local
// stack by default; set TABLE_NAME and AWS credentials to manage a deployed one).
import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../../shared/api-keys.js';
import type { Role } from '../../shared/http.js';
import type { Scope } from '../../shared/manifest.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();

const roles: Role[] = ['rep', 'manager', 'director', 'agent', 'dealer', 'admin'];
const usage = `usage:
  npm run keys -- create --label "Call center" --user agent-1 --role agent --scopes leads:read,leads:write [--usage-plan-key KEY]
  npm run keys -- list
  npm run keys -- revoke <keyId>`;

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

const [command, keyId] = positionals;
if (command === 'create' && values.label && values.user && roles.includes(values.role as Role) && values.scopes) {
  const { key, record } = await createApiKey({
    label: values.label,
    userId: values.user,
    role: values.role as Role,
    scopes: values.scopes.split(',') as Scope[],
    usagePlanKey: values['usage-plan-key'],
  });
  console.log(`Key ${record.keyId} created. Store it now; it is not shown again:\n${key}`);
} else if (command === 'list') {
  for (const k of await listApiKeys()) {
    console.log(`${k.keyId}  ${k.revokedAt ? 'REVOKED' : 'active '}  ${k.role.padEnd(7)}  ${k.userId}  ${k.scopes.join(',')}  ${k.label}`);
  }
} else if (command === 'revoke' && keyId) {
  console.log((await revokeApiKey(keyId)) ? `Revoked ${keyId}.` : `No key ${keyId}.`);
} else {
  console.error(usage);
  process.exit(2);
}
