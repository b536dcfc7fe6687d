// Runs the same handler modules the CDK bundles, in this process, with a Lambda-like context.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

export const repoRoot = resolve(import.meta.dirname, '../..');

// biome-ignore lint/suspicious/noExplicitAny: handlers differ in event and result types
type Handler = (event: any, context: Context) => Promise<any>;

const loaded = new Map<string, Promise<Handler>>();

export const loadHandler = (entry: string): Promise<Handler> => {
  let handler = loaded.get(entry);
  if (!handler) {
    handler = import(pathToFileURL(resolve(repoRoot, entry)).href).then((mod) => {
      if (typeof mod.handler !== 'function') throw new Error(`${entry} does not export a handler`);
      return mod.handler as Handler;
    });
    loaded.set(entry, handler);
  }
  return handler;
};

export const lambdaContext = (functionName: string, timeoutSeconds = 10): Context => {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export const invoke = async (functionName: string, entry: string, event: unknown, timeoutSeconds?: number) =>
  (await loadHandler(entry))(event, lambdaContext(functionName, timeoutSeconds));
