// Everything that can be deleted and redeployed: functions, the API and its firewall, the outbox
// relay, rules, schedules, alarms and the dashboard. Routes, rules, schedules and the modules' own
// figures come from the use-case manifests.
// CloudFormation allows 500 resources per stack: each use case's functions, rules, schedules,
// dead-letter queues, alarms and API methods live in a nested stack of its own, so the parent (the
// API and its path resources, the authorizer, the relay, the firewall, the alarm topic) grows only by
// one nested stack and the new path resources per use case.
import {
  Annotations,
  CfnOutput,
  Duration,
  Fn,
  NestedStack,
  Stack,
  type StackProps,
  TimeZone,
  Validations,
} from 'aws-cdk-lib';
import { Dashboard, GraphWidget, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { type EventPattern, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { campaignsUseCase } from '../functions/campaigns/manifest.js';
import { permissionMarketing } from '../functions/campaigns/subscriptions-manifest.js';
import { platform, publicRateLimitPer5Minutes } from '../functions/manifests.js';
import { poolAdminActions } from '../functions/people/user-pool.js';
import {
  type FunctionDeclaration,
  functionId,
  type EventPattern as ManifestPattern,
  type UseCaseManifest,
} from '../shared/manifest.js';
import { keys, tableSchema } from '../shared/table.js';
import { AlarmTopic } from './constructs/alarm-topic.js';
import { CrmApi, personQuotaPerDay } from './constructs/crm-api.js';
import { CrmFunction } from './constructs/crm-function.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import { PublicFirewall } from './constructs/public-firewall.js';
import { consoleBucketExport, StaticSite } from './constructs/static-site.js';
import type { MailSender } from './deploy-context.js';
import type { DataResources } from './stateful-stack.js';

export interface StatelessStackProps extends StackProps {
  data: DataResources;
  useCases: UseCaseManifest[];
  /** Sender of every mail, a verified SES identity (address or its domain). */
  mailFrom: MailSender;
  /** Comma-separated origins allowed to post forms. */
  corsOrigins: string;
  /** Where links in mail point; defaults to the API's execute-api URL. */
  publicBaseUrl?: string;
  alarmEmail?: string;
  /** Inbox for leads no rule assigns: FALLBACK_NOTIFY_EMAIL of the functions that mail. */
  fallbackNotifyEmail?: string;
  /** SES_MAX_SEND_RATE, MARKETING_TOPICS, MARKETING_CAP_*: set on the campaign and subscription functions that read them. */
  marketing?: Record<string, string>;
  /** false: functions get a stub instead of an esbuild bundle (fast synth in tests). */
  bundle?: boolean;
  /** Amazon Connect's contact flows of this instance may invoke the functions declared `invokedBy: 'amazon-connect'`. */
  connectInstanceArn?: string;
  /** IYS_URL, IYS_CODE, IYS_BRAND_CODE for the functions that talk to İYS; none: their consents wait. */
  iys?: Record<string, string>;
  /** ERP_URL for the functions that ask the ERP about stock; none: stock features off. */
  erpUrl?: string;
}

export const stageName = 'v1';

/** EventBridge wants the AWS field names; the manifest uses EventBridge's own pattern syntax. */
export const toRulePattern = ({ source, 'detail-type': detailType, detail, ...rest }: ManifestPattern) =>
  ({ ...rest, source, detailType, detail }) as EventPattern;

/** What a rule or schedule does, by its manifest name: CloudFormation names them, operators find them by this. */
export const manifestDescription = (useCase: string, name: string, fn: string) => `${useCase}.${name}: invokes ${fn}`;

// Item actions only: no Scan, no table management. TransactWriteItems is authorized by the item
// actions it contains.
const tableReadActions = ['GetItem', 'BatchGetItem', 'Query'];
export const tableActions = {
  read: tableReadActions,
  write: [...tableReadActions, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem'],
} as const;

/** The use cases whose functions send marketing mail or read its settings. */
const marketingUseCases = [campaignsUseCase.name, permissionMarketing.name];

/** Where the functions' metrics land (Powertools' namespace and service, set on every function). */
const metricsNamespace = 'Pusula';
const serviceName = 'pusula';

// EventBridge's maximums: a day of retries before the event goes to the dead-letter queue.
const delivery = { retryAttempts: 185, maxEventAge: Duration.hours(24) };

export class StatelessStack extends Stack {
  readonly api: CrmApi;
  /** The staff console: S3 behind CloudFront. */
  readonly staffConsole: StaticSite;
  /** Every function by its manifest id (`lead-capture.captureLead`, `platform.outboxRelay`). */
  readonly functions = new Map<string, CrmFunction>();
  /** The nested stack of each use case, by its manifest name. */
  readonly useCaseStacks = new Map<string, NestedStack>();
  private readonly deadLetterQueues = new Map<string, DeadLetterQueue>();
  private readonly alarms: AlarmTopic;
  /** The modules' declared figures, each beside its alarm's threshold. */
  private readonly dashboardWidgets: GraphWidget[] = [];

  /** Where the console signs people in: the region's Cognito endpoint. */
  get cognitoEndpoint() {
    return `https://cognito-idp.${this.region}.${this.urlSuffix}`;
  }

  constructor(
    scope: Construct,
    id: string,
    private readonly props: StatelessStackProps,
  ) {
    super(scope, id, props);
    const { data } = props;
    this.alarms = new AlarmTopic(this, 'Alarms', { email: props.alarmEmail });
    if (!props.fallbackNotifyEmail) {
      Annotations.of(this).addWarningV2(
        'pusula:no-fallback-inbox',
        'No fallbackNotifyEmail: leads that no rule assigns (or whose team is all away) reach nobody by mail. Set -c fallbackNotifyEmail=sales@your-domain.com.tr.',
      );
    }
    this.api = new CrmApi(this, 'Api', { stageName });
    // Not a credential: it tells the firewall which requests CloudFront vouches for the viewer's
    // address of. Unique per stack (its id's random part) and sent only from CloudFront to the API.
    const edgeProof = Fn.join('-', ['pusula-edge', Fn.select(2, Fn.split('/', this.stackId))]);
    // Before any function: their CORS_ORIGINS include the console's origin.
    this.staffConsole = new StaticSite(this, 'Console', {
      connectSources: [this.cognitoEndpoint],
      api: { domainName: `${this.api.restApi.restApiId}.execute-api.${this.region}.${this.urlSuffix}`, stageName },
      edgeProof,
    });
    const authorizer = this.addFunction(this, functionId('platform', 'authorizer'), platform.authorizer, true).function;
    this.api.authorizeWith(authorizer);
    // People's calls count against the console's usage plan: the authorizer hands API Gateway this
    // key's value (not a secret: with the authorizer as key source, callers cannot present keys).
    const consoleUsageKey = Fn.join('-', ['pusula-console', Fn.select(2, Fn.split('/', this.stackId))]);
    this.api.usagePlans.console.addApiKey(this.api.restApi.addApiKey('ConsoleUsageKey', { value: consoleUsageKey }));
    authorizer.addEnvironment('CONSOLE_USAGE_KEY', consoleUsageKey);
    this.addOutboxRelay();

    for (const useCase of props.useCases) this.addUseCase(useCase);
    if (this.dashboardWidgets.length) new Dashboard(this, 'Dashboard', { widgets: [this.dashboardWidgets] });

    new PublicFirewall(this, 'Firewall', {
      stage: this.api.restApi.deploymentStage,
      stageName,
      publicRoutes: props.useCases.flatMap((useCase) => useCase.routes.filter((route) => route.auth === 'public')),
      ratePer5Minutes: publicRateLimitPer5Minutes,
      edgeProof,
    });

    this.alarms.alarmAboveZero(
      'ApiServerErrors',
      this.api.restApi.metricServerError({ statistic: 'Sum', period: Duration.minutes(5) }),
      'The API answered with a 5XX: no input should ever yield one.',
    );
    this.alarmOnDepth(
      'SesForwardDeadLetters',
      data.sesForwardDeadLetterQueue,
      'SES events the default bus could not forward',
    );
    this.alarmOnDepth(
      'ExportDeadLetters',
      data.exportDeadLetterQueue,
      'Nightly table exports the scheduler could not start',
    );
    for (const [id, metric, what] of [
      ['ExportRunFailures', data.exportRun.metricFailed({ period: Duration.hours(1) }), 'failed'],
      ['ExportRunTimeouts', data.exportRun.metricTimedOut({ period: Duration.hours(1) }), 'timed out'],
    ] as const) {
      this.alarms.alarmAboveZero(
        id,
        metric,
        `A nightly table export ${what}: Athena keeps reading the previous one; see the state machine's logs.`,
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.baseUrl });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.staffConsole.url,
      description: 'The staff console (sign in with the user pool)',
    });
    new CfnOutput(this, 'ConsoleBucketName', {
      value: this.staffConsole.bucket.bucketName,
      exportName: consoleBucketExport(this),
    });
    new CfnOutput(this, 'ConsoleDistributionId', { value: this.staffConsole.distribution.distributionId });
    for (const [name, plan] of Object.entries(this.api.usagePlans)) {
      new CfnOutput(this, `UsagePlan-${name}`, {
        value: plan.usagePlanId,
        description: `Usage plan id of ${name} keys`,
      });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }

  /** One nested stack per use case, named after it: its functions, rules, schedules, dead-letter queues and alarms. */
  private addUseCase(useCase: UseCaseManifest): void {
    const { data } = this.props;
    const scope = new NestedStack(this, useCase.name, { description: `Pusula CRM: the ${useCase.name} use case` });
    this.useCaseStacks.set(useCase.name, scope);
    const routed = new Set(useCase.routes.map((route) => route.function));
    const signedIn = new Set(useCase.routes.filter((route) => route.auth !== 'public').map((route) => route.function));
    const environment = marketingUseCases.includes(useCase.name) ? this.props.marketing : undefined;
    for (const [name, declaration] of Object.entries(useCase.functions)) {
      const added = this.addFunction(scope, functionId(useCase.name, name), declaration, routed.has(name), {
        ...environment,
        ...(signedIn.has(name) ? { PERSON_DAILY_QUOTA: String(personQuotaPerDay) } : {}),
      });
      if (signedIn.has(name)) this.grantPersonCalls(added);
    }
    const fn = (name: string) => {
      const found = this.functions.get(functionId(useCase.name, name));
      if (!found) throw new Error(`${useCase.name}: no function ${name} in its manifest`);
      return found.function;
    };
    for (const route of useCase.routes) this.api.addRoute(route, fn(route.function), scope);
    for (const subscription of useCase.subscriptions) {
      const fnId = functionId(useCase.name, subscription.function);
      new Rule(scope, `${useCase.name}.${subscription.name}`, {
        description: manifestDescription(useCase.name, subscription.name, subscription.function),
        eventBus: data.bus,
        eventPattern: toRulePattern(subscription.pattern),
        targets: [
          new LambdaFunction(fn(subscription.function), { ...delivery, deadLetterQueue: this.deadLetterQueueOf(fnId) }),
        ],
      });
    }
    for (const [name, declaration] of Object.entries(useCase.functions)) {
      if (declaration.invokedBy === 'amazon-connect' && this.props.connectInstanceArn) {
        // Only the named instance's flows, in this account: the confused-deputy guard Lambda documents.
        fn(name).addPermission('AmazonConnectInvoke', {
          principal: new ServicePrincipal('connect.amazonaws.com'),
          sourceArn: this.props.connectInstanceArn,
          sourceAccount: this.account,
        });
      }
    }
    for (const schedule of useCase.schedules) {
      const fnId = functionId(useCase.name, schedule.function);
      new Schedule(scope, `${useCase.name}.${schedule.name}`, {
        description: manifestDescription(useCase.name, schedule.name, schedule.function),
        schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timezone)),
        timeWindow: TimeWindow.off(),
        target: new LambdaInvoke(fn(schedule.function), {
          ...delivery,
          role: this.schedulerRoleOf(fnId),
          deadLetterQueue: this.deadLetterQueueOf(fnId),
          // The scheduled time is the same on every retry: a stable idempotency key for the run.
          input: ScheduleTargetInput.fromObject({
            useCase: useCase.name,
            schedule: schedule.name,
            scheduledTime: ContextAttribute.scheduledTime,
          }),
        }),
      });
    }
    this.addModuleAlarms(useCase, scope);
  }

  /** A module's declared figures: an alarm each, in its nested stack, and a graph on the dashboard. */
  private addModuleAlarms(useCase: UseCaseManifest, scope: Construct): void {
    for (const declared of useCase.alarms ?? []) {
      const metric = new Metric({
        namespace: metricsNamespace,
        metricName: declared.metric,
        dimensionsMap: { service: serviceName },
        statistic: declared.statistic,
        period: Duration.minutes(declared.periodMinutes),
      });
      this.alarms.alarmAbove(`${useCase.name}.${declared.metric}`, metric, declared, declared.description, scope);
      this.dashboardWidgets.push(
        new GraphWidget({
          title: `${useCase.name}: ${declared.metric}`,
          left: [metric],
          leftAnnotations: [{ value: declared.threshold, label: 'alarm above' }],
        }),
      );
    }
  }

  private addFunction(
    scope: Construct,
    id: string,
    declaration: FunctionDeclaration,
    behindApi = false,
    extra: Record<string, string> = {},
  ): CrmFunction {
    const { data, fallbackNotifyEmail } = this.props;
    const { uses } = declaration;
    if (!uses)
      throw new Error(
        `${id} declares no \`uses\` in its manifest: say what its code touches (table, mail, signingSecret), or {} for none.`,
      );
    const crmFunction = new CrmFunction(scope, id, {
      declaration,
      behindApi,
      bundle: this.props.bundle,
      environment: {
        TABLE_NAME: data.table.tableName,
        EVENT_BUS_NAME: data.bus.eventBusName,
        MAIL_FROM: this.props.mailFrom.header,
        PUBLIC_BASE_URL: this.props.publicBaseUrl ?? this.api.baseUrl,
        // Staff mails link records in the console.
        CONSOLE_URL: this.staffConsole.url,
        CORS_ORIGINS: [this.props.corsOrigins, this.staffConsole.origin].filter(Boolean).join(','),
        SES_CONFIGURATION_SET: data.configurationSet.configurationSetName,
        ...(uses.iys ? { ...this.props.iys, IYS_SECRET_ARN: data.iysCredentials.secretArn } : {}),
        ...(uses.erp && this.props.erpUrl ? { ERP_URL: this.props.erpUrl } : {}),
        ...(uses.runFiles ? { RUN_FILES_BUCKET: data.runFiles.bucketName } : {}),
        ...(uses.sms
          ? { SMS_CONFIGURATION_SET: data.smsConfigurationSet.ref, SMS_SENDER_ID: data.smsSenderId.senderId }
          : {}),
        SIGNING_SECRET_ARN: data.signingSecret.secretArn,
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // Only a mailer can tell the fallback inbox of a lead.
        ...(uses.mail && fallbackNotifyEmail ? { FALLBACK_NOTIFY_EMAIL: fallbackNotifyEmail } : {}),
        // Sign-in for people: the pool whose tokens are verified, the client whose tokens are revoked.
        ...(uses.userPool
          ? {
              COGNITO_USER_POOL_ID: data.people.userPool.userPoolId,
              COGNITO_CLIENT_ID: data.people.consoleClient.userPoolClientId,
            }
          : {}),
        ...extra,
      },
    });
    // Each function gets what its manifest declares it uses, and nothing else.
    if (uses.table) {
      crmFunction.function.addToRolePolicy(
        new PolicyStatement({
          actions: tableActions[uses.table].map((action) => `dynamodb:${action}`),
          resources: [
            data.table.tableArn,
            ...Object.keys(tableSchema.indexes).map((index) => `${data.table.tableArn}/index/${index}`),
          ],
        }),
      );
    }
    if (uses.mail) this.grantSendMail(crmFunction);
    // People managed over the API: Cognito's admin actions on people, on this pool alone.
    if (uses.userPool === 'admin') {
      crmFunction.function.addToRolePolicy(
        new PolicyStatement({
          actions: poolAdminActions.map((action) => `cognito-idp:${action}`),
          resources: [data.people.userPool.userPoolArn],
        }),
      );
    }
    if (uses.signingSecret) data.signingSecret.grantRead(crmFunction.function);
    if (uses.iys) data.iysCredentials.grantRead(crmFunction.function);
    if (uses.sms) this.grantSendText(crmFunction, data.smsSenderId.senderId);
    if (uses.runFiles) this.grantRunFiles(crmFunction);
    if (uses.smsEvents) data.smsTopic.addSubscription(new LambdaSubscription(crmFunction.function));
    this.functions.set(id, crmFunction);
    return crmFunction;
  }

  // Counting a person's call (shared/person-quota.ts): one action, on the items of the CALLS# partitions only.
  private grantPersonCalls(crmFunction: CrmFunction): void {
    crmFunction.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [this.props.data.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [keys.personCalls('*', '').pk] } },
      }),
    );
  }

  // Files of the run-files bucket written and read whole: no listing, no deleting (the lifecycle expires them).
  private grantRunFiles(crmFunction: CrmFunction): void {
    const { runFiles } = this.props.data;
    crmFunction.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [runFiles.arnForObjects('*')] }),
    );
    // The bucket is named by the reference CDK makes between the stacks, which exists only once the
    // app is prepared: acknowledged then, by that text.
    crmFunction.node.addValidation({
      validate: () => {
        const bucketArn = JSON.stringify(Stack.of(crmFunction).resolve(runFiles.bucketArn));
        Validations.of(crmFunction.function.role!).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
          reason:
            'A letter run names each PDF part it stores, an import job each chunk of rows (a new key per part or ' +
            'chunk), in the run-files bucket alone.',
        });
        return [];
      },
    });
  }

  // Texts only from the sender ID registered for Turkey, only with the CRM's configuration set.
  private grantSendText(crmFunction: CrmFunction, senderId: string): void {
    const stack = Stack.of(crmFunction);
    crmFunction.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [
          stack.formatArn({ service: 'sms-voice', resource: 'sender-id', resourceName: `${senderId}/TR` }),
          this.props.data.smsConfigurationSet.attrArn,
        ],
      }),
    );
  }

  // Scoped to the sender identity (address and its domain) and the configuration set.
  private grantSendMail(crmFunction: CrmFunction): void {
    const { mailFrom, data } = this.props;
    // The function's own stack: a nested stack's ARN parts are its own pseudo parameters, not the parent's.
    const stack = Stack.of(crmFunction);
    const identity = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    crmFunction.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          identity(mailFrom.address),
          identity(mailFrom.domain),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: data.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
  }

  // The stream → bus relay: only new outbox items reach it; a poison record is bisected out and
  // parked in a queue after a day of retries instead of blocking the shard.
  private addOutboxRelay(): void {
    const { data } = this.props;
    const relay = this.addFunction(this, functionId('platform', 'outboxRelay'), platform.outboxRelay).function;
    const failures = new DeadLetterQueue(this, 'OutboxRelayFailures');
    relay.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual('outbox') } } },
          }),
        ],
      }),
    );
    // Only the relay publishes: handlers write an outbox item instead.
    data.bus.grantPutEventsTo(relay);
    // The one `Resource::*` statement of a function's own role (X-Ray's is in CrmFunction's shared policy).
    Validations.of(relay.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams, added by the stream event source, supports no resource-level permissions.',
    });
    this.alarmOnDepth(
      'OutboxRelayFailureDepth',
      failures,
      'Outbox items the relay gave up on: their events were not published',
    );
    this.alarms.alarmAboveZero(
      'OutboxRelayErrors',
      relay.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
      'The outbox relay failed a batch (it retries; the failure queue alarm says when it gave up)',
    );
  }

  // One dead-letter queue per consumer function, shared by its rules, schedules and async invokes:
  // EventBridge's retries cover delivery, Lambda's async retries cover the handler failing. The queue
  // and its alarm live in the function's (nested) stack.
  private deadLetterQueueOf(fnId: string): DeadLetterQueue {
    let queue = this.deadLetterQueues.get(fnId);
    if (!queue) {
      const crmFunction = this.functions.get(fnId)!;
      const scope = Stack.of(crmFunction);
      queue = new DeadLetterQueue(scope, `${fnId}.dead-letters`);
      this.deadLetterQueues.set(fnId, queue);
      crmFunction.function.configureAsyncInvoke({ onFailure: new SqsDestination(queue), retryAttempts: 2 });
      this.alarmOnDepth(`${fnId}.dead-letter-depth`, queue, `Events ${fnId} could not handle`, scope);
    }
    return queue;
  }

  // The scheduler's role for one function, made here so its grant can be acknowledged by name.
  private schedulerRoleOf(fnId: string): Role {
    const crmFunction = this.functions.get(fnId)!;
    const existing = crmFunction.node.tryFindChild('SchedulerRole');
    if (existing) return existing as Role;
    const stack = Stack.of(crmFunction);
    const role = new Role(crmFunction, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    const functionLogicalId = stack.resolve((crmFunction.function.node.defaultChild as CfnFunction).logicalId);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'grantInvoke also covers the versions and aliases of this one function; the scheduler may invoke nothing else.',
    });
    return role;
  }

  private alarmOnDepth(id: string, queue: IQueue, what: string, scope?: Construct): void {
    this.alarms.alarmAboveZero(
      id,
      queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      `${what}; inspect and redrive the queue.`,
      scope,
    );
  }
}
