// The REST API: stage settings, problem+json gateway responses, the key authorizer, usage plans and
// one method per manifest route.
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  ApiKeySourceType,
  AuthorizationType,
  AwsIntegration,
  EndpointType,
  IdentitySource,
  LogGroupLogDestination,
  Method,
  MethodLoggingLevel,
  Period,
  RequestAuthorizer,
  type RequestValidator,
  ResponseType,
  RestApi,
  type UsagePlan,
} from 'aws-cdk-lib/aws-apigateway';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { authorizerCacheSeconds } from '../../functions/manifests.js';
import type { RouteBase } from '../../shared/manifest.js';
import { type ProblemCode, problemDocument } from '../../shared/problems.js';

/**
 * Throttle and quota per integration key: the authorizer returns the key's own usage-plan key, and
 * API Gateway applies a plan's throttle and quota to each of its keys separately, so every
 * integration has its tier's allowance to itself.
 */
export const usagePlans: Record<
  'web-forms' | 'call-center' | 'console',
  { rateLimit: number; burstLimit: number; quotaPerDay?: number }
> = {
  'web-forms': { rateLimit: 10, burstLimit: 20, quotaPerDay: 10_000 },
  'call-center': { rateLimit: 50, burstLimit: 100, quotaPerDay: 100_000 },
  // Everyone signed in to the console presents one key: a ceiling on their rate together, and no
  // daily quota here, which one person could use up for all; each person's own day is counted by
  // the handlers instead (personQuotaPerDay).
  console: { rateLimit: 50, burstLimit: 100 },
};

/** API calls one person may make in a UTC day (PERSON_DAILY_QUOTA, shared/person-quota.ts). */
export const personQuotaPerDay = 20_000;

interface GatewayProblem {
  type: ResponseType;
  /** API Gateway's own status for the type (an unknown path: 404, not its 403); none for the defaults. */
  status?: number;
  code: ProblemCode;
  title?: string;
}

// Errors API Gateway answers itself, in the same RFC 9457 shape the handlers use. DEFAULT_4XX and
// DEFAULT_5XX stand for every other type, each with its own status: they set none (setting one would
// turn a 504 into a 500), and their body has no `status` (RFC 9457 makes it optional; a gateway
// template only substitutes variables, it cannot compute one) but names the response type.
export const gatewayProblems: GatewayProblem[] = [
  { type: ResponseType.UNAUTHORIZED, status: 401, code: 'unauthorized' },
  { type: ResponseType.ACCESS_DENIED, status: 403, code: 'forbidden' },
  { type: ResponseType.INVALID_API_KEY, status: 403, code: 'forbidden' },
  { type: ResponseType.WAF_FILTERED, status: 403, code: 'forbidden' },
  // API Gateway answers an unknown path or method with this type.
  { type: ResponseType.MISSING_AUTHENTICATION_TOKEN, status: 404, code: 'not-found' },
  { type: ResponseType.REQUEST_TOO_LARGE, status: 413, code: 'payload-too-large' },
  { type: ResponseType.UNSUPPORTED_MEDIA_TYPE, status: 415, code: 'unsupported-media-type' },
  { type: ResponseType.THROTTLED, status: 429, code: 'too-many-requests' },
  { type: ResponseType.QUOTA_EXCEEDED, status: 429, code: 'quota-exceeded' },
  { type: ResponseType.RESOURCE_NOT_FOUND, status: 404, code: 'not-found' },
  { type: ResponseType.BAD_REQUEST_PARAMETERS, status: 400, code: 'bad-request' },
  { type: ResponseType.BAD_REQUEST_BODY, status: 400, code: 'bad-request' },
  { type: ResponseType.INTEGRATION_TIMEOUT, status: 504, code: 'gateway-timeout', title: 'Gateway Timeout' },
  { type: ResponseType.INTEGRATION_FAILURE, status: 504, code: 'integration-failure', title: 'Gateway Timeout' },
  { type: ResponseType.DEFAULT_4XX, code: 'bad-request', title: 'Request refused' },
  { type: ResponseType.DEFAULT_5XX, code: 'internal-error', title: 'Server error' },
];

/** A problem document whose `detail` is API Gateway's own (JSON-quoted) error message. */
const problemTemplate = ({ status, code, title }: GatewayProblem) => {
  const document = status
    ? { ...problemDocument(status, code), ...(title ? { title } : {}) }
    : { type: `urn:pusula:problem:${code}`, title, code, responseType: '$context.error.responseType' };
  return `${JSON.stringify(document).slice(0, -1)},"detail":$context.error.messageString}`;
};

const pathParameters = (path: string) =>
  Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [`method.request.path.${name}`, true]));

const oneAuthorizer =
  'One Lambda REQUEST authorizer serves both kinds of caller: integrations with bearer keys (hashed, scoped, ' +
  'usage plans) and people with Cognito tokens, verified against the pool with aws-jwt-verify and mapped to ' +
  'the directory; a Cognito authorizer could not check keys. Public routes are anonymous by design.';

export interface CrmApiProps {
  stageName: string;
}

export class CrmApi extends Construct {
  readonly restApi: RestApi;
  readonly stageName: string;
  readonly usagePlans: Record<keyof typeof usagePlans, UsagePlan>;
  private readonly validator: RequestValidator;
  private authorizerFunction?: IFunction;
  private authorizer?: RequestAuthorizer;
  private readonly invokable = new Set<IFunction>();

  constructor(scope: Construct, id: string, props: CrmApiProps) {
    super(scope, id);
    this.stageName = props.stageName;
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.restApi = new RestApi(this, 'Api', {
      restApiName: 'pusula',
      description: 'Pusula CRM: web forms, call-center integration and staff',
      endpointTypes: [EndpointType.REGIONAL],
      apiKeySourceType: ApiKeySourceType.AUTHORIZER,
      // Quote PDFs: returned base64-encoded by the function, sent as bytes to a client that accepts PDF.
      binaryMediaTypes: ['application/pdf'],
      // Stage logging needs the account-level CloudWatch role; a fresh account has none.
      cloudWatchRole: true,
      deployOptions: {
        stageName: props.stageName,
        // No IP, query string or body: access logs must hold no personal data.
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            requestTime: AccessLogField.contextRequestTime(),
            httpMethod: AccessLogField.contextHttpMethod(),
            resourcePath: AccessLogField.contextResourcePath(),
            status: AccessLogField.contextStatus(),
            responseLength: AccessLogField.contextResponseLength(),
            responseLatency: AccessLogField.contextResponseLatency(),
            integrationStatus: AccessLogField.contextIntegrationStatus(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
            apiKeyId: AccessLogField.contextIdentityApiKeyId(),
            errorMessage: AccessLogField.contextErrorMessage(),
            authorizerError: AccessLogField.contextAuthorizerError(),
            wafResponseCode: AccessLogField.contextWafResponseCode(),
          }),
        ),
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
      },
    });

    for (const problem of gatewayProblems) {
      this.restApi.addGatewayResponse(problem.type.responseType, {
        type: problem.type,
        ...(problem.status ? { statusCode: String(problem.status) } : {}),
        responseHeaders: {
          'Content-Type': "'application/problem+json'",
          ...(problem.status === 401 ? { 'WWW-Authenticate': "'Bearer'" } : {}),
        },
        templates: { 'application/json': problemTemplate(problem) },
      });
    }

    // Checks required path parameters; bodies are validated by the handlers' zod schemas.
    this.validator = this.restApi.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    const stage = this.restApi.deploymentStage;
    this.usagePlans = Object.fromEntries(
      Object.entries(usagePlans).map(([name, plan]) => [
        name,
        this.restApi.addUsagePlan(name, {
          name,
          throttle: { rateLimit: plan.rateLimit, burstLimit: plan.burstLimit },
          ...(plan.quotaPerDay ? { quota: { limit: plan.quotaPerDay, period: Period.DAY } } : {}),
          apiStages: [{ api: this.restApi, stage }],
        }),
      ]),
    ) as Record<keyof typeof usagePlans, UsagePlan>;

    Validations.of(this.restApi).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The AWS managed policy made for exactly this: the account-level role API Gateway uses to write stage logs.',
    });
  }

  /**
   * The API's base URL built from its parts and the literal stage name: `restApi.url` (or a Ref to
   * the stage) in a function's environment would make a cycle through the deployment.
   */
  get baseUrl(): string {
    const stack = Stack.of(this);
    return Fn.join('', [
      'https://',
      this.restApi.restApiId,
      '.execute-api.',
      stack.region,
      '.',
      stack.urlSuffix,
      '/',
      this.stageName,
    ]);
  }

  /** The function behind the REQUEST authorizer of every non-public route. */
  authorizeWith(handler: IFunction): void {
    this.authorizerFunction = handler;
  }

  /**
   * The route's method, made in `scope` (the use case's nested stack): CloudFormation allows 500
   * resources per stack, and the methods are the part of the API that grows with every route. The
   * path resources stay in the API's stack, shared by every use case whose paths pass through them
   * (a path resource that moved between stacks would collide with itself during the update). The
   * API's deployment still depends on each method and hashes it into its logical id, so a changed
   * route redeploys the stage.
   */
  addRoute(route: RouteBase, handler: IFunction, scope: Construct = this): Method {
    const isPublic = route.auth === 'public';
    this.allowInvoke(handler);
    const method = new Method(scope, `${route.method} ${route.path.replaceAll('/', '|')}`, {
      resource: this.restApi.root.resourceForPath(route.path),
      httpMethod: route.method,
      // LambdaIntegration's proxy integration without its per-method permissions (see allowInvoke).
      integration: new AwsIntegration({
        proxy: true,
        service: 'lambda',
        path: `2015-03-31/functions/${handler.functionArn}/invocations`,
      }),
      options: {
        authorizationType: isPublic ? AuthorizationType.NONE : AuthorizationType.CUSTOM,
        authorizer: isPublic ? undefined : this.requestAuthorizer(),
        // Counts the call against the usage plan of the key the authorizer returned.
        apiKeyRequired: !isPublic,
        requestValidator: this.validator,
        requestParameters: pathParameters(route.path),
      },
    });
    // Each method is in its use case's nested stack, outside the API's construct: acknowledged on it.
    Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason: oneAuthorizer });
    if (isPublic) {
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.method} ${route.path} is public by its manifest (anonymous web form or signed link); the WAF per-IP rate rule guards it.`,
      });
    }
    return method;
  }

  // One permission per function, beside it (in its use case's nested stack), for any method of this
  // API's stage. LambdaIntegration's one per method would be hundreds of resources, and a method's
  // ARN names the stage by Ref, which would tie a nested stack to the deployment in a cycle.
  private allowInvoke(handler: IFunction): void {
    if (this.invokable.has(handler)) return;
    this.invokable.add(handler);
    handler.addPermission('ApiInvoke', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: this.restApi.arnForExecuteApi('*', '/*', this.stageName),
    });
  }

  // Created on the first protected route: an authorizer attached to no method fails synthesis.
  private requestAuthorizer(): RequestAuthorizer {
    if (!this.authorizerFunction) throw new Error('CrmApi: call authorizeWith() before adding protected routes');
    this.authorizer ??= new RequestAuthorizer(this, 'KeyAuthorizer', {
      handler: this.authorizerFunction,
      identitySources: [IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(authorizerCacheSeconds),
    });
    return this.authorizer;
  }
}
