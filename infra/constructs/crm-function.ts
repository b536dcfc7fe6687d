// The one place that carries every Lambda default, so no function drifts from the others.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDeclaration } from '../../shared/manifest.js';

/** Manifest entries are relative to the repository root, whatever the cwd of `cdk` or vitest. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** API Gateway gives up on an integration after 29 s: a function behind it must stop by then. */
export const API_TIMEOUT_SECONDS = 29;

export interface CrmFunctionProps {
  declaration: FunctionDeclaration;
  /** Answers API Gateway (a route or the authorizer): its timeout is capped at API_TIMEOUT_SECONDS. */
  behindApi?: boolean;
  environment: Record<string, string>;
  /** false: an inline stub instead of an esbuild bundle, so tests synthesize in seconds without handler files. */
  bundle?: boolean;
}

export class CrmFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: CrmFunctionProps) {
    super(scope, id);
    const { declaration, bundle = true } = props;
    const timeoutSeconds = declaration.timeoutSeconds ?? 10;

    // Logs are operational, not records: they hold no personal data and need not outlive the stack.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role instead of AWSLambdaBasicExecutionRole: write to this log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: declaration.description,
    });
    this.logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      description: declaration.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: declaration.memoryMb ?? 512,
      timeout: Duration.seconds(props.behindApi ? Math.min(timeoutSeconds, API_TIMEOUT_SECONDS) : timeoutSeconds),
      logGroup: this.logGroup,
      role,
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      ...(bundle
        ? {
            entry: `${repoRoot}${declaration.entry}`,
            projectRoot: repoRoot,
            depsLockFilePath: `${repoRoot}package-lock.json`,
            bundling: {
              format: OutputFormat.ESM,
              minify: true,
              sourceMap: true,
              // Bundled, minified SDK v3 cold-starts much faster than the runtime's copy.
              bundleAwsSDK: true,
              target: 'node24',
              mainFields: ['module', 'main'],
              // ESM bundles of the SDK still call require() for node built-ins.
              banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
              // Declared run-time files (see shared/assets.ts) go beside index.mjs.
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (declaration.assets ?? []).map(
                    (asset) => `cp "${inputDir}/${asset.from}" "${outputDir}/${asset.to}"`,
                  ),
              },
            },
          }
        : { code: Code.fromInline('export const handler = async () => ({});'), handler: 'index.handler' }),
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
  }
}
