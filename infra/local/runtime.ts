// The whole CRM on one machine: DynamoDB Local, the SES endpoint with its mail viewer, a local
// EventBridge endpoint, the outbox relay fed from the table stream, the scheduler and the HTTP API,
// all driven by the same manifests and handler modules the CDK stack deploys.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import sesModule from 'aws-ses-v2-local';
import { platform, publicRateLimitPer5Minutes, useCases } from '../../functions/manifests.js';
import { clockNow, setClock } from '../../shared/clock.js';
import { getUser } from '../../shared/directory.js';
import { functionId } from '../../shared/manifest.js';
import { type CognitoOptions, demoPassword, ensureDemoPeople, ensurePool, startCognito } from './cognito.js';
import { consoleSite } from './console-site.js';
import { demoSignInUserIds, loadReferenceData } from './demo-data.js';
import { ensureTable, localCredentials, localRegion, startDynamoDb } from './dynamodb.js';
import { startErpStandIn } from './erp.js';
import { type RetryPolicy, startEventBus } from './event-bus.js';
import { invoke } from './functions.js';
import { startHttpApi } from './http-api.js';
import { LOCAL_IYS, startIysStandIn } from './iys.js';
import { asPortTaken, assertPortsFree } from './ports.js';
import { closeServer } from './processes.js';
import { RUN_FILES_BUCKET, startS3StandIn } from './s3.js';
import { startScheduler } from './scheduler.js';
import { sesEventControl } from './ses-events.js';
import { sesHeadersFront } from './ses-headers.js';
import { startSmsStandIn } from './sms.js';
import { startStreamTailer } from './stream-tailer.js';

export const TABLE_NAME = 'pusula';
export const BUS_NAME = 'crm';
/** The configuration set every send names; the local SES endpoint accepts it and keeps nothing. */
export const SES_CONFIGURATION_SET = 'pusula-local';
/** The SMS configuration set and sender ID every text names; the stand-in keeps both on each text. */
export const SMS_CONFIGURATION_SET = 'pusula-local-sms';
export const SMS_SENDER_ID = 'PUSULA';

export const localPorts = (base: number) => ({
  api: base,
  dynamodb: base + 1,
  ses: base + 2,
  events: base + 3,
  cognito: base + 4,
  sms: base + 5,
  s3: base + 6,
  // +7 is kept for another stand-in.
  iys: base + 8,
  erp: base + 9,
});

export interface LocalStackOptions {
  portBase: number;
  /** Where data lives across restarts; without it everything is in memory (tests). */
  dataDir?: string;
  /** Warnings only, for tests and benchmarks. */
  quiet?: boolean;
  /**
   * Every answer checked against its route's declared schema (default on: tests catch a drifting
   * answer). The bench turns it off to time what AWS runs, where no answer is checked.
   */
  checkResponses?: boolean;
  publicRateLimit?: number;
  /** false: schedules fire only on request (`POST /_local/schedules/<name>/fire`), as tests want. */
  scheduleTimers?: boolean;
  /** Rule targets' retries; EventBridge-like (minutes apart, for a day) unless a test shrinks them. */
  eventRetry?: Partial<RetryPolicy>;
  /** Learns each child process started (DynamoDB Local's Java, cognito-local), to find them if this process dies. */
  onChildProcess?: (name: string, pid: number) => void;
}

/** The environment every handler sees, as the CDK stack sets it in AWS. */
const environment = (
  ports: ReturnType<typeof localPorts>,
  signingSecret: string,
  quiet: boolean,
  checkResponses: boolean,
) => ({
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: `http://127.0.0.1:${ports.dynamodb}`,
  AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${ports.ses}`,
  AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${ports.events}`,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `http://127.0.0.1:${ports.cognito}/`,
  AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: `http://127.0.0.1:${ports.sms}`,
  AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
  RUN_FILES_BUCKET,
  IYS_URL: `http://127.0.0.1:${ports.iys}`,
  IYS_CODE: LOCAL_IYS.iysCode,
  IYS_BRAND_CODE: LOCAL_IYS.brandCode,
  IYS_USERNAME: LOCAL_IYS.username,
  IYS_PASSWORD: LOCAL_IYS.password,
  ERP_URL: `http://127.0.0.1:${ports.erp}`,
  TABLE_NAME,
  EVENT_BUS_NAME: BUS_NAME,
  MAIL_FROM: 'Pusula CRM <crm@example.com>',
  PUBLIC_BASE_URL: `http://localhost:${ports.api}`,
  CONSOLE_URL: `http://localhost:${ports.api}/console/`,
  CORS_ORIGINS: `http://localhost:${ports.api},http://127.0.0.1:${ports.api}`,
  FALLBACK_NOTIFY_EMAIL: 'sales-queue@example.com',
  SES_CONFIGURATION_SET,
  SMS_CONFIGURATION_SET,
  SMS_SENDER_ID,
  SIGNING_SECRET: signingSecret,
  CHECK_RESPONSES: String(checkResponses),
  // Webhook receivers on this machine (a test's own server) are allowed here, never in AWS.
  WEBHOOKS_ALLOW_LOOPBACK: 'true',
  POWERTOOLS_SERVICE_NAME: 'pusula',
  POWERTOOLS_LOG_LEVEL: quiet ? 'ERROR' : 'INFO',
  POWERTOOLS_METRICS_DISABLED: 'true',
  // Node 20 here, 24 on Lambda: the SDK's reminder about Node 22 is noise locally.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

/** A secret that survives restarts with the data, so links in already-sent mail keep working. */
const signingSecretFor = (dataDir?: string) => {
  const secret = () => randomBytes(32).toString('base64url');
  if (!dataDir) return secret();
  const file = join(dataDir, 'signing-secret');
  if (!existsSync(file)) writeFileSync(file, secret(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

/**
 * `/_local/clock`: GET reads the CRM's clock, `POST ?at=<ISO instant>` moves it there (it runs on from
 * that instant for every route, consumer and job), DELETE puts it back to real time.
 */
const clockControl = (method: string | undefined, at: string | null) => {
  if (method === 'POST') {
    if (at === null || !Number.isFinite(Date.parse(at)))
      return { status: 400, body: { code: 'validation-failed', detail: 'at must be an ISO instant' } };
    setClock(new Date(at));
  } else if (method === 'DELETE') setClock(undefined);
  return { status: 200, body: { now: clockNow().toISOString() } };
};

const startSes = async (port: number) => {
  // A CommonJS default export: Node's ESM loader may hand over the module object rather than the function.
  type Start = (c: { port: number; host: string }) => Promise<Server>;
  const module = sesModule as unknown as { default?: Start };
  const start = module.default ?? (sesModule as unknown as Start);
  // On a free port behind the front that keeps each message's headers (List-Unsubscribe) for /store.
  const server = await start({ port: 0, host: '127.0.0.1' });
  const front = await sesHeadersFront((server.address() as AddressInfo).port, port, '127.0.0.1');
  // It never answers some requests (GetSendQuota), so closing must not wait for their connections.
  return { url: `http://localhost:${port}`, close: () => Promise.all([closeServer(front), closeServer(server)]) };
};

/**
 * cognito-local with the pool, the console's client and the demo people; the authorizer and the
 * sign-out function get the pool's ids and its local issuer, as the CDK gives them the real pool's.
 */
const startSignIn = async (
  port: number,
  documents: DynamoDBDocumentClient,
  dir: string | undefined,
  options: CognitoOptions,
) => {
  const cognito = await startCognito(port, dir, options);
  try {
    const pool = await ensurePool(cognito.home);
    const issuer = `http://127.0.0.1:${port}/${pool.userPoolId}`;
    Object.assign(process.env, {
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      COGNITO_ISSUER: issuer,
      COGNITO_JWKS_URI: `${issuer}/.well-known/jwks.json`,
      // The authorizer trusts this data folder's key only, whatever the JWKS address serves.
      COGNITO_JWKS: JSON.stringify(cognito.jwks),
    });
    const password = demoPassword(cognito.home);
    // People invited over the API sign in with the demo password here (cognito-local mails nothing).
    process.env.LOCAL_INVITE_PASSWORD = password;
    const people = (await Promise.all(demoSignInUserIds.map(getUser))).filter((user) => user !== undefined);
    const totpSecrets = await ensureDemoPeople(pool, people, password, documents, TABLE_NAME, cognito.home);
    const { endpoint, signingKeyFile, stop } = cognito;
    return { ...pool, endpoint, password, people, signingKeyFile, totpSecrets, stop };
  } catch (error) {
    await cognito.stop();
    throw error;
  }
};

/**
 * Starts every part, or none: when a part fails to start (a port taken meanwhile, a damaged dead-letter
 * file), the parts already running are stopped before the error is thrown, DynamoDB Local's Java first.
 */
export const startLocalStack = async (options: LocalStackOptions) => {
  const ports = localPorts(options.portBase);
  await assertPortsFree(ports, options.portBase);
  const started: (() => unknown)[] = [];
  try {
    return await startParts(options, ports, started);
  } catch (error) {
    for (const stop of started.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    throw asPortTaken(error, ports, options.portBase);
  }
};

const startParts = async (
  options: LocalStackOptions,
  ports: ReturnType<typeof localPorts>,
  started: (() => unknown)[],
) => {
  if (options.dataDir) mkdirSync(join(options.dataDir, 'dynamodb'), { recursive: true });
  const env = environment(
    ports,
    signingSecretFor(options.dataDir),
    options.quiet ?? false,
    options.checkResponses ?? true,
  );
  Object.assign(process.env, env);

  const childProcess = (name: string) => (pid: number) => options.onChildProcess?.(name, pid);
  const dynamo = await startDynamoDb(
    ports.dynamodb,
    options.dataDir && join(options.dataDir, 'dynamodb'),
    childProcess('DynamoDB Local'),
  );
  started.push(dynamo.stop);
  const streamArn = await ensureTable(dynamo.client, TABLE_NAME);
  const documents = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });
  await loadReferenceData(documents, TABLE_NAME);
  const ses = await startSes(ports.ses);
  started.push(ses.close);
  const cognitoDir = options.dataDir && join(options.dataDir, 'cognito');
  // The console is served by the API, so its origin is the API's (as localhost or 127.0.0.1).
  const signIn = await startSignIn(ports.cognito, documents, cognitoDir, {
    origins: [`http://localhost:${ports.api}`, `http://127.0.0.1:${ports.api}`],
    onSpawn: childProcess('cognito-local'),
  });
  started.push(signIn.stop);

  const declared = useCases.flatMap((useCase) =>
    Object.entries(useCase.functions).map(([name, fn]) => ({ id: functionId(useCase.name, name), useCase, name, fn })),
  );
  const functionOf = (useCase: string, name: string) => {
    const found = declared.find((d) => d.useCase.name === useCase && d.name === name);
    if (!found) throw new Error(`${useCase} declares no function ${name}`);
    return (event: unknown) => invoke(found.id, found.fn.entry, event, found.fn.timeoutSeconds);
  };

  const rules = useCases.flatMap((useCase) =>
    useCase.subscriptions.map((s) => ({
      name: `${useCase.name}.${s.name}`,
      pattern: s.pattern,
      target: functionOf(useCase.name, s.function),
    })),
  );
  // What AWS publishes to the SMS topic reaches the function the CDK subscribes to it.
  const smsTopicFunctions = useCases.flatMap((useCase) =>
    Object.entries(useCase.functions)
      .filter(([, fn]) => fn.uses.smsEvents)
      .map(([name]) => functionOf(useCase.name, name)),
  );
  const sms = await startSmsStandIn({
    port: ports.sms,
    onEvent: async (message) => {
      const event = {
        Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(message), TopicArn: 'local-sms-events' } }],
      };
      for (const target of smsTopicFunctions) await target(event);
    },
  });
  started.push(sms.close);
  const iys = await startIysStandIn({ port: ports.iys });
  started.push(iys.close);
  const erp = await startErpStandIn({ port: ports.erp });
  started.push(erp.close);
  const s3 = await startS3StandIn({ port: ports.s3, dataDir: options.dataDir && join(options.dataDir, 's3') });
  started.push(s3.close);

  const eventBus = await startEventBus({
    port: ports.events,
    busName: BUS_NAME,
    rules,
    retry: options.eventRetry,
    deadLetterFile: options.dataDir && join(options.dataDir, 'dead-letters.jsonl'),
  });
  started.push(eventBus.close);

  const tailer = startStreamTailer({
    client: new DynamoDBStreamsClient({
      endpoint: dynamo.endpoint,
      region: localRegion,
      credentials: localCredentials,
    }),
    streamArn,
    relay: (event) => invoke('outbox-relay', platform.outboxRelay.entry, event),
    checkpointFile: options.dataDir && join(options.dataDir, 'stream-checkpoints.json'),
    onError: (error) => console.error('outbox relay: stream read failed', (error as Error).message),
  });
  started.push(tailer.stop);

  const scheduler = startScheduler(
    useCases.flatMap((useCase) =>
      useCase.schedules.map((s) => ({
        name: `${useCase.name}.${s.name}`,
        expression: s.expression,
        timezone: s.timezone,
        // The input the CDK gives EventBridge Scheduler: the scheduled time is the run's identity.
        target: (event: { time: string }) =>
          functionOf(useCase.name, s.function)({ useCase: useCase.name, schedule: s.name, scheduledTime: event.time }),
      })),
    ),
    { timers: options.scheduleTimers },
  );
  started.push(scheduler.stop);

  /**
   * Waits until the outbox and the bus are quiet, including events caused by events: a consumer that
   * ran during this round may have written an outbox item, so the round ends with another drain, and
   * only a round that published nothing new ends the wait.
   */
  const settle = async () => {
    for (let round = 0; round < 50; round++) {
      const before = eventBus.recentEvents().at(-1)?.id;
      await tailer.drained();
      await eventBus.settled();
      await tailer.drained();
      if (eventBus.recentEvents().at(-1)?.id === before) return;
    }
    throw new Error('The local stack did not settle: events keep causing events');
  };

  const site = consoleSite({
    outDir: options.dataDir && join(options.dataDir, 'console'),
    config: () => ({
      apiBaseUrl: `http://localhost:${ports.api}`,
      cognitoEndpoint: signIn.endpoint,
      region: localRegion,
      clientId: signIn.clientId,
    }),
  });
  started.push(site.close);
  const sesEvents = sesEventControl({ sesUrl: ses.url, busName: BUS_NAME, configurationSet: SES_CONFIGURATION_SET });
  const api = await startHttpApi({
    port: ports.api,
    publicRateLimit: options.publicRateLimit ?? publicRateLimitPer5Minutes,
    authorize: (event) => invoke('authorizer', platform.authorizer.entry, event),
    site: site.serve,
    routes: useCases.flatMap((useCase) =>
      useCase.routes.map((route) => ({ ...route, invoke: functionOf(useCase.name, route.function) })),
    ),
    admin: async (req, url) => {
      const fire = url.pathname.match(/^\/_local\/schedules\/([^/]+)\/fire$/);
      if (req.method === 'POST' && fire) {
        // ?at=<ISO instant>: fire as if at that time (an injected clock for sweeps).
        const at = url.searchParams.get('at');
        if (at !== null && !Number.isFinite(Date.parse(at)))
          return { status: 400, body: { code: 'validation-failed', detail: 'at is not an instant' } };
        await scheduler.fireNow(decodeURIComponent(fire[1]!), at === null ? undefined : new Date(at));
        return { status: 200, body: { fired: fire[1], ...(at === null ? {} : { at: new Date(at).toISOString() }) } };
      }
      if (url.pathname === '/_local/clock') return clockControl(req.method, url.searchParams.get('at'));
      if (url.pathname === '/_local/schedules') return { status: 200, body: scheduler.nextFires() };
      if (url.pathname === '/_local/rules')
        return { status: 200, body: rules.map(({ name, pattern }) => ({ name, pattern })) };
      if (req.method === 'POST' && url.pathname === '/_local/settle') {
        await settle();
        return { status: 200, body: { settled: true } };
      }
      if (url.pathname === '/_local/events') return { status: 200, body: eventBus.recentEvents() };
      if (url.pathname === '/_local/dead-letters') return { status: 200, body: eventBus.deadLetters() };
      if (req.method === 'POST' && url.pathname === '/_local/dead-letters/redrive')
        return { status: 200, body: await eventBus.redrive() };
      return sesEvents(req, url);
    },
  });

  return {
    ports,
    env,
    urls: {
      api: api.url,
      console: `${api.url}/console/`,
      mail: ses.url,
      sms: sms.url,
      iys: iys.url,
      erp: erp.url,
      s3: s3.url,
      events: eventBus.url,
      dynamodb: dynamo.endpoint,
      cognito: signIn.endpoint,
    },
    signIn,
    documents,
    eventBus,
    /** Keeps the authorizer's answers as API Gateway does (off unless asked: tests revoke keys). */
    cacheAuthorizer: api.cacheAuthorizer,
    scheduler,
    settle,
    // Every part is asked to stop even when another fails to, Java last (the parts above still write to it).
    stop: async () => {
      scheduler.stop();
      await Promise.allSettled([tailer.stop()]);
      await Promise.allSettled([
        api.close(),
        eventBus.close(),
        ses.close(),
        sms.close(),
        iys.close(),
        erp.close(),
        s3.close(),
        signIn.stop(),
      ]);
      site.close();
      await dynamo.stop();
    },
  };
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
