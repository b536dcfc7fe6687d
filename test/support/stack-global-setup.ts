// End-to-end tests: the whole local stack in memory, plus API keys for each kind of caller.
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infra/local/runtime.js';
import { createApiKey, revokeApiKey } from '../../shared/api-keys.js';
import type { Role } from '../../shared/http.js';
import type { Scope } from '../../shared/manifest.js';
import { type AccessActor, accessActors } from './access-actors.js';

const PORT_BASE = Number(process.env.PUSULA_TEST_PORT ?? 3100);

declare module 'vitest' {
  export interface ProvidedContext {
    api: string;
    mail: string;
    /** The local SMS stand-in (texts sent at /store, replies played at /inbound). */
    sms: string;
    /** The local İYS stand-in (what the firm sent at /store, a change at İYS played at /_iys/changes). */
    iys: string;
    /** The local ERP stand-in (stock and reservations at /store; /_erp/down, /_erp/up, /_erp/stock). */
    erp: string;
    dynamodb: string;
    /** `managerOtherKey`: the same manager through a second key (another caller for Idempotency-Key). */
    keys: {
      manager: string;
      managerOtherKey: string;
      repAyse: string;
      repMehmet: string;
      readOnly: string;
      revoked: string;
    };
    /** Keys for the quote suites: reps, the two managers, the director, a catalogue admin. */
    quoteKeys: {
      repAyse: string;
      repJohn: string;
      manager: string;
      managerSelin: string;
      director: string;
      catalogueAdmin: string;
    };
    /** The local EventBridge endpoint, for redelivering an event as EventBridge may. */
    events: string;
    /** Keys for the order suites: a web shop, two dealers' people, a manager, a routing admin. */
    orderKeys: { shop: string; dealerAnkara: string; dealerIzmir: string; manager: string; routingAdmin: string };
    /** Keys for the customer suites: the call center's agent, and two reps (each reaches only customers they own). */
    customerKeys: { agent: string; repAyse: string; repMehmet: string };
    /** Keys for the case suites: a call-center agent, the firm's director, the customer-service department's manager. */
    caseKeys: { agent: string; director: string; department: string };
    /** Keys for the customer record suite (functions/customers): a rep and a manager who read and write customers. */
    customerRecordKeys: { repAyse: string; manager: string };
    // merge (functions/customers): an admin who merges and reads customers, and a rep (reps may not merge).
    mergeKeys: { admin: string; rep: string };
    /** Keys for the call-center request suites: the call center's agent and two dealers' people. */
    requestKeys: { agent: string; dealerAnkara: string; dealerIzmir: string };
    /** Keys for the opportunity suites (opportunities, quotes, leads): two reps of team-istanbul, one of team-export, its manager, the director. */
    opportunityKeys: { repAyse: string; repMehmet: string; repJohn: string; managerSelin: string; director: string };
    /** Campaigns: the marketer (campaigns:read and campaigns:write), and a read-only key of hers. */
    campaignKeys: { marketer: string; readOnly: string };
    /** Keys for the activity suites: the call center's agent (logs calls and callbacks), a rep. */
    activityKeys: { agent: string; repAyse: string };
    /** Keys for the analytics suites (analytics): the firm's manager and director read, an admin imports. */
    analyticsKeys: { manager: string; director: string; admin: string };
    /** Loyalty: its admin (rules), two tills, a marketer (segments and coupon campaigns), the call center's agent. */
    loyaltyKeys: { admin: string; till1: string; till2: string; marketer: string; agent: string };
    /** Sign-in for people: the local pool, its console client, and the demo people's password. */
    /** `signingKeyFile`: the pool's own signing key (made for this run), for tokens a test signs as the pool;
     * `totpSecrets`: the demo admins' authenticator secrets, by e-mail. */
    signIn: {
      userPoolId: string;
      clientId: string;
      issuer: string;
      password: string;
      signingKeyFile: string;
      totpSecrets: Record<string, string>;
    };
    // console rules (console-rules): an admin of routing, the catalogue and approval policy, and analytics.
    consoleRulesKeys: { admin: string };
    // people and keys managed over the API (admin): the demo admin's key holding `admin`
    peopleKeys: { admin: string };
    /** Texts and channels: a director's key with campaigns and customers, read and write. */
    smsKeys: { staff: string };
    /** The access matrix: one key per kind of person, all with the same reading scopes, and the shop's narrow key. */
    accessKeys: Record<AccessActor, string>;
  }
}

export default async function setup(project: TestProject) {
  // Generous public rate limit: the hostile-input test alone sends hundreds of requests from one IP.
  // Schedules fire only when a test asks: an hourly sweep landing mid-test would write to the table.
  // A consumer that keeps failing dead-letters within seconds here, not after a day of EventBridge-like retries.
  // The stories run at any hour: no quiet hours here (the unit tests hold their edges).
  process.env.QUIET_HOURS = 'none';
  // Import jobs in chunks of 100 rows: a story's file of a few thousand rows takes long enough to reload mid-way.
  process.env.IMPORT_CHUNK_ROWS = '100';
  const stack = await startLocalStack({
    portBase: PORT_BASE,
    quiet: true,
    publicRateLimit: 5000,
    scheduleTimers: false,
    eventRetry: { attempts: 5, baseDelayMs: 200 },
  });
  const key = async (userId: string, role: 'rep' | 'manager', scopes: ('leads:read' | 'leads:write')[]) =>
    (await createApiKey({ label: `test ${userId}`, userId, role, scopes })).key;
  const revoked = await createApiKey({ label: 'revoked', userId: 'rep-ayse', role: 'rep', scopes: ['leads:read'] });
  await revokeApiKey(revoked.record.keyId);
  project.provide('api', stack.urls.api);
  project.provide('mail', stack.urls.mail);
  project.provide('sms', stack.urls.sms);
  project.provide('iys', stack.urls.iys);
  project.provide('erp', stack.urls.erp);
  project.provide('dynamodb', stack.urls.dynamodb);
  project.provide('keys', {
    manager: await key('mgr-zeynep', 'manager', ['leads:read', 'leads:write']),
    repAyse: await key('rep-ayse', 'rep', ['leads:read', 'leads:write']),
    repMehmet: await key('rep-mehmet', 'rep', ['leads:read', 'leads:write']),
    managerOtherKey: await key('mgr-zeynep', 'manager', ['leads:read', 'leads:write']),
    readOnly: await key('mgr-zeynep', 'manager', ['leads:read']),
    revoked: revoked.key,
  });
  const quoteKey = async (userId: string, role: Role, scopes: Scope[]) =>
    (await createApiKey({ label: `test quotes ${userId}`, userId, role, scopes })).key;
  const staff: Scope[] = ['quotes:read', 'quotes:write', 'leads:read'];
  project.provide('quoteKeys', {
    repAyse: await quoteKey('rep-ayse', 'rep', staff),
    repJohn: await quoteKey('rep-john', 'rep', staff),
    manager: await quoteKey('mgr-zeynep', 'manager', [...staff, 'quotes:approve']),
    managerSelin: await quoteKey('mgr-selin', 'manager', [...staff, 'quotes:approve']),
    director: await quoteKey('dir-kemal', 'director', [...staff, 'quotes:approve']),
    catalogueAdmin: await quoteKey('admin-catalogue', 'admin', ['catalogue:read', 'catalogue:write']),
  });
  project.provide('events', stack.urls.events);
  project.provide('orderKeys', {
    shop: await quoteKey('shop-web', 'agent', ['orders:read', 'orders:write']),
    dealerAnkara: await quoteKey('dealer-ankara-ali', 'dealer', ['orders:read', 'orders:write']),
    dealerIzmir: await quoteKey('dealer-izmir-ece', 'dealer', ['orders:read', 'orders:write']),
    manager: await quoteKey('mgr-zeynep', 'manager', ['orders:read', 'orders:write']),
    routingAdmin: await quoteKey('admin-routing', 'admin', ['routing:admin']),
  });
  const customerRead: Scope[] = ['customers:read'];
  project.provide('customerKeys', {
    agent: await quoteKey('agent-deniz', 'agent', customerRead),
    repAyse: await quoteKey('rep-ayse', 'rep', customerRead),
    repMehmet: await quoteKey('rep-mehmet', 'rep', customerRead),
  });
  const caseScopes: Scope[] = ['cases:read', 'cases:write'];
  project.provide('caseKeys', {
    agent: await quoteKey('agent-cem', 'agent', caseScopes),
    director: await quoteKey('dir-kemal', 'director', caseScopes),
    department: await quoteKey('mgr-hakan', 'manager', caseScopes),
  });
  // the customer record (functions/customers)
  const customerWrite: Scope[] = ['customers:read', 'customers:write'];
  project.provide('customerRecordKeys', {
    repAyse: await quoteKey('rep-ayse', 'rep', customerWrite),
    manager: await quoteKey('mgr-zeynep', 'manager', customerWrite),
  });
  // merge (functions/customers)
  const mergeScopes: Scope[] = ['customers:merge', 'customers:read'];
  project.provide('mergeKeys', {
    admin: await quoteKey('admin-merge', 'admin', mergeScopes),
    rep: await quoteKey('rep-ayse', 'rep', mergeScopes),
  });
  // call-center requests to dealers
  const requestScopes: Scope[] = ['requests:read', 'requests:write'];
  project.provide('requestKeys', {
    agent: await quoteKey('agent-deniz', 'agent', ['customers:read', ...requestScopes]),
    dealerAnkara: await quoteKey('dealer-ankara-ali', 'dealer', requestScopes),
    dealerIzmir: await quoteKey('dealer-izmir-ece', 'dealer', requestScopes),
  });
  // opportunities
  const opportunityScopes: Scope[] = [
    'opportunities:read',
    'opportunities:write',
    'quotes:read',
    'quotes:write',
    'leads:read',
    'leads:write',
  ];
  project.provide('opportunityKeys', {
    repAyse: await quoteKey('rep-ayse', 'rep', opportunityScopes),
    repMehmet: await quoteKey('rep-mehmet', 'rep', opportunityScopes),
    repJohn: await quoteKey('rep-john', 'rep', opportunityScopes),
    managerSelin: await quoteKey('mgr-selin', 'manager', opportunityScopes),
    director: await quoteKey('dir-kemal', 'director', opportunityScopes),
  });
  // campaigns
  project.provide('campaignKeys', {
    marketer: await quoteKey('mkt-elif', 'manager', ['campaigns:read', 'campaigns:write']),
    readOnly: await quoteKey('mkt-elif', 'manager', ['campaigns:read']),
  });
  // activities: reading is customers:read, logging and editing activities:write
  const activityScopes: Scope[] = ['customers:read', 'activities:write'];
  project.provide('activityKeys', {
    agent: await quoteKey('agent-deniz', 'agent', activityScopes),
    repAyse: await quoteKey('rep-ayse', 'rep', activityScopes),
  });
  // analytics
  project.provide('analyticsKeys', {
    manager: await quoteKey('mgr-zeynep', 'manager', ['analytics:read']),
    director: await quoteKey('dir-kemal', 'director', ['analytics:read']),
    admin: await quoteKey('admin-analytics', 'admin', ['analytics:admin', 'analytics:read']),
  });
  // loyalty: tills redeem with loyalty:write alone; the agent reads any member's points
  project.provide('loyaltyKeys', {
    admin: await quoteKey('admin-loyalty', 'admin', ['loyalty:admin', 'loyalty:read']),
    till1: await quoteKey('pos-till-1', 'agent', ['loyalty:write']),
    till2: await quoteKey('pos-till-2', 'agent', ['loyalty:write']),
    marketer: await quoteKey('mkt-elif', 'manager', [
      'campaigns:read',
      'campaigns:write',
      'loyalty:read',
      'loyalty:write',
    ]),
    agent: await quoteKey('agent-deniz', 'agent', ['loyalty:read']),
  });
  // sign-in for people
  const { userPoolId, clientId, password, signingKeyFile, totpSecrets } = stack.signIn;
  const issuer = process.env.COGNITO_ISSUER!;
  project.provide('signIn', { userPoolId, clientId, password, signingKeyFile, totpSecrets, issuer });
  // console rules (console-rules)
  project.provide('consoleRulesKeys', {
    admin: await quoteKey('admin-elif', 'admin', [
      'routing:admin',
      'catalogue:read',
      'catalogue:write',
      'analytics:read',
      'analytics:admin',
    ]),
  });
  // people and keys managed over the API (admin): locally only a key holds `admin` (no MFA here)
  project.provide('peopleKeys', { admin: await quoteKey('admin-elif', 'admin', ['admin']) });
  // the access matrix: the scopes are alike, so only the access rule tells the answers apart
  const wide: Scope[] = [
    'customers:read',
    'customers:write',
    'cases:read',
    'cases:write',
    'orders:read',
    'orders:write',
  ];
  const matrixScopes: Scope[] = [...wide, 'campaigns:read', 'campaigns:write', 'analytics:read'];
  const accessKeys = {} as Record<AccessActor, string>;
  for (const [name, actor] of Object.entries(accessActors) as [AccessActor, (typeof accessActors)[AccessActor]][]) {
    accessKeys[name] = await quoteKey(
      actor.userId,
      actor.role,
      name === 'integration' ? ['orders:read', 'orders:write'] : matrixScopes,
    );
  }
  project.provide('accessKeys', accessKeys);
  // texts and channels
  project.provide('smsKeys', {
    staff: await quoteKey('dir-kemal', 'director', [
      'campaigns:read',
      'campaigns:write',
      'customers:read',
      'customers:write',
    ]),
  });
  return () => stack.stop();
}
