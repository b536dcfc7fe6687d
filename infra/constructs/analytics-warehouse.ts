// When one table is not enough for analysis: a daily full export of the table to S3 (DynamoDB's own
// export, from point-in-time recovery, so it reads no capacity), a Glue table over the newest complete
// export and an Athena workgroup whose named queries are the analytics lists. The SQL comes from the
// same files the tests run on DuckDB (functions/analytics/warehouse).
//
// An export takes minutes to hours and writes its data files as it goes: DynamoDB documents that the
// export is usable only once DescribeExport says ExportStatus COMPLETED, and that its data files are
// under <S3Prefix>/AWSDynamoDB/<ExportId>/data/, next to manifests written at the end
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html,
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeExport.html). So each run
// exports into a prefix of its own, and a state machine polls DescribeExport and only on COMPLETED
// points the Glue table at that export's data folder: Athena never reads an export being written.
import { type CfnElement, Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { CallAwsService } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct, type IConstruct } from 'constructs';
import { glueItemType, namedQueries } from '../../functions/analytics/warehouse/warehouse.js';

const EXPORTS = 'exports';
/** Where the Glue table points before the first export completes: nothing is ever written there. */
const NO_EXPORT_YET = 'none-yet';
const EXPORT_TABLE = 'crm_export';
/** How often a run asks whether its export is done; small tables export in 5–10 minutes. */
const POLL_EVERY = Duration.minutes(5);
const RESULTS = 'athena-results';
/** Exports a day old are replaced by the next one; two spare days cover a failed night. */
const KEEP_EXPORTS_DAYS = 3;

/** A Glue (and Athena) name from a stack name: lower case, every other character `_`. */
export const glueName = (stackName: string) => stackName.toLowerCase().replace(/[^a-z0-9_]/g, '_');

export class AnalyticsWarehouse extends Construct {
  readonly bucket: Bucket;
  readonly workGroupName: string;
  readonly databaseName: string;
  /** One export: start it, wait for COMPLETED, then point the Glue table at it. */
  readonly exportRun: StateMachine;

  constructor(scope: Construct, id: string, props: { table: ITable; deadLetterQueue: IQueue }) {
    super(scope, id);
    const { account } = Stack.of(this);

    this.bucket = new Bucket(this, 'Exports', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Everything here can be made again from the table: expire it rather than keep personal data twice.
      lifecycleRules: [
        { prefix: `${EXPORTS}/`, expiration: Duration.days(KEEP_EXPORTS_DAYS) },
        { prefix: `${RESULTS}/`, expiration: Duration.days(7) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only re-creatable table exports and query results, written by DynamoDB export and Athena under IAM; CloudTrail data events audit reads where a company needs it.',
    });

    const database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      // Without a name CloudFormation makes one with hyphens, which Athena's DDL and many tools refuse
      // unquoted; Glue names are lower case, digits and `_`. The stack name carries the stage.
      databaseInput: { name: glueName(Stack.of(this).stackName), description: 'Pusula CRM table exports' },
    });
    this.databaseName = database.ref;
    const tableInput = (location: string) => ({
      name: EXPORT_TABLE,
      description: 'The newest complete export of the CRM table, one DynamoDB JSON item per line',
      tableType: 'EXTERNAL_TABLE',
      parameters: { classification: 'json', compressionType: 'gzip' },
      storageDescriptor: {
        location,
        inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
        outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        serdeInfo: {
          serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
          parameters: { 'ignore.malformed.json': 'true', 'case.insensitive': 'true' },
        },
        columns: [{ name: 'item', type: glueItemType() }],
      },
    });
    // Until the first export completes the table reads an empty prefix (no rows, no error). A deploy
    // that changes the table's columns puts this location back too, until the next run.
    const table = new CfnTable(this, 'ExportTable', {
      catalogId: account,
      databaseName: database.ref,
      tableInput: tableInput(`s3://${this.bucket.bucketName}/${EXPORTS}/${NO_EXPORT_YET}/`),
    });

    this.exportRun = this.exportRunMachine(props.table, database.ref, tableInput);
    new Schedule(this, 'DailyExport', {
      description: 'Full export of the CRM table to S3 for Athena (02:30 Istanbul)',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '2', timeZone: TimeZone.EUROPE_ISTANBUL }),
      timeWindow: TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.exportRun, {
        // A night the run could not start (throttled) is kept and alarmed on.
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });

    const workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `${Stack.of(this).stackName}-analytics`,
      description: 'Analytics lists over the CRM table exports',
      state: 'ENABLED',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        // A runaway query stops at 10 GB scanned (about $0.05).
        bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: `s3://${this.bucket.bucketName}/${RESULTS}/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
    this.workGroupName = workGroup.ref;

    for (const query of namedQueries()) {
      const named = new CfnNamedQuery(this, `List-${query.name}`, {
        name: query.name,
        description: query.description.slice(0, 1024),
        database: database.ref,
        workGroup: workGroup.ref,
        queryString: query.sql,
      });
      named.addDependency(table);
    }
  }
  private exportRunMachine(
    table: ITable,
    databaseName: string,
    tableInput: (location: string) => object,
  ): StateMachine {
    const stack = Stack.of(this);
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: 'glue', resource, resourceName });
    const run = new Pass(this, 'NameTheRun', {
      comment: 'A prefix of its own per run: an export in progress never shares a folder with a complete one',
      parameters: { bucket: this.bucket.bucketName, prefix: JsonPath.format(`${EXPORTS}/{}`, JsonPath.executionName) },
      resultPath: '$.run',
    });
    const start = new CallAwsService(this, 'StartExport', {
      service: 'dynamodb',
      action: 'exportTableToPointInTime',
      parameters: {
        TableArn: table.tableArn,
        S3Bucket: JsonPath.stringAt('$.run.bucket'),
        S3Prefix: JsonPath.stringAt('$.run.prefix'),
        ExportFormat: 'DYNAMODB_JSON',
        ExportType: 'FULL_EXPORT',
      },
      iamResources: [table.tableArn],
      // The export writes with the caller's permissions.
      additionalIamStatements: [
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:PutObjectAcl'],
          resources: [this.bucket.arnForObjects(`${EXPORTS}/*`)],
        }),
      ],
      resultSelector: { arn: JsonPath.stringAt('$.ExportDescription.ExportArn') },
      resultPath: '$.export',
    });
    start.addRetry({ interval: Duration.minutes(1), maxAttempts: 3, backoffRate: 2 });
    const wait = new Wait(this, 'WaitForExport', { time: WaitTime.duration(POLL_EVERY) });
    const describe = new CallAwsService(this, 'DescribeExport', {
      service: 'dynamodb',
      action: 'describeExport',
      parameters: { ExportArn: JsonPath.stringAt('$.export.arn') },
      iamResources: [`${table.tableArn}/export/*`],
      resultSelector: { status: JsonPath.stringAt('$.ExportDescription.ExportStatus') },
      resultPath: '$.describe',
    });
    describe.addRetry({ interval: Duration.seconds(30), maxAttempts: 3, backoffRate: 2 });
    // The export's id is the last part of its ARN (…:table/<name>/export/<id>).
    const exportId = JsonPath.arrayGetItem(JsonPath.stringSplit(JsonPath.stringAt('$.export.arn'), '/'), 3);
    const dataFolder = JsonPath.format(
      's3://{}/{}/AWSDynamoDB/{}/data/',
      JsonPath.stringAt('$.run.bucket'),
      JsonPath.stringAt('$.run.prefix'),
      exportId,
    );
    const point = new CallAwsService(this, 'PointTableAtExport', {
      service: 'glue',
      action: 'updateTable',
      parameters: {
        CatalogId: stack.account,
        DatabaseName: databaseName,
        TableInput: apiShape(tableInput(dataFolder)),
      },
      iamResources: [
        glueArn('catalog'),
        glueArn('database', databaseName),
        glueArn('table', `${databaseName}/${EXPORT_TABLE}`),
      ],
    });
    const completed = new Choice(this, 'ExportDone?')
      .when(Condition.stringEquals('$.describe.status', 'COMPLETED'), point)
      .when(
        Condition.stringEquals('$.describe.status', 'FAILED'),
        new Fail(this, 'ExportFailed', { error: 'ExportFailed', cause: 'DynamoDB reported the export FAILED' }),
      )
      .otherwise(wait);
    const logs = new LogGroup(this, 'ExportRunLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const machine = new StateMachine(this, 'ExportRun', {
      comment: 'Export the CRM table, wait for it to complete, then point the Glue table at it',
      definitionBody: DefinitionBody.fromChainable(run.next(start).next(wait).next(describe).next(completed)),
      // The largest tables export in a few hours; a run stuck longer fails and alarms.
      timeout: Duration.hours(6),
      tracingEnabled: true,
      // Execution data holds no items (only ARNs and statuses); logged for the operator.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: true },
    });
    const logicalId = (construct: IConstruct) => stack.resolve((construct.node.defaultChild as CfnElement).logicalId);
    for (const [finding, reason] of [
      [
        `Resource::<${logicalId(this.bucket)}.Arn>/${EXPORTS}/*`,
        'An export writes files whose names DynamoDB chooses, under the exports prefix of this one bucket only.',
      ],
      [
        `Resource::<${logicalId(table)}.Arn>/export/*`,
        "DescribeExport's resource is an export of this table, whose id DynamoDB assigns when the run starts.",
      ],
      [
        'Resource::*',
        'Log delivery (logs:CreateLogDelivery and the rest, which Step Functions needs to log) and X-Ray ' +
          '(xray:PutTraceSegments) support no resource-level permissions.',
      ],
    ] as const) {
      Validations.of(machine.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    return machine;
  }
}

/** A Glue TableInput as the API spells it (PascalCase); the maps under `parameters` keep their keys. */
const apiShape = (value: unknown, verbatim = false): unknown => {
  if (Array.isArray(value)) return value.map((item) => apiShape(item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      verbatim ? key : key[0]!.toUpperCase() + key.slice(1),
      apiShape(item, key === 'parameters'),
    ]),
  );
};
