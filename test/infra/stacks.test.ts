// Template assertions: what the manifests and the table schema declare is what the stacks deploy.
import { readFileSync } from 'node:fs';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  glueItemType,
  listQuery,
  type WarehouseList,
  warehouseLists,
} from '../../functions/analytics/warehouse/warehouse.js';
import { platform, publicRateLimitPer5Minutes, useCases } from '../../functions/manifests.js';
import { buildApp } from '../../infra/build-app.js';
import { manifestDescription, type StatelessStack, tableActions } from '../../infra/stateless-stack.js';
import { type FunctionDeclaration, functionId, type UseCaseManifest } from '../../shared/manifest.js';
import { tableSchema } from '../../shared/table.js';
import { cdkJsonContext, deploymentContext, synthTemplates } from './synth-template.js';

// A use case no real manifest has yet: a schedule, a parameterised public route, memory and
// timeout overrides (30 s behind the API and off it), a read-only function, and a pattern key
// besides source/detail-type/detail.
const fixture: UseCaseManifest = {
  name: 'infra-fixture',
  functions: {
    tick: {
      entry: 'functions/infra-fixture/tick.ts',
      description: 'Fixture page',
      memoryMb: 1024,
      timeoutSeconds: 30,
      uses: { table: 'read' },
    },
    sweep: {
      entry: 'functions/infra-fixture/sweep.ts',
      description: 'Fixture consumer',
      timeoutSeconds: 30,
      uses: { table: 'write', mail: true, signingSecret: true },
    },
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
  subscriptions: [
    { name: 'on-fixture', function: 'sweep', pattern: { source: ['crm.fixture'], account: ['123456789012'] } },
  ],
  schedules: [
    { name: 'every-morning', function: 'sweep', expression: 'cron(0 9 * * ? *)', timezone: 'Europe/Istanbul' },
  ],
};
const manifests = [...useCases, fixture];
/** Every function the stack makes, by use case and name, with its declaration. */
const declarations: [string, string, FunctionDeclaration][] = [
  ...Object.entries(platform).map(([name, declaration]): [string, string, FunctionDeclaration] => [
    'platform',
    name,
    declaration,
  ]),
  ...manifests.flatMap((m) =>
    Object.entries(m.functions).map(([name, declaration]): [string, string, FunctionDeclaration] => [
      m.name,
      name,
      declaration,
    ]),
  ),
];

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
/** Every IAM action the role of one function may take, from the synthesized policies. */
/** The grant every function of a signed-in route has besides its manifest's: its caller's call counter. */
const callCounter = {
  Action: 'dynamodb:UpdateItem',
  Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CALLS#*'] } },
};
const isCallCounter = (statement: Cfn) =>
  statement.Action === callCounter.Action &&
  JSON.stringify(statement.Condition) === JSON.stringify(callCounter.Condition);

/** What a function's role may do, the person's call counter apart (deploy-hazards.test.ts asserts it). */
const grantedActions = (useCase: string, fn: string): string[] => {
  const role = logicalId(synth.stacks.api.functions.get(functionId(useCase, fn))!.function.role!);
  return resourcesOf(api, 'AWS::IAM::Policy')
    .filter(([, { Properties }]) => Properties.Roles.some((r: Cfn) => r.Ref === role))
    .flatMap(([, { Properties }]) =>
      Properties.PolicyDocument.Statement.filter((st: Cfn) => !isCallCounter(st)).flatMap((st: Cfn) =>
        [st.Action].flat(),
      ),
    );
};

describe('stateful stack', () => {
  it('builds the table from tableSchema and retains it', () => {
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'RetainExceptOnCreate',
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
      }),
    });
  });

  it('protects the table and pool from deletion, yet lets a failed first create roll them back (no ROLLBACK_FAILED)', () => {
    const resources = data.toJSON().Resources as Record<string, Cfn>;
    const [[tableId, table]] = resourcesOf(data, 'AWS::DynamoDB::Table') as [[string, Cfn]];
    const [[poolId, pool]] = resourcesOf(data, 'AWS::Cognito::UserPool') as [[string, Cfn]];
    // In the template the table is unprotected (a rollback could not delete it otherwise); the pool is protected.
    expect(table.Properties).not.toHaveProperty('DeletionProtectionEnabled');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    const releases = resourcesOf(data, 'Custom::ReleaseOnFailedCreate') as [string, Cfn][];
    const byTarget = (key: string, ref: Cfn) =>
      releases.find(([, r]) => JSON.stringify(r.Properties[key]) === JSON.stringify(ref));
    const tableRelease = byTarget('TableName', { Ref: tableId });
    const poolRelease = byTarget('UserPoolId', { Ref: poolId });
    expect(releases).toHaveLength(2);
    expect(tableRelease).toBeDefined();
    expect(poolRelease).toBeDefined();
    // The handler and its role exist before the table and the pool, so a release can always run.
    const [[handlerId, handler]] = Object.entries(resources).filter(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' && JSON.stringify(r.Properties.Code).includes('ROLLBACK_IN_PROGRESS'),
    ) as [[string, Cfn]];
    expect(table.DependsOn).toEqual(expect.arrayContaining([handlerId]));
    expect(pool.DependsOn).toEqual(expect.arrayContaining([handlerId]));
    expect(handler.Properties.Runtime).toBe('nodejs24.x');
    // Each release is deleted before what it releases (it depends on it), after its grants (it depends on them).
    const [[grantsId, grants]] = resourcesOf(data, 'AWS::IAM::Policy').filter(([, r]) =>
      JSON.stringify(r.Properties.PolicyDocument).includes('cognito-idp:UpdateUserPool'),
    ) as [[string, Cfn]];
    for (const [, release] of [tableRelease!, poolRelease!]) {
      expect(release.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [handlerId, 'Arn'] });
      expect(release.DependsOn).toEqual(expect.arrayContaining([grantsId]));
      expect(release.DeletionPolicy ?? 'Delete').toBe('Delete');
    }
    expect(grants.Properties.PolicyDocument.Statement).toEqual([
      { Action: 'dynamodb:UpdateTable', Effect: 'Allow', Resource: { 'Fn::GetAtt': [tableId, 'Arn'] } },
      { Action: 'cognito-idp:UpdateUserPool', Effect: 'Allow', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } },
      { Action: 'cloudformation:DescribeStacks', Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } },
    ]);
  });

  it('has the crm bus, named after this stack and its id, with a year-long archive', () => {
    const stackIdBlock = {
      'Fn::Select': [0, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }],
    };
    data.hasResource('AWS::Events::EventBus', {
      DeletionPolicy: 'RetainExceptOnCreate',
      Properties: { Name: { 'Fn::Join': ['-', ['pusula-prod-data-crm', stackIdBlock]] } },
    });
    data.hasResource('AWS::Events::Archive', {
      DeletionPolicy: 'RetainExceptOnCreate',
      Properties: Match.objectLike({
        RetentionDays: 365,
        SourceArn: { 'Fn::GetAtt': [logicalId(synth.stacks.data.bus), 'Arn'] },
      }),
    });
  });

  it('renders no empty KmsKeyIdentifier on the archive (aws-cdk#37847): the AWS owned key', () => {
    const [[, archive]] = resourcesOf(data, 'AWS::Events::Archive') as [[string, { Properties: Record<string, Cfn> }]];
    expect(archive.Properties).not.toHaveProperty('KmsKeyIdentifier');
  });

  it('retains everything except after a failed first deploy, and fixes no physical name', () => {
    const retained = Object.entries<Cfn>(data.toJSON().Resources).filter(
      ([, r]) => r.DeletionPolicy && r.DeletionPolicy !== 'Delete',
    );
    expect(retained.map(([, r]) => r.Type).sort()).toEqual(
      [
        'AWS::DynamoDB::Table',
        'AWS::S3::Bucket',
        'AWS::Cognito::UserPool',
        'AWS::Events::Archive',
        'AWS::Events::EventBus',
        'AWS::SES::ConfigurationSet',
        // the link-signing key, and İYS's API user the operator sets
        'AWS::SecretsManager::Secret',
        'AWS::SecretsManager::Secret',
        'AWS::SQS::Queue',
        // the texts' configuration set and the key of the topic its delivery events go to
        'AWS::SMSVOICE::ConfigurationSet',
        'AWS::KMS::Key',
        // the sender ID registered for Turkey, and the bucket of letter runs' files (they expire on their own)
        'AWS::SMSVOICE::SenderId',
        'AWS::S3::Bucket',
      ].sort(),
    );
    for (const [id, resource] of retained) {
      expect([id, resource.DeletionPolicy, resource.UpdateReplacePolicy]).toEqual([
        id,
        'RetainExceptOnCreate',
        'Retain',
      ]);
    }
    // A literal name would collide with a retained leftover or a second copy in the account.
    const named = (template: Template, type: string, key: string) =>
      resourcesOf(template, type).filter(([, { Properties }]) => typeof Properties[key] === 'string');
    expect(named(data, 'AWS::SecretsManager::Secret', 'Name')).toEqual([]);
    expect(named(data, 'AWS::SES::ConfigurationSet', 'Name')).toEqual([]);
    expect(named(data, 'AWS::DynamoDB::Table', 'TableName')).toEqual([]);
    for (const template of [data, api]) {
      expect(named(template, 'AWS::Events::Rule', 'Name')).toEqual([]);
      expect(named(template, 'AWS::Scheduler::Schedule', 'Name')).toEqual([]);
    }
  });

  it('sends SES events to the default bus and forwards them to the crm bus', () => {
    data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        EventBridgeDestination: { EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] } },
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'delivery', 'open', 'click']),
      }),
    });
    // Only this stage's configuration set: the default bus carries every SES event of the account.
    const [[configurationSetId]] = resourcesOf(data, 'AWS::SES::ConfigurationSet') as [[string, unknown]];
    data.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: configurationSetId }] } } },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(synth.stacks.data.bus), 'Arn'] },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('exports the table daily to an expiring, private bucket, with a Glue table and the lists as Athena named queries', () => {
    data.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Istanbul',
    });
    // The schedule starts a run that exports and then points the Glue table (deploy-hazards.test.ts).
    const [[machineId, machine]] = resourcesOf(data, 'AWS::StepFunctions::StateMachine') as [
      [string, { Properties: { DefinitionString: Cfn } }],
    ];
    const [[, schedule]] = resourcesOf(data, 'AWS::Scheduler::Schedule') as [
      [string, { Properties: { Target: { Arn: Cfn } } }],
    ];
    expect(schedule.Properties.Target.Arn).toEqual({ Ref: machineId });
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    expect(definition).toContain(':aws-sdk:dynamodb:exportTableToPointInTime');
    expect(definition).toContain('FULL_EXPORT');
    expect(definition).toContain(logicalId(synth.stacks.data.table));
    data.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 3 })]),
      },
    });
    data.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'crm_export',
        StorageDescriptor: Match.objectLike({ Columns: [{ Name: 'item', Type: glueItemType() }] }),
      }),
    });
    data.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({ EnforceWorkGroupConfiguration: true }),
    });
    const named = resourcesOf(data, 'AWS::Athena::NamedQuery').map(
      ([, r]) => r.Properties as { Name: string; QueryString: string },
    );
    expect(named.map((q) => q.Name).sort()).toEqual([...warehouseLists].sort());
    for (const q of named) expect(q.QueryString).toBe(listQuery(q.Name as WarehouseList, 'athena').sql);
  });

  it('generates a retained 64-character link-signing secret', () => {
    data.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'RetainExceptOnCreate',
      Properties: Match.objectLike({ GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } }),
    });
  });
});

describe('functions', () => {
  // No NODE_OPTIONS: --enable-source-maps would parse a map on every cold start (deploy-hazards.test.ts).
  const environmentKeys = [
    'TABLE_NAME',
    'EVENT_BUS_NAME',
    'MAIL_FROM',
    'PUBLIC_BASE_URL',
    'CONSOLE_URL',
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
      // Sign-in: the pool's ids to the functions that use it, the console's usage key to the authorizer,
      // a person's daily quota to the functions of signed-in routes (deploy-hazards.test.ts), the SMS
      // sender and configuration set to the functions that text (sms-infra.test.ts), İYS's settings to the
      // functions that talk to İYS (iys-infra.test.ts), the run files' bucket to the letter runs
      // (letter-files-infra.test.ts), the ERP's address to the stock functions when the context names one.
      const signIn = Object.keys(Properties.Environment.Variables).filter(
        (key) =>
          key.startsWith('COGNITO_') ||
          key.startsWith('SMS_') ||
          key.startsWith('IYS_') ||
          key === 'RUN_FILES_BUCKET' ||
          key === 'ERP_URL' ||
          key === 'CONSOLE_USAGE_KEY' ||
          key === 'PERSON_DAILY_QUOTA',
      );
      expect(
        Object.keys(Properties.Environment.Variables)
          .filter((key) => !signIn.includes(key))
          .sort(),
        id,
      ).toEqual([...environmentKeys].sort());
      expect(logGroups[Properties.LoggingConfig.LogGroup.Ref]?.Properties.RetentionInDays, id).toBe(30);
    }
    // The manifest's memory where it sets it (the fixture's tick: 1024 MB), else 512 MB.
    const functions = api.findResources('AWS::Lambda::Function');
    for (const [useCase, name, declaration] of declarations) {
      expect(functions[fnLogicalId(useCase, name)]!.Properties.MemorySize, name).toBe(declaration.memoryMb ?? 512);
    }
    expect(fixture.functions.tick).toMatchObject({ memoryMb: 1024 });
  });

  it("stops every function API Gateway waits for within its 29 s; the others keep the manifest's timeout", () => {
    const functions = api.findResources('AWS::Lambda::Function');
    const timeout = (useCase: string, name: string) => functions[fnLogicalId(useCase, name)]!.Properties.Timeout;
    const behindApi = new Set([
      'platform.authorizer',
      ...manifests.flatMap((m) => m.routes.map((r) => functionId(m.name, r.function))),
    ]);
    for (const [useCase, name, declaration] of declarations) {
      const declared = declaration.timeoutSeconds ?? 10;
      const expected = behindApi.has(functionId(useCase, name)) ? Math.min(declared, 29) : declared;
      expect(timeout(useCase, name), `${useCase}.${name}`).toBe(expected);
    }
    // Both fixture functions declare 30 s: the routed one is cut to 29, the consumer keeps 30.
    expect([timeout('infra-fixture', 'tick'), timeout('infra-fixture', 'sweep')]).toEqual([29, 30]);
  });

  it('builds PUBLIC_BASE_URL from the API id and stage, not from the deployment', () => {
    const [, first] = resourcesOf(api, 'AWS::Lambda::Function')[0]!;
    expect(JSON.stringify(first.Properties.Environment.Variables.PUBLIC_BASE_URL)).toMatch(
      /^\{"Fn::Join":\["",\["https:\/\/",\{"Ref":"Api\w+"\},".execute-api.*"\/v1"\]\]\}$/,
    );
  });

  it('lets no function touch the table, mail or the link-signing secret unless its manifest says it does', () => {
    for (const [useCase, name, { uses }] of declarations) {
      const actions = grantedActions(useCase, name);
      const id = `${useCase}.${name}`;
      const itemActions = actions.filter((a) => tableActions.write.some((item) => a === `dynamodb:${item}`));
      expect([id, itemActions.sort()]).toEqual([
        id,
        uses.table ? tableActions[uses.table].map((a) => `dynamodb:${a}`).sort() : [],
      ]);
      expect([id, actions.filter((a) => a.startsWith('ses:')).sort()]).toEqual([
        id,
        uses.mail ? ['ses:SendEmail', 'ses:SendRawEmail'] : [],
      ]);
      // A secret: the link-signing key, or İYS's API user (which secret: iys-infra.test.ts).
      expect([id, actions.includes('secretsmanager:GetSecretValue')]).toEqual([
        id,
        uses.signingSecret === true || uses.iys === true,
      ]);
      if (!uses.signingSecret && !uses.iys)
        expect(
          actions.filter((a) => a.startsWith('secretsmanager:')),
          id,
        ).toEqual([]);
    }
  });

  it('gives a read-only function no way to write the table, idempotency records included', () => {
    const readOnly = declarations.filter(([, , d]) => d.uses.table === 'read').map(([u, n]) => functionId(u, n));
    expect(readOnly).toEqual(expect.arrayContaining(['platform.authorizer', 'infra-fixture.tick']));
    for (const id of readOnly) {
      const [useCase, name] = id.split('.') as [string, string];
      const actions = grantedActions(useCase, name);
      expect(actions, id).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      for (const write of [
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'BatchWriteItem',
        'TransactWriteItems',
        'ConditionCheckItem',
        '*',
      ]) {
        expect(actions, id).not.toContain(`dynamodb:${write}`);
      }
    }
  });

  it('lets no public page send mail unless it is one that mails', () => {
    const publicFunctions = manifests.flatMap((m) =>
      [...new Set(m.routes.filter((r) => r.auth === 'public').map((r) => r.function))].map(
        (fn) => [m.name, fn, m.functions[fn]!] as const,
      ),
    );
    const silent = publicFunctions.filter(([, , d]) => !d.uses.mail);
    expect(silent.map(([u, n]) => functionId(u, n))).toEqual(
      expect.arrayContaining([
        'lead-capture.captureLead',
        'lead-capture.leadForm',
        'lead-capture.confirmConsent',
        'infra-fixture.tick',
      ]),
    );
    for (const [useCase, name] of silent) {
      expect(
        grantedActions(useCase, name).filter((a) => a.startsWith('ses:')),
        `${useCase}.${name}`,
      ).toEqual([]);
    }
  });

  it('scopes SES sends to the parsed sender address, its domain and the configuration set', () => {
    const [statement] = resourcesOf(api, 'AWS::IAM::Policy')
      .flatMap(([, { Properties }]) => Properties.PolicyDocument.Statement)
      .filter((st: Cfn) => [st.Action].flat().includes('ses:SendRawEmail'));
    const resources = JSON.stringify(statement.Resource);
    expect(resources).toContain(':identity/crm@firma.com.tr"');
    expect(resources).toContain(':identity/firma.com.tr"');
    expect(resources).not.toContain('Pusula CRM');
    expect(resources).toContain(':configuration-set/');
    const [, first] = resourcesOf(api, 'AWS::Lambda::Function')[0]!;
    expect(first.Properties.Environment.Variables.MAIL_FROM).toBe(deploymentContext.mailFrom);
  });

  it('has a `uses` declaration for every function, and refuses a function without one', () => {
    const known = ['table', 'mail', 'signingSecret', 'userPool', 'sms', 'smsEvents', 'iys', 'runFiles', 'erp'];
    for (const [useCase, name, { uses }] of declarations) {
      expect([`${useCase}.${name}`, typeof uses, Object.keys(uses).filter((key) => !known.includes(key))]).toEqual([
        `${useCase}.${name}`,
        'object',
        [],
      ]);
      expect([undefined, 'read', 'write']).toContain(uses.table);
    }
    const undeclared: UseCaseManifest = {
      name: 'infra-fixture',
      functions: { tick: { entry: 'functions/infra-fixture/tick.ts', description: 'No uses' } as FunctionDeclaration },
      routes: [],
      subscriptions: [],
      schedules: [],
    };
    expect(() =>
      buildApp({ useCases: [undeclared], bundle: false, context: { ...cdkJsonContext(), ...deploymentContext } }),
    ).toThrow(/infra-fixture\.tick declares no `uses`/);
  });

  it('lets only the outbox relay put events on the bus', () => {
    const putters = resourcesOf(api, 'AWS::IAM::Policy').filter(([, { Properties }]) =>
      JSON.stringify(Properties.PolicyDocument).includes('events:PutEvents'),
    );
    expect(putters.map(([, { Properties }]) => Properties.Roles)).toEqual([
      [{ Ref: logicalId(synth.stacks.api.functions.get('platform.outboxRelay')!.function.role!) }],
    ]);
  });
  // people and keys managed over the API (functions/people)
  it("grants Cognito's admin actions on the user pool, and only to the function whose manifest says userPool: 'admin'", () => {
    const statements = resourcesOf(api, 'AWS::IAM::Policy').flatMap(([, { Properties }]) =>
      Properties.PolicyDocument.Statement.map((st: Cfn) => ({ roles: Properties.Roles, statement: st })),
    );
    const cognitoAdmin = statements.filter(({ statement }) =>
      [statement.Action].flat().some((a: string) => a.startsWith('cognito-idp:')),
    );
    expect(cognitoAdmin.map(({ roles }) => roles)).toEqual([
      [{ Ref: logicalId(synth.stacks.api.functions.get('people.people')!.function.role!) }],
    ]);
    const [{ statement }] = cognitoAdmin as [{ statement: Cfn }];
    expect([statement.Action].flat().sort()).toEqual(
      [
        'AdminAddUserToGroup',
        'AdminCreateUser',
        'AdminDeleteUser',
        'AdminDisableUser',
        'AdminGetUser',
        'AdminRemoveUserFromGroup',
        'AdminSetUserPassword',
      ].map((a) => `cognito-idp:${a}`),
    );
    // One resource, the pool's ARN (the data stack's output of it), never a wildcard.
    expect([statement.Resource].flat()).toHaveLength(1);
    expect(JSON.stringify(statement.Resource)).toMatch(/FnGetAttPeoplePool\w+Arn/);
    expect(JSON.stringify(statement.Resource)).not.toContain('*');
    for (const [useCase, name, { uses }] of declarations) {
      if (uses.userPool !== 'admin')
        expect(
          grantedActions(useCase, name).filter((a) => a.startsWith('cognito-idp:')),
          `${useCase}.${name}`,
        ).toEqual([]);
    }
  });
});

describe('nested stacks', () => {
  const count = (template: Template) => Object.keys(template.toJSON().Resources).length;
  const countByType = (template: Template) => {
    const counts: Record<string, number> = {};
    for (const { Type } of Object.values<{ Type: string }>(template.toJSON().Resources))
      counts[Type] = (counts[Type] ?? 0) + 1;
    return counts;
  };
  const ids = (template: Template, type: string) => Object.keys(template.findResources(type)).sort();

  it("puts each use case's functions, rules, schedules, dead-letter queues and their alarms in a nested stack named after it", () => {
    expect([...synth.apiNested.keys()]).toEqual(manifests.map((m) => m.name));
    expect(ids(synth.apiParent, 'AWS::CloudFormation::Stack')).toEqual(
      manifests
        .map((m) =>
          synth.stacks.api.resolve(synth.stacks.api.useCaseStacks.get(m.name)!.nestedStackResource!.logicalId),
        )
        .sort(),
    );
    for (const m of manifests) {
      const nested = synth.apiNested.get(m.name)!;
      const consumers = new Set([...m.subscriptions, ...m.schedules].map((s) => s.function));
      expect([m.name, ids(nested, 'AWS::Lambda::Function')]).toEqual([
        m.name,
        Object.keys(m.functions)
          .map((fn) => fnLogicalId(m.name, fn))
          .sort(),
      ]);
      expect([m.name, ids(nested, 'AWS::Events::Rule').length, ids(nested, 'AWS::Scheduler::Schedule').length]).toEqual(
        [m.name, m.subscriptions.length, m.schedules.length],
      );
      // An alarm per dead-letter queue, and one per figure the module declares.
      expect([m.name, ids(nested, 'AWS::SQS::Queue').length, ids(nested, 'AWS::CloudWatch::Alarm').length]).toEqual([
        m.name,
        consumers.size,
        consumers.size + (m.alarms?.length ?? 0),
      ]);
      // Its routes' methods, and nothing else of the API: path resources are shared, so they stay in the parent.
      expect([m.name, Object.keys(countByType(nested)).filter((type) => type.startsWith('AWS::ApiGateway::'))]).toEqual(
        [m.name, m.routes.length > 0 ? ['AWS::ApiGateway::Method'] : []],
      );
      expect([m.name, ids(nested, 'AWS::ApiGateway::Method').length]).toEqual([m.name, m.routes.length]);
    }
  });

  it('keeps the API, its paths, the authorizer, the outbox relay, the firewall, usage plans and the alarm topic in the parent', () => {
    const parent = synth.apiParent;
    expect(ids(parent, 'AWS::Lambda::Function')).toEqual(
      [fnLogicalId('platform', 'authorizer'), fnLogicalId('platform', 'outboxRelay')].sort(),
    );
    expect(ids(parent, 'AWS::ApiGateway::Method')).toEqual([]);
    const types = countByType(parent);
    for (const type of [
      'AWS::ApiGateway::RestApi',
      'AWS::ApiGateway::Authorizer',
      'AWS::WAFv2::WebACL',
      'AWS::SNS::Topic',
      'AWS::Lambda::EventSourceMapping',
    ]) {
      expect([type, types[type]]).toEqual([type, 1]);
    }
    expect(types['AWS::ApiGateway::UsagePlan']).toBe(3);
    // The relay's failure queue is the parent's only queue; rules and schedules are all nested.
    expect([types['AWS::SQS::Queue'], types['AWS::Events::Rule'], types['AWS::Scheduler::Schedule']]).toEqual([
      1,
      undefined,
      undefined,
    ]);
    // The stack's outputs, and RestApi's own ApiEndpoint.
    // (the staff console: its outputs; the values its files stack reads are published as outputs too)
    const outputs = Object.keys(parent.toJSON().Outputs).filter((name) => !name.startsWith('PublishOutput'));
    expect(outputs.map((name) => name.replace(/^ApiEndpoint\w+$/, 'ApiEndpoint')).sort()).toEqual(
      [
        'AlarmTopicArn',
        'ApiEndpoint',
        'ApiUrl',
        'UsagePlancallcenter',
        'UsagePlanconsole',
        'UsagePlanwebforms',
        'ConsoleUrl',
        'ConsoleBucketName',
        'ConsoleDistributionId',
      ].sort(),
    );
  });

  // The parent grows only by path resources (about one per new route) and one nested stack per use case:
  // 301 with 31 modules and 208 paths (it was 405 with the methods in it). Each stack keeps room for 150
  // more, about 150 new paths; past that the paths' subtrees move into nested stacks of their own (a
  // one-time replacement of the API's path resources at deploy, see docs/deployment.md).
  it('keeps the parent and the data stack 150 resources under the 500 CloudFormation allows', () => {
    for (const [name, template] of [
      ['PusulaApi', synth.apiParent],
      ['PusulaData', data],
    ] as const)
      expect([name, count(template) <= 500 - 150]).toEqual([name, true]);
  });

  // A use case's stack grows with its routes (a method each, and the functions behind them): each keeps
  // room for at least 100 more resources, and for as many again as it has routes.
  it("keeps each use case's nested stack under CloudFormation's 500 with headroom for its routes to double", () => {
    for (const m of manifests) {
      const headroom = 500 - count(synth.apiNested.get(m.name)!);
      expect([m.name, headroom >= Math.max(100, m.routes.length)]).toEqual([m.name, true]);
    }
  });

  it("deploys the API's stage only after every use case's methods", () => {
    const parent = synth.apiParent.toJSON().Resources as Record<string, Cfn>;
    const [deploymentId, deployment] = Object.entries(parent).find(
      ([, r]) => r.Type === 'AWS::ApiGateway::Deployment',
    )!;
    const routed = manifests.filter((m) => m.routes.length > 0);
    const nestedIds = routed.map((m) =>
      synth.stacks.api.resolve(synth.stacks.api.useCaseStacks.get(m.name)!.nestedStackResource!.logicalId),
    );
    expect([deploymentId, deployment.DependsOn]).toEqual([deploymentId, expect.arrayContaining(nestedIds)]);
  });

  it('grows the parent by one nested stack plus the path resources of its routes per use case, nothing else', () => {
    const another: UseCaseManifest = {
      ...fixture,
      name: 'infra-fixture-2',
      routes: fixture.routes.map((route) => ({ ...route, path: '/fixture-2/{token}/unsubscribe' })),
    };
    const grown = synthTemplates({ useCases: [...manifests, another] });
    const before = countByType(synth.apiParent);
    const added = Object.entries(countByType(grown.apiParent)).filter(([type, n]) => n !== (before[type] ?? 0));
    expect(Object.fromEntries(added.map(([type, n]) => [type, n - (before[type] ?? 0)]))).toEqual({
      'AWS::CloudFormation::Stack': 1,
      // /fixture-2, /fixture-2/{token}, /fixture-2/{token}/unsubscribe
      'AWS::ApiGateway::Resource': 3,
    });
    // Its two functions, with all they need, went into its own nested stack.
    expect(Object.keys(grown.apiNested.get('infra-fixture-2')!.findResources('AWS::Lambda::Function'))).toHaveLength(2);
    expect(Object.keys(grown.apiNested.get('infra-fixture-2')!.findResources('AWS::ApiGateway::Method'))).toHaveLength(
      1,
    );
    // A new route in a nested stack still makes a new deployment of the stage (its logical id hashes every method).
    const deploymentOf = (template: Template) => ids(template, 'AWS::ApiGateway::Deployment');
    expect(deploymentOf(grown.apiParent)).toHaveLength(1);
    expect(deploymentOf(grown.apiParent)).not.toEqual(deploymentOf(synth.apiParent));
  });

  it('lets API Gateway invoke each routed function by one permission for the v1 stage, beside the function', () => {
    const apiId = logicalId(synth.stacks.api.api.restApi);
    for (const m of manifests) {
      const nested = synth.apiNested.get(m.name)!;
      const permissions = resourcesOf(nested, 'AWS::Lambda::Permission').filter(
        ([, { Properties }]) => Properties.Principal === 'apigateway.amazonaws.com',
      );
      const routed = [...new Set(m.routes.map((r) => r.function))].map((fn) => fnLogicalId(m.name, fn));
      expect([
        m.name,
        permissions.map(([, { Properties }]) => Properties.FunctionName['Fn::GetAtt'][0]).sort(),
      ]).toEqual([m.name, routed.sort()]);
    }
    const merged = resourcesOf(api, 'AWS::Lambda::Permission').filter(
      ([, { Properties }]) =>
        Properties.Principal === 'apigateway.amazonaws.com' &&
        !JSON.stringify(Properties.SourceArn).includes('/authorizers/'),
    );
    expect(merged.length).toBeGreaterThan(0);
    for (const [id, { Properties }] of merged) {
      expect([id, JSON.stringify(Properties.SourceArn)]).toEqual([
        id,
        expect.stringMatching(new RegExp(`\\{"Ref":"${apiId}"\\},"/v1/\\*/\\*"\\]\\]\\}$`)),
      ]);
    }
  });
});

describe('API', () => {
  const pathOf = (resources: Record<string, Cfn>, ref: Cfn): string =>
    ref.Ref
      ? `${pathOf(resources, resources[ref.Ref].Properties.ParentId)}/${resources[ref.Ref].Properties.PathPart}`
      : '';

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
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          MetricsEnabled: true,
          ThrottlingRateLimit: 100,
          ThrottlingBurstLimit: 200,
        }),
      ],
    });
  });

  const gatewayResponse = (type: string) =>
    resourcesOf(api, 'AWS::ApiGateway::GatewayResponse').find(
      ([, { Properties }]) => Properties.ResponseType === type,
    )![1].Properties;
  /** The body as API Gateway renders it: the message JSON-quoted, the response type as is. */
  const rendered = (properties: Cfn, responseType: string) =>
    JSON.parse(
      properties.ResponseTemplates['application/json']
        .replace('$context.error.messageString', '"msg"')
        .replace('$context.error.responseType', responseType),
    );

  it.each([
    ['UNAUTHORIZED', 401, 'unauthorized'],
    ['ACCESS_DENIED', 403, 'forbidden'],
    ['MISSING_AUTHENTICATION_TOKEN', 404, 'not-found'],
    ['THROTTLED', 429, 'too-many-requests'],
    ['INTEGRATION_TIMEOUT', 504, 'gateway-timeout'],
  ])('answers %s with an application/problem+json %i', (type, status, code) => {
    const response = gatewayResponse(type);
    expect(response.StatusCode).toBe(String(status));
    expect(response.ResponseParameters['gatewayresponse.header.Content-Type']).toBe("'application/problem+json'");
    // API Gateway substitutes the JSON-quoted message: the result must be a problem document.
    expect(rendered(response, type)).toEqual({
      type: `urn:pusula:problem:${code}`,
      title: expect.any(String),
      status,
      code,
      detail: 'msg',
    });
  });

  it.each([
    ['DEFAULT_4XX', 'bad-request', 'EXPIRED_TOKEN'],
    ['DEFAULT_5XX', 'internal-error', 'AUTHORIZER_FAILURE'],
  ])('keeps the status of each type %s stands for, still as problem+json', (type, code, standsFor) => {
    const response = gatewayResponse(type);
    expect(response).not.toHaveProperty('StatusCode');
    expect(response.ResponseParameters['gatewayresponse.header.Content-Type']).toBe("'application/problem+json'");
    expect(rendered(response, standsFor)).toEqual({
      type: `urn:pusula:problem:${code}`,
      title: expect.any(String),
      code,
      responseType: standsFor,
      detail: 'msg',
    });
  });
});

describe('WAF', () => {
  it('rate-limits the public routes per IP and adds the AWS managed rule groups', () => {
    const [[, acl]] = resourcesOf(api, 'AWS::WAFv2::WebACL') as [[string, { Properties: Record<string, Cfn> }]];
    expect(acl.Properties.Scope).toBe('REGIONAL');
    const rules = acl.Properties.Rules as Cfn[];
    // The rate rule for direct callers; its twin for calls through CloudFront: deploy-hazards.test.ts.
    const rate = rules.find((r) => r.Name === 'public-rate-limit');
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement);
    expect(rules.map((r) => r.Priority)).toEqual([0, 1, 2, 3]);
    expect(managed.map((r: Cfn) => r.Statement.ManagedRuleGroupStatement.Name)).toEqual([
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    // Bodies over 8 KB (catalogue imports, long leads) and callers without a User-Agent only count:
    // the handlers enforce each route's own size limit.
    expect(managed.map((r: Cfn) => r.Statement.ManagedRuleGroupStatement.RuleActionOverrides)).toEqual([
      [
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
        { Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } },
      ],
      undefined,
    ]);
    for (const group of managed) expect(group.OverrideAction).toEqual({ None: {} });
    expect(rate.Action.Block.CustomResponse.ResponseCode).toBe(429);
    const statement = rate.Statement.RateBasedStatement;
    expect(statement).toMatchObject({
      Limit: publicRateLimitPer5Minutes,
      AggregateKeyType: 'IP',
      EvaluationWindowSec: 300,
    });
    const matched = statement.ScopeDownStatement.AndStatement.Statements[0].OrStatement.Statements.map(
      ({ AndStatement }: Cfn) =>
        AndStatement.Statements.map(
          (s: Cfn) => `${s.ByteMatchStatement.PositionalConstraint} ${s.ByteMatchStatement.SearchString}`,
        ).join(' '),
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
        Description: manifestDescription(s.useCase, s.name, s.function),
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
        Description: manifestDescription(s.useCase, s.name, s.function),
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
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } }) },
        ],
      },
    });
  });
});

describe('alarms', () => {
  it('keeps a nightly export the scheduler could not start, and alarms on it in the API stack', () => {
    const queues = resourcesOf(data, 'AWS::SQS::Queue').map(([id]) => id);
    const [[, schedule]] = resourcesOf(data, 'AWS::Scheduler::Schedule') as [[string, Cfn]];
    const deadLetterId = schedule.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    expect(queues).toContain(deadLetterId);
    expect(schedule.Properties.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 });
    const alarms = resourcesOf(api, 'AWS::CloudWatch::Alarm').map(([, { Properties }]) => JSON.stringify(Properties));
    expect(
      alarms.filter((alarm) => alarm.includes(deadLetterId) && alarm.includes('ApproximateNumberOfMessagesVisible')),
    ).toHaveLength(1);
  });

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
      alarms.some(
        (a) =>
          a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(fnLogicalId('platform', 'outboxRelay')),
      ),
    ).toBe(true);
    api.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it("lets this account's CloudWatch alarms publish to the topic, over TLS only", () => {
    const [[, policy]] = resourcesOf(api, 'AWS::SNS::TopicPolicy') as [[string, { Properties: Record<string, Cfn> }]];
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const alarms = resourcesOf(api, 'AWS::CloudWatch::Alarm');
    const topic = logicalId(synth.stacks.api.node.findChild('Alarms').node.findChild('Topic'));
    expect(policy.Properties.Topics).toEqual([{ Ref: topic }]);
    for (const [id, { Properties }] of alarms) expect(Properties.AlarmActions, id).toEqual([{ Ref: topic }]);
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

  it('gives fallbackNotifyEmail to every function that mails (notifyOwner reads it), and to no other', () => {
    const { api: stack, stacks } = synthTemplates({ context: { fallbackNotifyEmail: 'satis@firma.com.tr' } });
    const functions = stack.findResources('AWS::Lambda::Function');
    const variable = (useCase: string, name: string) => {
      const fn = stacks.api.functions.get(functionId(useCase, name))!.function;
      return functions[logicalId(fn)]!.Properties.Environment.Variables.FALLBACK_NOTIFY_EMAIL;
    };
    expect(variable('lead-capture', 'notifyOwner')).toBe('satis@firma.com.tr');
    for (const [useCase, name, { uses }] of declarations.filter(([u]) => u !== 'infra-fixture')) {
      expect([`${useCase}.${name}`, variable(useCase, name)]).toEqual([
        `${useCase}.${name}`,
        uses.mail ? 'satis@firma.com.tr' : undefined,
      ]);
    }
    // Without it (the shared synth) nobody gets the variable, and synth says so.
    for (const [id, { Properties }] of resourcesOf(api, 'AWS::Lambda::Function')) {
      expect(Properties.Environment.Variables, id).not.toHaveProperty('FALLBACK_NOTIFY_EMAIL');
    }
    expect(JSON.stringify(synth.stacks.api.node.metadata)).toContain('fallbackNotifyEmail');
  });
});

describe('cdk-nag', () => {
  it.each([
    ['the API stack', 'PusulaApi/Unencrypted', (stack: StatelessStack): Construct => stack],
    [
      "a use case's nested stack",
      'PusulaApi/infra-fixture/Unencrypted',
      (stack: StatelessStack): Construct => stack.useCaseStacks.get('infra-fixture')!,
    ],
  ])('fails synthesis on a finding nobody fixed or acknowledged, in %s', (_where, path, scopeIn) => {
    const { app, api: stack } = buildApp({
      useCases: [fixture],
      bundle: false,
      context: { ...cdkJsonContext(), ...deploymentContext },
    });
    new Queue(scopeIn(stack), 'Unencrypted', { encryption: QueueEncryption.UNENCRYPTED });
    let report = '';
    try {
      app.synth();
    } catch (error) {
      report = readFileSync(String(error).match(/found in: (\S+)/)?.[1] ?? '', 'utf8');
    }
    expect(report).toContain('AwsSolutions-SQS2');
    expect(report).toContain(path);
  });
});
