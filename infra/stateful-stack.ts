// What must survive a redeploy or a deleted stack: the table, the bus and its archive, the SES
// configuration and the link-signing secret. Everything here is retained when the stack is deleted or
// a resource replaced, but removed when a first deploy rolls back, so retrying it does not collide.
// No fixed physical names: CloudFormation names them, or the name carries the stack's own id, so a
// redeploy beside retained leftovers, or a second copy in the same account, never meets "already exists".
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type CfnArchive, EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { CfnSenderId, CfnConfigurationSet as CfnSmsConfigurationSet } from 'aws-cdk-lib/aws-smsvoice';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { tableSchema } from '../shared/table.js';
import { AnalyticsWarehouse } from './constructs/analytics-warehouse.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import { ReleaseOnFailedCreate } from './constructs/release-on-failed-create.js';
import { PeopleUserPool } from './constructs/user-pool.js';
import type { MailSender } from './deploy-context.js';

const retained = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** Days a letter run's PDF parts stay in the run-files bucket: long enough to print and post a run. */
export const RUN_FILES_DAYS = 30;

export interface StatefulStackProps extends StackProps {
  /** The stage's sender: the user pool's mail goes from it. */
  mailFrom: MailSender;
  /** The alphanumeric sender ID registered for Turkey (context `smsSenderId`). */
  smsSenderId: string;
}

export class StatefulStack extends Stack {
  readonly table: Table;
  readonly bus: EventBus;
  readonly configurationSet: ConfigurationSet;
  readonly signingSecret: Secret;
  /** İYS's API user for the stage, `{"username": …, "password": …}`: the operator sets it. */
  readonly iysCredentials: Secret;
  /** Failed forwards of SES events from the default bus; the stateless stack alarms on it. */
  readonly sesForwardDeadLetterQueue: DeadLetterQueue;
  /** The people who sign in to the console. */
  readonly people: PeopleUserPool;
  /** Nightly exports the scheduler could not start; the stateless stack alarms on it. */
  readonly exportDeadLetterQueue: DeadLetterQueue;
  /** Each night's export run; the stateless stack alarms when one fails or times out. */
  readonly exportRun: StateMachine;
  /**
   * Where End User Messaging SMS publishes the configuration set's delivery events and (once the
   * number's two-way channel names it) inbound replies; the functions declaring `smsEvents` read it.
   */
  readonly smsTopic: Topic;
  /** The texts' configuration set: its events go to `smsTopic`. */
  readonly smsConfigurationSet: CfnSmsConfigurationSet;
  /** The sender ID every text goes from, in Turkey. */
  readonly smsSenderId: CfnSenderId;
  /** Letter runs' PDF parts: private, encrypted, SSL only, expired after RUN_FILES_DAYS. */
  readonly runFiles: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(tableSchema.partitionKey),
      sortKey: stringKey(tableSchema.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Deletion protection is switched on right after creation (ReleaseOnFailedCreate, below): in the
      // template, a failed first deploy could not delete the table and would end in ROLLBACK_FAILED.
      timeToLiveAttribute: tableSchema.ttlAttribute,
      stream: StreamViewType[tableSchema.streamView],
      removalPolicy: retained,
    });
    for (const [indexName, index] of Object.entries(tableSchema.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      });
    }

    // A bus must be named: `<stack>-crm-<first block of the stack's id>`, unique to this stack's life.
    const stackIdBlock = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', this.stackId))));
    this.bus = new EventBus(this, 'Bus', { eventBusName: Fn.join('-', [this.stackName, 'crm', stackIdBlock]) });
    this.bus.applyRemovalPolicy(retained);
    // Every event on the bus, kept a year so a fixed consumer can replay what it missed.
    const archive = this.bus.archive('Archive', {
      description: 'Every crm event, for replay',
      eventPattern: { account: [this.account] },
      retention: Duration.days(365),
    });
    archive.applyRemovalPolicy(retained);
    // aws-cdk renders KmsKeyIdentifier "" when no key is given (aws-cdk#37847); absent means the AWS owned key.
    (archive.node.defaultChild as CfnArchive).addPropertyDeletionOverride('KmsKeyIdentifier');

    this.configurationSet = new ConfigurationSet(this, 'MailConfiguration', { reputationMetrics: true });
    this.configurationSet.applyRemovalPolicy(retained);
    // SES publishes only to the default bus; a rule there forwards its events to the crm bus.
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(defaultBus),
      events: [
        EmailSendingEvent.REJECT,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.DELIVERY_DELAY,
        EmailSendingEvent.RENDERING_FAILURE,
        EmailSendingEvent.OPEN,
        EmailSendingEvent.CLICK,
        EmailSendingEvent.SUBSCRIPTION,
      ],
    });
    this.sesForwardDeadLetterQueue = new DeadLetterQueue(this, 'SesForwardDeadLetterQueue');
    this.sesForwardDeadLetterQueue.applyRemovalPolicy(retained);
    new Rule(this, 'ForwardSesEvents', {
      description: "This stage's SES sending events (bounce, complaint, delivery, open, click) to the crm bus",
      eventBus: defaultBus,
      // The default bus carries every SES event of the account and region: only this stage's
      // configuration set's (SES tags each event's mail with `ses:configuration-set`).
      eventPattern: {
        source: ['aws.ses'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new EventBusTarget(this.bus, { deadLetterQueue: this.sesForwardDeadLetterQueue })],
    });

    // A customer managed key: the SMS service must be let use it to publish to the encrypted topic.
    const smsKey = new Key(this, 'SmsEventsKey', {
      description: 'Encrypts SMS delivery events and replies',
      enableKeyRotation: true,
      removalPolicy: retained,
    });
    const smsService = new ServicePrincipal('sms-voice.amazonaws.com');
    smsKey.grant(smsService, 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.smsTopic = new Topic(this, 'SmsEvents', {
      displayName: 'Pusula SMS delivery events and replies',
      masterKey: smsKey,
      enforceSSL: true,
    });
    // enforceSSL replaces SNS's default policy: the SMS service of this account is let publish.
    this.smsTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SmsServicePublish',
        principals: [smsService],
        actions: ['sns:Publish'],
        resources: [this.smsTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.smsConfigurationSet = new CfnSmsConfigurationSet(this, 'SmsConfigurationSet', {
      eventDestinations: [
        {
          eventDestinationName: 'crm',
          enabled: true,
          matchingEventTypes: ['TEXT_ALL'],
          snsDestination: { topicArn: this.smsTopic.topicArn },
        },
      ],
    });
    this.smsConfigurationSet.applyRemovalPolicy(retained);
    // Turkey takes texts only from a sender ID registered beforehand (its registration is the operator's).
    this.smsSenderId = new CfnSenderId(this, 'SmsSenderId', {
      senderId: props.smsSenderId,
      isoCountryCode: 'TR',
      deletionProtectionEnabled: true,
    });
    this.smsSenderId.applyRemovalPolicy(retained);
    new CfnOutput(this, 'SmsEventsTopicArn', {
      value: this.smsTopic.topicArn,
      description: "Set as the sender number's two-way channel, so replies (RET, STOP) reach the CRM",
    });

    // Names and addresses printed for the post: kept only as long as a run takes to print and post.
    this.runFiles = new Bucket(this, 'RunFiles', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        { expiration: Duration.days(RUN_FILES_DAYS) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: retained,
    });
    Validations.of(this.runFiles).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only the letter-run and import functions write and read it, under IAM; every read is an API call the CRM logs, and CloudTrail data events audit the bucket where a company needs it.',
    });
    new CfnOutput(this, 'RunFilesBucketName', { value: this.runFiles.bucketName });

    this.signingSecret = new Secret(this, 'LinkSigning', {
      description: 'HMAC key that signs links in mail (consent confirmation, unsubscribe)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: retained,
    });
    Validations.of(this.signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the link-signing key would break every link already mailed (unsubscribe links must keep working, RFC 8058 and Law 6563); rotation needs a key-versioning scheme first.',
    });

    this.iysCredentials = new Secret(this, 'IysCredentials', {
      description: 'IYS API user of the firm: {"username": "...", "password": "..."}; consents wait until it is set',
      secretObjectValue: {},
      removalPolicy: retained,
    });
    Validations.of(this.iysCredentials).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: "IYS issues and changes the API user's password in its own portal; the operator copies it here.",
    });

    this.exportDeadLetterQueue = new DeadLetterQueue(this, 'ExportDeadLetterQueue');
    const warehouse = new AnalyticsWarehouse(this, 'Warehouse', {
      table: this.table,
      deadLetterQueue: this.exportDeadLetterQueue,
    });
    this.exportRun = warehouse.exportRun;
    this.people = new PeopleUserPool(this, 'People', {
      mail: { from: props.mailFrom, configurationSetName: this.configurationSet.configurationSetName },
    });
    new ReleaseOnFailedCreate(this, 'DeletionProtection', { table: this.table, userPool: this.people.userPool });

    // Names CloudFormation chose, for operators (replays, `npm run keys` against AWS, rotation, Athena).
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AthenaWorkGroup', {
      value: warehouse.workGroupName,
      description: 'Run the named queries here',
    });
    new CfnOutput(this, 'GlueDatabase', { value: warehouse.databaseName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'LinkSigningSecretArn', { value: this.signingSecret.secretArn });
    new CfnOutput(this, 'IysCredentialsSecretArn', {
      value: this.iysCredentials.secretArn,
      description: 'Put the IYS API user here: {"username": "...", "password": "..."}',
    });
    // For `npm run users` (COGNITO_USER_POOL_ID) and the console's sign-in.
    new CfnOutput(this, 'UserPoolId', { value: this.people.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.people.consoleClient.userPoolClientId });
  }
}

/** What the stateless stack takes from this one. */
export type DataResources = Pick<
  StatefulStack,
  | 'table'
  | 'bus'
  | 'configurationSet'
  | 'signingSecret'
  | 'iysCredentials'
  | 'sesForwardDeadLetterQueue'
  | 'people'
  | 'exportDeadLetterQueue'
  | 'exportRun'
  | 'smsTopic'
  | 'smsConfigurationSet'
  | 'smsSenderId'
  | 'runFiles'
>;
