// The one place that carries every Lambda default, so no function drifts from the others.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, NestedStack, RemovalPolicy, Stack, Stage, Validations } from 'aws-cdk-lib';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Code, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lazyModules } from '../../functions/lazy-modules.js';
import type { LazyModule } from '../../shared/lazy-modules.js';
import type { FunctionDeclaration } from '../../shared/manifest.js';
import { esbuildCommandLine, esbuildSettings } from './esbuild-settings.js';

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

/**
 * Where a function's source map goes: beside the cloud assembly (`cdk.out/source-maps/<stack>/<id>.mjs.map`),
 * for an operator to map a stack trace back to the source; never into the zip Lambda loads.
 */
export const sourceMapFile = (scope: Construct, id: string) =>
  join(Stage.of(scope)?.outdir ?? 'cdk.out', 'source-maps', rootStack(scope).stackName, `${id}.mjs.map`);

/**
 * The CDK's bundling of a function, with `esbuildSettings`. Stack traces stay readable without source maps at
 * run time: `keepNames` keeps every function's and class's own name through minification, so a frame reads
 * `at captureLead (file:///var/task/index.mjs:1:52817)`. The map is written (external: no
 * sourceMappingURL comment) and moved out of the bundle, so Node never loads it: Node's
 * `--enable-source-maps` parses the whole map on every cold start (+45–90 ms measured) and the map is
 * about four times the code the zip would carry. Each module the function loads lazily is bundled alone
 * beside index.mjs, its map moved out the same way (`<id>.<module>.map`).
 */
export const bundlingOptions = (
  declaration: FunctionDeclaration,
  mapFile: string,
  modules: readonly LazyModule[] = lazyModules,
): BundlingOptions => ({
  format: OutputFormat.ESM,
  minify: esbuildSettings.minify,
  keepNames: esbuildSettings.keepNames,
  sourceMap: true,
  sourceMapMode: SourceMapMode.EXTERNAL,
  // Bundled, minified SDK v3 cold-starts much faster than the runtime's copy.
  bundleAwsSDK: true,
  target: esbuildSettings.target,
  mainFields: [...esbuildSettings.mainFields],
  banner: esbuildSettings.banner.js,
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      // Declared run-time files (see shared/assets.ts) go beside index.mjs.
      ...(declaration.assets ?? []).map((asset) => `cp "${inputDir}/${asset.from}" "${outputDir}/${asset.to}"`),
      `mkdir -p "${dirname(mapFile)}"`,
      `mv "${outputDir}/index.mjs.map" "${mapFile}"`,
      // Each lazy module the bundle names (its source's path, kept by the loader's call) as a bundle of its own.
      ...modules.map((module) =>
        [
          `if grep -qF "${module.from}" "${outputDir}/index.mjs"; then`,
          esbuildCommandLine(`${inputDir}/${module.from}`, `${outputDir}/${module.to}`, [
            '--sourcemap=external',
            '--log-level=warning',
          ]),
          `&& mv "${outputDir}/${module.to}.map" "${mapFile.replace(/\.mjs\.map$/, `.${module.to}.map`)}"; fi`,
        ].join(' '),
      ),
    ],
  },
});

/** The top-level stack a construct is in, nested stacks walked up to their parent. */
const rootStack = (scope: Construct): Stack => {
  let stack = Stack.of(scope);
  while (NestedStack.isNestedStack(stack) && stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
};

/**
 * X-Ray's two write actions support no resource-level permissions (Service Authorization Reference,
 * "Actions defined by AWS X-Ray": no resource types): one managed policy in the top-level stack
 * holds them for every function, so that `*` is granted, and acknowledged, once instead of per role.
 */
const tracingPolicy = (scope: Construct): ManagedPolicy => {
  const stack = rootStack(scope);
  const existing = stack.node.tryFindChild('TracingPolicy');
  if (existing) return existing as ManagedPolicy;
  const policy = new ManagedPolicy(stack, 'TracingPolicy', {
    description: 'Pusula functions: send X-Ray traces',
    statements: [
      new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
    ],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
  });
  return policy;
};

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
      managedPolicies: [tracingPolicy(this)],
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
      environment: props.environment,
      ...(bundle
        ? {
            entry: `${repoRoot}${declaration.entry}`,
            projectRoot: repoRoot,
            depsLockFilePath: `${repoRoot}package-lock.json`,
            bundling: bundlingOptions(declaration, sourceMapFile(this, id)),
          }
        : { code: Code.fromInline('export const handler = async () => ({});'), handler: 'index.handler' }),
    });

    // Active tracing set on the resource: the `tracing` prop would add X-Ray's `*` to this role's own
    // policy, which the shared managed policy above already grants.
    (this.function.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
  }
}
