// Template assertions: what the manifests and the table schema declare is what the stacks deploy.
import { readFileSync } from 'node:fs';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicRateLimitPer5Minutes, useCases } from '../../functions/manifests.js';
import { functionId, type UseCaseManifest } from '../../shared/manifest.js';
import { tableSchema } from '../../shared/table.js';
import { buildApp } from '../../infra/build-app.js';
import { cdkJsonContext, synthTemplates } from './synth-template.js';

// A use case no real manifest has yet: a schedule, a parameterised public route, a memory and
// timeout override and a pattern key besides source/detail-type/detail.
const fixture: UseCaseManifest = {
  name: 'infra-fixture',
  functions: {
    tick: { entry: 'functions/infra-fixture/tick.ts', description: 'Fixture', memoryMb: 1024, timeoutSeconds: 30 },
  },
  routes: [
    {
      name: 'fixture',
      method: 'GET',
      path: '/fixture/{token}/unsubscribe',
      function: 'tick',
      auth: 'public',
      summary: 'Fixture',
      request: { params: null, query: null, body: null },
      responses: { 200: { description: 'Fixture' } },
    },
  ],
  subscriptions: [{ name: 'on-fixture', function: 'tick', pattern: { source: ['crm.fixture'], account: ['123456789012'] } }],
  schedules: [{ name: 'every-morning', function: 'tick', expression: 'cron(0 9 * * ? *)', timezone: 'Europe/Istanbul' }],
};
const manifests = [...useCases, fixture];

let synth: ReturnType<typeof synthTemplates>;
let data: Template;
let api: Template;
beforeAll(() => {
  synth = synthTemplates({ useCases: manifests });
  ({ data, api } = synth);
});

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, read along the paths each assertion spells out
type Cfn = any;

const logicalId = (construct: IConstruct) =>
  Stack.of(construct).resolve((construct.node.defaultChild as CfnElement).logicalId) as string;
const fnLogicalId = (useCase: string, fn: string) => {
  const crmFunction = synth.stacks.api.functions.get(functionId(useCase, fn));
  if (!crmFunction) throw new Error(`no function ${useCase}.${fn}`);
  return logicalId(crmFunction.function);
};
const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];
const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, { Properties: Record<string, Cfn> }][];

describe('stateful stack', () => {
  it('builds the table from tableSchema and retains it', () => {
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: keySchema(tableSchema.partitionKey, tableSchema.sortKey),
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: Object.entries(tableSchema.indexes).map(([name, index]) => ({
          IndexName: name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: { StreamViewType: tableSchema.streamView },
        TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('has the crm bus with a year-long archive', () => {
    data.hasResource('AWS::Events::EventBus', { DeletionPolicy: 'Retain', Properties: { Name: 'crm' } });
    data.hasResource('AWS::Events::Archive', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        RetentionDays: 365,
        SourceArn: { 'Fn::GetAtt': [logicalId(synth.stacks.data.bus), 'Arn'] },
      }),
    });
  });

  it('sends SES events to the default bus and forwards them to the crm bus', () => {
    data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        EventBridgeDestination: { EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] } },
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'delivery', 'open', 'click']),
      }),
    });
    data.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(synth.stacks.data.bus), 'Arn'] },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('generates a retained 64-character link-signing secret', () => {
    data.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'link-signing',
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      }),
    });
  });
});

describe('functions', () => {
  const environmentKeys = [
    'NODE_OPTIONS',
    'TABLE_NAME',
    'EVENT_BUS_NAME',
    'MAIL_FROM',
    'PUBLIC_BASE_URL',
    'CORS_ORIGINS',
    'SES_CONFIGURATION_SET',
    'SIGNING_SECRET_ARN',
    'POWERTOOLS_SERVICE_NAME',
    'POWERTOOLS_METRICS_NAMESPACE',
    'POWERTOOLS_LOG_LEVEL',
  ];

  it('makes one function per manifest function, plus the authorizer and the outbox relay', () => {
    const declared = manifests.reduce((sum, m) => sum + Object.keys(m.functions).length, 0);
    expect(resourcesOf(api, 'AWS::Lambda::Function')).toHaveLength(declared + 2);
    for (const manifest of manifests) for (const fn of Object.keys(manifest.functions)) fnLogicalId(manifest.name, fn);
  });

  it('gives every function the defaults: nodejs24.x, arm64, tracing, its own log group, the environment', () => {
    const logGroups = api.findResources('AWS::Logs::LogGroup');
    for (const [id, { Properties }] of resourcesOf(api, 'AWS::Lambda::Function')) {
      expect(Properties.Runtime, id).toBe('nodejs24.x');
      expect(Properties.Architectures, id).toEqual(['arm64']);
      expect(Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(Object.keys(Properties.Environment.Variables).sort(), id).toEqual([...environmentKeys].sort());
      expect(logGroups[Properties.LoggingConfig.LogGroup.Ref]?.Properties.RetentionInDays, id).toBe(30);
    }
    // The manifest's memory and timeout where it sets them (the fixture's tick: 1024 MB, 30 s), else 512 MB, 10 s.
    const functions = api.findResources('AWS::Lambda::Function');
    for (const manifest of manifests) {
      for (const [name, declaration] of Object.entries(manifest.functions)) {
        const { MemorySize, Timeout } = functions[fnLogicalId(manifest.name, name)]!.Properties;
        expect([MemorySize, Timeout], name).toEqual([declaration.memoryMb ?? 512, declaration.timeoutSeconds ?? 10]);
      }
    }
    expect(fixture.functions.tick).toMatchObject({ memoryMb: 1024, timeoutSeconds: 30 });
  });

  it('builds PUBLIC_BASE_URL from the API id and stage, not from the deployment', () => {
    const [, first] = resourcesOf(api, 'AWS::Lambda::Function')[0]!;
    expect(JSON.stringify(first.Properties.Environment.Variables.PUBLIC_BASE_URL)).toMatch(
      /^\{"Fn::Join":\["",\["https:\/\/",\{"Ref":"Api\w+"\},".execute-api.*"\/v1"\]\]\}$/,
    );
  });

  it('lets only the outbox relay put events on the bus', () => {
    const putters = resourcesOf(api, 'AWS::IAM::Policy').filter(([, { Properties }]) =>
      JSON.stringify(Properties.PolicyDocument).includes('events:PutEvents'),
    );
    expect(putters.map(([, { Properties }]) => Properties.Roles)).toEqual([
      [{ Ref: logicalId(synth.stacks.api.functions.get('platform.outboxRelay')!.function.role!) }],
    ]);
  });
});

describe('API', () => {
  const pathOf = (resources: Record<string, Cfn>, ref: Cfn): string =>
    ref.Ref ? `${pathOf(resources, resources[ref.Ref].Properties.ParentId)}/${resources[ref.Ref].Properties.PathPart}` : '';

  it('has exactly one method per manifest route, with its function and authorization', () => {
    const resources = api.findResources('AWS::ApiGateway::Resource');
    const actual = resourcesOf(api, 'AWS::ApiGateway::Method').map(([, { Properties }]) => {
      const target = manifests
        .flatMap((m) => Object.keys(m.functions).map((fn) => fnLogicalId(m.name, fn)))
        .find((id) => JSON.stringify(Properties.Integration.Uri).includes(`"${id}"`));
      return `${Properties.HttpMethod} ${pathOf(resources, Properties.ResourceId)} ${Properties.AuthorizationType} ${Properties.ApiKeyRequired} ${target}`;
    });
    const expected = manifests.flatMap((m) =>
      m.routes.map(
        (r) =>
          `${r.method} ${r.path} ${r.auth === 'public' ? 'NONE false' : 'CUSTOM true'} ${fnLogicalId(m.name, r.function)}`,
      ),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('checks bearer keys with a cached REQUEST authorizer and meters them by usage plan', () => {
    api.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
    api.hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'AUTHORIZER' });
    for (const name of ['web-forms', 'call-center']) {
      api.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
        UsagePlanName: name,
        Throttle: { RateLimit: Match.anyValue(), BurstLimit: Match.anyValue() },
        Quota: { Limit: Match.anyValue(), Period: 'DAY' },
      });
    }
  });

  it('logs, traces and throttles the stage', () => {
    api.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{"requestId"') },
      MethodSettings: [
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', MetricsEnabled: true, ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
      ],
    });
  });

  it.each([
    ['UNAUTHORIZED', 401, 'unauthorized'],
    ['ACCESS_DENIED', 403, 'forbidden'],
    ['THROTTLED', 429, 'too-many-requests'],
    ['DEFAULT_4XX', 400, 'bad-request'],
    ['DEFAULT_5XX', 500, 'internal-error'],
  ])('answers %s with an application/problem+json %i', (type, status, code) => {
    const [, response] = resourcesOf(api, 'AWS::ApiGateway::GatewayResponse').find(
      ([, { Properties }]) => Properties.ResponseType === type,
    )!;
    expect(response.Properties.StatusCode).toBe(String(status));
    expect(response.Properties.ResponseParameters['gatewayresponse.header.Content-Type']).toBe("'application/problem+json'");
    // API Gateway substitutes the JSON-quoted message: the result must be a problem document.
    const body = response.Properties.ResponseTemplates['application/json'].replace('$context.error.messageString', '"msg"');
    expect(JSON.parse(body)).toEqual({ type: `urn:pusula:problem:${code}`, title: expect.any(String), status, code, detail: 'msg' });
  });
});

describe('WAF', () => {
  it('rate-limits the public routes per IP and adds the AWS managed rule groups', () => {
    const [[, acl]] = resourcesOf(api, 'AWS::WAFv2::WebACL') as [[string, { Properties: Record<string, Cfn> }]];
    expect(acl.Properties.Scope).toBe('REGIONAL');
    const [rate, ...managed] = acl.Properties.Rules;
    expect(managed.map((r: Cfn) => r.Statement.ManagedRuleGroupStatement.Name)).toEqual([
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(rate.Action.Block.CustomResponse.ResponseCode).toBe(429);
    const statement = rate.Statement.RateBasedStatement;
    expect(statement).toMatchObject({ Limit: publicRateLimitPer5Minutes, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const matched = statement.ScopeDownStatement.OrStatement.Statements.map(({ AndStatement }: Cfn) =>
      AndStatement.Statements.map((s: Cfn) => `${s.ByteMatchStatement.PositionalConstraint} ${s.ByteMatchStatement.SearchString}`).join(' '),
    );
    const expected = manifests.flatMap((m) =>
      m.routes
        .filter((r) => r.auth === 'public')
        .map((r) =>
          r.path.includes('{')
            ? `EXACTLY ${r.method} STARTS_WITH /v1${r.path.slice(0, r.path.indexOf('{'))}`
            : `EXACTLY ${r.method} EXACTLY /v1${r.path}`,
        ),
    );
    expect(matched.sort()).toEqual(expected.sort());
    expect(expected).toContain('EXACTLY GET STARTS_WITH /v1/fixture/');
    for (const rule of acl.Properties.Rules) expect(rule.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true);
  });

  it('is associated with the API stage', () => {
    api.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FirewallWebAcl'), 'Arn'] },
      ResourceArn: Match.anyValue(),
    });
  });
});

describe('events', () => {
  it('has one rule per subscription with its exact pattern, retries and dead-letter queue', () => {
    const subscriptions = manifests.flatMap((m) => m.subscriptions.map((s) => ({ useCase: m.name, ...s })));
    expect(Object.keys(api.findResources('AWS::Events::Rule'))).toHaveLength(subscriptions.length);
    for (const s of subscriptions) {
      api.hasResourceProperties('AWS::Events::Rule', {
        Name: `pusula-${s.useCase}-${s.name}`,
        EventPattern: Match.exact(s.pattern),
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [fnLogicalId(s.useCase, s.function), 'Arn'] },
            RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
            DeadLetterConfig: { Arn: Match.anyValue() },
          }),
        ],
      });
    }
  });

  it('has one schedule per manifest schedule, with retries and a dead-letter queue', () => {
    const schedules = manifests.flatMap((m) => m.schedules.map((s) => ({ useCase: m.name, ...s })));
    expect(Object.keys(api.findResources('AWS::Scheduler::Schedule'))).toHaveLength(schedules.length);
    for (const s of schedules) {
      api.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: `pusula-${s.useCase}-${s.name}`,
        ScheduleExpression: s.expression,
        ScheduleExpressionTimezone: s.timezone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnLogicalId(s.useCase, s.function), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      });
    }
  });

  it('feeds the outbox relay only new outbox items from the table stream', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnLogicalId('platform', 'outboxRelay') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } }) }],
      },
    });
  });
});

describe('alarms', () => {
  it('alarms on every dead-letter queue, on API 5XX and on relay errors', () => {
    const alarms = resourcesOf(api, 'AWS::CloudWatch::Alarm').map(([, { Properties }]) => Properties);
    const queueIds = Object.keys(api.findResources('AWS::SQS::Queue'));
    for (const queueId of queueIds) {
      expect(
        alarms.some((a) => JSON.stringify(a.Dimensions).includes(`"${queueId}"`) && a.Threshold === 0),
        queueId,
      ).toBe(true);
    }
    expect(alarms.some((a) => a.MetricName === '5XXError')).toBe(true);
    expect(
      alarms.some((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(fnLogicalId('platform', 'outboxRelay'))),
    ).toBe(true);
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });
});

describe('context', () => {
  it('takes publicBaseUrl and alarmEmail from the app context', () => {
    const { api: stack } = synthTemplates({
      useCases: [fixture],
      context: { publicBaseUrl: 'https://crm.example.com', alarmEmail: 'ops@example.com' },
    });
    for (const [id, { Properties }] of resourcesOf(stack, 'AWS::Lambda::Function')) {
      expect(Properties.Environment.Variables.PUBLIC_BASE_URL, id).toBe('https://crm.example.com');
    }
    stack.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });
});

describe('cdk-nag', () => {
  it('fails synthesis on a finding nobody fixed or acknowledged', () => {
    const { app, api: stack } = buildApp({ useCases: [fixture], bundle: false, context: cdkJsonContext() });
    new Queue(stack, 'Unencrypted', { encryption: QueueEncryption.UNENCRYPTED });
    let report = '';
    try {
      app.synth();
    } catch (error) {
      report = readFileSync(String(error).match(/found in: (\S+)/)?.[1] ?? '', 'utf8');
    }
    expect(report).toContain('AwsSolutions-SQS2');
  });
});
