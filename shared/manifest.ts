// A use case declares its functions, routes, event subscriptions and schedules here, once. The CDK
// stack and the local runtime both iterate these declarations, so neither can drift from the other.

import type { EventDeclarations } from '../events/event.js';
import type { ProblemSpec } from './problems.js';
import type { Role } from './roles.js';
import type * as z from './schema.js';
import type { Scope } from './scope-table.js';

// Every scope a key or a person may hold, gathered from the modules' declarations by `npm run generate`.
export { type Scope, scopes } from './scope-table.js';

/** A scope a module's routes need: what it allows, who gets it at sign-in, and whether only after MFA. */
export interface ScopeDeclaration {
  en: string;
  tr: string;
  /** The roles a signed-in person holds it by (API keys carry the scopes they were made with). */
  grantedTo: readonly Role[];
  /** It changes who may do what or the firm's rules: a person holds it only after a second factor. */
  mfa?: true;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface FunctionDeclaration {
  /** Path from the repository root to the TypeScript file that exports `handler`. */
  entry: string;
  description: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Files the function reads at run time (a font for PDFs): copied next to the bundle in AWS. */
  assets?: FunctionAsset[];
  /** What its code touches; the stack grants exactly this and nothing else. */
  uses: FunctionUses;
  /**
   * A service that invokes it directly, not through the API, a rule or a schedule: the stack lets that
   * service invoke it when the deployment names the service's instance (`-c connectInstanceArn=…`).
   */
  invokedBy?: 'amazon-connect';
}

/**
 * Fill from what the handler's code (and everything it calls) really does; `{}` is a function that
 * touches none of these.
 */
export interface FunctionUses {
  /**
   * Items of the CRM table and its indexes. `read`: GetItem, BatchGetItem, Query. `write`: also
   * PutItem, UpdateItem, DeleteItem, BatchWriteItem and transactions. Anything that writes, even only
   * an idempotency record (Powertools Idempotency, every event consumer), is `write`.
   */
  table?: 'read' | 'write';
  /** Sends mail through SES (calls sendMail). */
  mail?: boolean;
  /** Signs or verifies links in mail with the link-signing secret. */
  signingSecret?: boolean;
  /**
   * The user pool. `verify`: verifies people's sign-in tokens or revokes them (the pool's ids only, no
   * IAM: those calls are public). `admin`: also Cognito's admin operations on people (create, disable,
   * move between groups, read), granted on this pool alone.
   */
  userPool?: 'verify' | 'admin';
  /** Sends texts through End User Messaging SMS (from the sender ID, with the configuration set). */
  sms?: boolean;
  /** Receives what the SMS service publishes to the CRM's SMS topic: delivery events and inbound replies. */
  smsEvents?: boolean;
  /** Writes and reads files in the run-files bucket (a letter run's PDF parts). */
  runFiles?: boolean;
  /** Talks to İYS: its address and the firm's codes from the deployment, the API user from a secret. */
  iys?: boolean;
  /** Asks the firm's ERP about stock: its bridge's address from the deployment; none: stock features off. */
  erp?: boolean;
}

export interface FunctionAsset {
  /** Path from the repository root, e.g. `node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`. */
  from: string;
  /** File name beside the bundle's index.mjs. */
  to: string;
}

/** Where a route sits and who may call it: what the authorizer, the WAF and the API construct need. */
export interface RouteBase {
  method: HttpMethod;
  /** API Gateway path syntax: `/leads/{leadId}`. */
  path: string;
  function: string;
  /** `public` routes are anonymous and sit behind the WAF rate rule; the rest need a bearer key. */
  auth: 'public' | { scopes: readonly Scope[] };
}

/** What the authorizer knows of a route: no function, no schemas (functions/authorizer/route-table.ts). */
export type RouteAccess = Pick<RouteBase, 'method' | 'path' | 'auth'>;

type Schema = z.core.$ZodType;

export interface RouteBody<S extends Schema = Schema> {
  /** Validates the decoded body (JSON, or a form's fields); its output is what the handler gets. */
  schema: S;
  /** Larger bodies are refused with 413 before parsing. */
  maxBytes: number;
  /** What it may be sent as, for the document; JSON when not said. */
  media?: readonly ('application/json' | 'application/x-www-form-urlencoded' | 'text/csv' | 'multipart/form-data')[];
  /** No body at all reads as `{}` (actions whose fields are all optional). */
  optional?: true;
  /** The handler reads the bytes itself (a file in one of `media`); the schema only documents it. */
  raw?: true;
}

/** A success response; errors are the registered problem codes, documented once for every route. */
export interface RouteResponse {
  description: string;
  /** The JSON body's schema. */
  json?: Schema;
  /** A non-JSON body: a page, a PDF, a script. */
  media?: 'text/html' | 'application/pdf' | 'text/javascript' | 'application/json';
  /** The same data also as `text/csv` (`?format=csv` or `Accept: text/csv`): see `csvOrJson` in shared/http.ts. */
  csv?: true;
  /** Response headers worth naming (`location`). */
  headers?: readonly string[];
}

/**
 * A route with its contract: every field is required (`null` says "none"), so a route cannot be
 * added without saying what it takes and answers. The handler is bound to this object with
 * `route()` from shared/http.ts and validates with these same schemas; the OpenAPI document is
 * generated from them.
 */
export interface RouteDeclaration extends RouteBase {
  summary: string;
  request: {
    /** One key per `{name}` in the path. */
    params: Schema | null;
    query: Schema | null;
    body: RouteBody | null;
  };
  responses: { readonly [status: number]: RouteResponse };
  /**
   * The route takes an `Idempotency-Key` header: a retry with the same key gets the first answer. The
   * route supplies the handler its scope (route, caller, key) and `once`; no handler reads the header.
   * `formField`: a public form may send the key as this field instead (a browser cannot set headers).
   */
  idempotency?: { key: 'optional' | 'required'; formField?: string };
  /**
   * The route only reads: it changes no record, sends nothing, publishes nothing (an append-only log of
   * the read aside). A person's daily count (shared/person-quota.ts) then runs beside its work instead
   * of before it, and past the quota its answer is dropped for the 429: the same outcome, one round trip
   * to the table less in the answer's latency (the call center's lookup is on the phone's clock). A read
   * so dropped may still be in the read log: it errs towards logging a read, never towards missing one.
   */
  readOnly?: true;
}

/** A route as the manifest lists it: its name in the use case's route map is its OpenAPI operationId. */
export type NamedRoute = RouteDeclaration & { name: string };

/** The manifest's `routes` from its route map (`leadRoutes`), each named by its key. */
export const routeList = (routes: Record<string, RouteDeclaration>): NamedRoute[] =>
  Object.entries(routes).map(([name, route]) => ({ name, ...route }));

/** An EventBridge event pattern, as the EventBridge documentation defines it. */
export type EventPattern = { [field: string]: unknown };

export interface SubscriptionDeclaration {
  /** Unique within the use case: becomes the rule name. */
  name: string;
  function: string;
  pattern: EventPattern;
}

export interface ScheduleDeclaration {
  name: string;
  function: string;
  /** EventBridge Scheduler expression: `cron(0 9 * * ? *)` or `rate(15 minutes)`. */
  expression: string;
  timezone: string;
}

/**
 * A figure the module publishes (CloudWatch namespace `Pusula`, dimension `service: pusula`) with the
 * alarm it needs: the stack alarms when the statistic over `periodMinutes` is above `threshold` for
 * `evaluationPeriods` periods, and shows the figure on the dashboard.
 */
export interface MetricAlarmDeclaration {
  metric: string;
  statistic: 'Maximum' | 'Sum';
  periodMinutes: number;
  threshold: number;
  evaluationPeriods: number;
  /** What it means when it fires, and where to look (the alarm's description, Latin-1 not required). */
  description: string;
}

export interface UseCaseManifest {
  name: string;
  /** Figures the module publishes, each with its alarm and a place on the dashboard. */
  alarms?: readonly MetricAlarmDeclaration[];
  /** The scopes the module's routes need (`admin` covers them all). */
  scopes?: Readonly<Record<string, ScopeDeclaration>>;
  /** The problem codes the module declared (its problems.ts): the API document lists them. */
  problems?: Readonly<Record<string, ProblemSpec>>;
  /**
   * The parts of the customer record the module contributes, by name, each with its place in the
   * record (ascending); its public.ts exports them as `recordParts` under the same names.
   */
  recordParts?: Readonly<Record<string, { place: number }>>;
  /**
   * The events the module publishes: its `events.ts` exports them as `events` (defineEvents), the
   * manifest names that same object, and `npm run generate` gathers them into functions/event-table.ts.
   */
  events?: EventDeclarations;
  functions: Record<string, FunctionDeclaration>;
  routes: readonly NamedRoute[];
  subscriptions: SubscriptionDeclaration[];
  schedules: ScheduleDeclaration[];
}

/** Globally unique function id, used for the Lambda construct id and local registry. */
export const functionId = (useCase: string, fn: string) => `${useCase}.${fn}`;
