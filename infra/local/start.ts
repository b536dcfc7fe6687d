// `npm start`: the whole CRM on this machine. Ctrl-C stops every child process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createApiKey } from '../../shared/api-keys.js';
import { scopes } from '../../shared/manifest.js';
import { AlreadyRunningError, claimDataDir, type DataDirClaim } from './instance.js';
import { PortTakenError } from './ports.js';
import { type LocalStack, localPorts, startLocalStack } from './runtime.js';
import { RUN_FILES_BUCKET } from './s3.js';
import { dataDir, demoKeyFile, portBase } from './settings.js';

let claim: DataDirClaim | undefined;
let stack: LocalStack;
try {
  claim = await claimDataDir(dataDir, `http://localhost:${localPorts(portBase).api}`);
  for (const sentence of claim.cleared) console.log(sentence);
  stack = await startLocalStack({ portBase, dataDir, onChildProcess: claim.recordChild });
} catch (error) {
  claim?.release();
  // Expected situations get a sentence and a non-zero exit, not a stack trace.
  if (!(error instanceof AlreadyRunningError || error instanceof PortTakenError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// A manager's key for trying the staff endpoints; kept in .data so it is the same after a restart.
if (!existsSync(demoKeyFile)) {
  const { key } = await createApiKey({
    label: 'demo manager',
    userId: 'mgr-zeynep',
    role: 'manager',
    // Every scope but `admin`, so the demo key can try every staff endpoint.
    scopes: scopes.filter((scope) => scope !== 'admin'),
  });
  writeFileSync(demoKeyFile, key, { mode: 0o600 });
}
const demoKey = readFileSync(demoKeyFile, 'utf8').trim();
const deadLetters = stack.eventBus.deadLetters().length;

console.log(`
Pusula CRM is running locally.

  API            ${stack.urls.api}
  Staff console  ${stack.urls.console}   (sign in as a demo person below)
  Lead form      ${stack.urls.api}/forms/lead   (English: ?lang=en)
  API reference  ${stack.urls.api}/docs   (OpenAPI: ${stack.urls.api}/openapi.json)
  Mail viewer    ${stack.urls.mail}
  SMS viewer     ${stack.urls.sms}   (replies: POST ${stack.urls.sms}/inbound {"from":"+90…","body":"RET"})
  S3             ${stack.urls.s3}   (bucket ${RUN_FILES_BUCKET}: letter runs' PDF parts)
  İYS stand-in   ${stack.urls.iys}   (what the firm sent: /store; a withdrawal at İYS: POST /_iys/changes)
  ERP stand-in   ${stack.urls.erp}   (stock and reservations: /store; POST /_erp/down, /_erp/up, /_erp/stock)
  EventBridge    ${stack.urls.events}
  DynamoDB       ${stack.urls.dynamodb}   (table pusula)
  Cognito        ${stack.urls.cognito}   (pool ${stack.signIn.userPoolId}, console client ${stack.signIn.clientId})
  Data           ${dataDir}   (npm run reset wipes it)

  Demo manager key: ${demoKey}
    curl -H "Authorization: Bearer ${demoKey}" ${stack.urls.api}/leads

  Sign in (local password for everyone: ${stack.signIn.password})
${stack.signIn.people.map((p) => `    ${p.role.padEnd(9)} ${p.email.padEnd(30)} ${p.userId}${p.unitId ? ` (${p.unitId})` : ''}`).join('\n')}
    npm run users -- token ${stack.signIn.people[0]?.email ?? '<email>'}   prints an access token to send as Bearer
${Object.entries(stack.signIn.totpSecrets)
  .map(
    ([email, secret]) => `    ${email} answers an authenticator code as in AWS (admin rights need it):
      TOTP secret ${secret}, or npm run users -- code ${email}`,
  )
  .join('\n')}
${
  deadLetters
    ? `
  ${deadLetters} dead letter(s) from earlier runs. See them, then redrive once the consumer is fixed:
    curl -H "x-pusula-local: 1" ${stack.urls.api}/_local/dead-letters
    curl -X POST -H "x-pusula-local: 1" ${stack.urls.api}/_local/dead-letters/redrive
`
    : ''
}
Ctrl-C to stop.`);

/** Stop never takes longer than this: a part that has not stopped by then is ended with the process. */
const STOP_BUDGET_MS = 5_000;
let stopping = false;
const stop = async () => {
  if (stopping) {
    // A second Ctrl-C: end now (the children are killed as this process exits).
    claim?.release();
    process.exit(130);
  }
  stopping = true;
  const late = setTimeout(() => {
    console.error(`Not every part stopped within ${STOP_BUDGET_MS / 1000} s; ending them with the process.`);
    claim?.release();
    process.exit(1);
  }, STOP_BUDGET_MS);
  await stack.stop();
  clearTimeout(late);
  claim?.release();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
