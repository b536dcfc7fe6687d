// The staff console in AWS: its built files in a private S3 bucket that only CloudFront reads (origin
// access control), served with security headers (a CSP that lets the app call only the API and
// Cognito) and a directory index for the app's own paths; and the stack that copies the built files
// and the `config.json` the app reads into the bucket.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DockerImage, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  Function as ViewerFunction,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { edgeHeaders, viewerIpCode } from './public-firewall.js';

/** Where the app lives on its domain: Vite builds it with this base (console/vite.config.ts). */
export const consolePath = '/console/';

/**
 * The export of the site stack's `ConsoleBucketName` output, for operators' scripts. The files stack
 * refers to the bucket itself (CDK's own export); a stack that once imported this name keeps it.
 */
export const consoleBucketExport = (stack: Stack) => `${stack.stackName}-ConsoleBucketName`;

export interface StaticSiteProps {
  /** Origins the app may call besides its own (CSP connect-src): Cognito's. */
  connectSources: string[];
  /**
   * The API, served by the same distribution under `/<stage>/`: the console calls its own origin, so
   * no cross-origin request (and no CORS preflight API Gateway would need per resource) is made.
   */
  api: { domainName: string; stageName: string };
  /** The origin header that tells the API's firewall a request came through this distribution. */
  edgeProof: string;
}

/** The viewer-request function of the files behaviour (CloudFront Functions' JavaScript 2.0 runtime). */
export const directoryIndexCode = [
  'function handler(event) {',
  '  var request = event.request;',
  "  if (request.uri.endsWith('/')) request.uri += 'index.html';",
  '  return request;',
  '}',
].join('\n');

/** A CSP for the built app: its own scripts and styles only, calls to the API and Cognito only. */
export const consoleCsp = (connectSources: string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`: the origin the API allows in CORS. */
  readonly origin: string;
  /** The console's address. */
  readonly url: string;
  /** The API as the console calls it: through this distribution, on the console's origin. */
  readonly apiBaseUrl: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the built console, written by each deployment and read only by CloudFront; reads are in the distribution, not in S3 access logs.',
    });

    // CloudFront's policy, function and origin access control names are unique in the whole account,
    // not per region: without stack name and region, a second stage or region would collide.
    const globalName = (part: string) => `${Stack.of(this).stackName}-${Stack.of(this).region}-${part}`;
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: globalName('console-headers'),
      comment: 'Pusula console: CSP (API and Cognito only), HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp(props.connectSources), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
    const index = `${consolePath}index.html`;
    // CloudFront's custom error responses apply to the whole distribution, every cache behaviour
    // included (CloudFront Developer Guide, "Generating custom error responses"): a 403/404 → 200
    // index.html rule would turn the API's problem documents under /v1/ into HTML. The console routes
    // by `#/…`, so it needs no fallback; only its directory (`/console/`) must answer its index, which
    // this viewer-request function does on the default (files) behaviour alone.
    const directoryIndex = new ViewerFunction(this, 'DirectoryIndex', {
      functionName: globalName('console-index'),
      comment: 'Pusula console: a path ending in / is its index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(directoryIndexCode),
    });
    // The API's firewall counts requests that came this way by the viewer's address (public-firewall.ts).
    const viewerIp = new ViewerFunction(this, 'ViewerIp', {
      functionName: globalName('api-viewer-ip'),
      comment: "Pusula API: the viewer's address in a header the client cannot set",
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(viewerIpCode),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Pusula staff console',
      defaultRootObject: index.slice(1),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessControl: new S3OriginAccessControl(this, 'OriginAccessControl', {
            originAccessControlName: globalName('console'),
          }),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`/${props.api.stageName}/*`]: {
          origin: new HttpOrigin(props.api.domainName, { customHeaders: { [edgeHeaders.proof]: props.edgeProof } }),
          functionAssociations: [{ function: viewerIp, eventType: FunctionEventType.VIEWER_REQUEST }],
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Never cached; with caching off every viewer header but Host (API Gateway's own) reaches the
          // API, Authorization and Idempotency-Key included.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    for (const [findingId, reason] of [
      [
        'AwsSolutions-CFR1',
        'Staff sign in from wherever they work (dealers, field reps); access is by Cognito sign-in, not by country.',
      ],
      [
        'AwsSolutions-CFR2',
        'Static files only; every call with data goes to the API, which has its own WAF web ACL and rate rules.',
      ],
      [
        'AwsSolutions-CFR3',
        'Static files only, the same for everyone; who did what is in the API and authorizer logs.',
      ],
      [
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate fixes the viewer policy at TLSv1; a company domain with its own certificate can require TLSv1.2_2021.',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id: findingId, reason });
    }

    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}${consolePath}`;
    this.apiBaseUrl = `${this.origin}/${props.api.stageName}/`;
  }
}

export interface ConsoleFilesStackProps extends StackProps {
  site: StaticSite;
  /** The app's config.json: API base URL, Cognito endpoint and region, the console's client id. */
  config: Record<string, string>;
  /** false: a stub page instead of the Vite build (fast synth in tests). Default true. */
  build?: boolean;
  /** The repository root, where console/vite.config.ts is. */
  repoRoot: string;
}

/**
 * The console's files and config.json, copied into the site's bucket by CDK's BucketDeployment. A
 * stack of its own after the API's: config.json names the API, the API's functions name the site's
 * origin, and the deployment's handler (CDK's Python function) stays out of the API's functions.
 */
export class ConsoleFilesStack extends Stack {
  /** What config.json holds (tokens until deployment). */
  readonly config: Record<string, string>;

  constructor(scope: Construct, id: string, props: ConsoleFilesStackProps) {
    super(scope, id, props);
    this.config = props.config;
    const { site } = props;
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [
        props.build === false ? stubPage() : viteBuild(props.repoRoot),
        Source.jsonData('config.json', props.config),
      ],
      // The site stack's bucket itself: CDK exports and imports it, and a change to it is a change here.
      destinationBucket: site.bucket,
      destinationKeyPrefix: consolePath.slice(1),
      distribution: site.distribution,
      distributionPaths: consoleInvalidationPaths,
      memoryLimit: 256,
    });
    // The deployment's handler is CDK's own singleton function; its findings are CDK's choices.
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    // Its write to every object of the site's bucket names the bucket by the reference CDK makes
    // between the stacks, which exists only once the app is prepared: acknowledged then, by that text.
    this.node.addValidation({
      validate: () => {
        const bucketArn = JSON.stringify(this.resolve(site.bucket.bucketArn));
        for (const construct of [deployment.handlerRole, handler].filter((c) => c !== undefined)) {
          Validations.of(construct).acknowledge({
            id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
            reason: "CDK's BucketDeployment handler writes the site's files, under any name, into its own bucket.",
          });
        }
        return [];
      },
    });
    for (const construct of [deployment.handlerRole, handler].filter((c) => c !== undefined)) {
      for (const [findingId, reason] of [
        [
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          "CDK's BucketDeployment handler: its log-writing role is the managed basic execution policy.",
        ],
        [
          'AwsSolutions-IAM5[Action::s3:GetObject*]',
          "CDK's BucketDeployment handler reads the deployment's asset objects.",
        ],
        [
          'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          "CDK's BucketDeployment handler reads the asset and site buckets.",
        ],
        ['AwsSolutions-IAM5[Action::s3:List*]', "CDK's BucketDeployment handler lists the asset and site buckets."],
        [
          'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          "CDK's BucketDeployment handler replaces the site's files (prune).",
        ],
        ['AwsSolutions-IAM5[Action::s3:Abort*]', "CDK's BucketDeployment handler uploads the site's files."],
        [
          'AwsSolutions-IAM5[Resource::*]',
          "CDK's BucketDeployment handler invalidates the distribution: CloudFront's CreateInvalidation grant is on '*' in CDK.",
        ],
        [
          `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*]`,
          "CDK's BucketDeployment handler reads the build from the bootstrap asset bucket.",
        ],
        ['AwsSolutions-L1', "CDK's BucketDeployment handler runtime is chosen by aws-cdk-lib (a Python runtime)."],
      ] as const) {
        Validations.of(construct).acknowledge({ id: findingId, reason });
      }
    }
  }
}

/**
 * The console's files whose names do not change with their content: a deploy rewrites them in place,
 * so CloudFront's copies must be invalidated. Vite names every other file after its content's hash
 * (`assets/index-BdK3xQ9a.js`): a new build is new names, never a stale copy, and needs no invalidation.
 */
export const consoleEntryPoints = ['index.html', 'config.json'] as const;

/** What each deploy invalidates: the entry points, and the directory the viewer function maps to index.html. */
export const consoleInvalidationPaths = [consolePath, ...consoleEntryPoints.map((name) => `${consolePath}${name}`)];

/** Files of a build (paths relative to its root) that neither carry a content hash nor are entry points. */
export const unlistedUnhashedFiles = (files: string[]) =>
  files.filter(
    (file) => !(consoleEntryPoints as readonly string[]).includes(file) && !/^assets\/[^/]+-[\w-]{8}\.\w+$/.test(file),
  );

/** The Vite build, run at synth on this machine (no Docker). */
const viteBuild = (repoRoot: string): ISource =>
  Source.asset(`${repoRoot}console`, {
    bundling: {
      image: DockerImage.fromRegistry('none'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync(
            process.execPath,
            [
              `${repoRoot}node_modules/vite/bin/vite.js`,
              'build',
              '--config',
              `${repoRoot}console/vite.config.ts`,
              '--outDir',
              outputDir,
              '--emptyOutDir',
            ],
            {
              cwd: repoRoot,
              stdio: 'inherit',
            },
          );
          // A file the invalidation would miss: stale in CloudFront after a deploy until its TTL ran out.
          const files = readdirSync(outputDir, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => relative(outputDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
          const unlisted = unlistedUnhashedFiles(files);
          if (unlisted.length > 0)
            throw new Error(
              `The console build has files without a content hash that no deploy invalidates: ${unlisted.join(', ')}. ` +
                'Add them to consoleEntryPoints (infra/constructs/static-site.ts).',
            );
          return true;
        },
      },
    },
  });

const stubPage = () => Source.data('index.html', '<!doctype html><title>Pusula</title>');
