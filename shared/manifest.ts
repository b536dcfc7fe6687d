// A use case declares its functions, routes, event subscriptions and schedules here, once. The CDK
// stack and the local runtime both iterate these declarations, so neither can drift from the other.

export type Scope =
  | 'leads:read'
  | 'leads:write'
  | 'quotes:read'
  | 'quotes:write'
  | 'quotes:approve'
  | 'catalogue:read'
  | 'catalogue:write'
  | 'orders:read'
  | 'orders:write'
  | 'routing:admin'
  | 'admin';

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
}

export interface FunctionAsset {
  /** Path from the repository root, e.g. `node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`. */
  from: string;
  /** File name beside the bundle's index.mjs. */
  to: string;
}

export interface RouteDeclaration {
  method: HttpMethod;
  /** API Gateway path syntax: `/leads/{leadId}`. */
  path: string;
  function: string;
  /** `public` routes are anonymous and sit behind the WAF rate rule; the rest need a bearer key. */
  auth: 'public' | { scopes: Scope[] };
}

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

export interface UseCaseManifest {
  name: string;
  functions: Record<string, FunctionDeclaration>;
  routes: RouteDeclaration[];
  subscriptions: SubscriptionDeclaration[];
  schedules: ScheduleDeclaration[];
}

/** Globally unique function id, used for the Lambda construct id and local registry. */
export const functionId = (useCase: string, fn: string) => `${useCase}.${fn}`;
