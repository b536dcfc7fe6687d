// When one table is not enough for analysis: a daily full export of the table to S3 (DynamoDB's own
// export, from point-in-time recovery, so it reads no capacity), a Glue table over the exports and an
// Athena workgroup whose named queries are the analytics lists. The SQL comes from the same files the
// tests run on DuckDB (functions/analytics/warehouse).
import { Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { Universal } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { glueItemType, namedQueries } from '../../functions/analytics/warehouse/warehouse.js';

const EXPORTS = 'exports';
const RESULTS = 'athena-results';
/** Exports a day old are replaced by the next one; two spare days cover a failed night. */
const KEEP_EXPORTS_DAYS = 3;

/** A Glue (and Athena) name from a stack name: lower case, every other character `_`. */
export const glueName = (stackName: string) => stackName.toLowerCase().replace(/[^a-z0-9_]/g, '_');

export class AnalyticsWarehouse extends Construct {
  readonly bucket: Bucket;
  readonly workGroupName: string;
  readonly databaseName: string;

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

    const exportRole = new Role(this, 'ExportRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    });
    const bucketLogicalId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId);
    Validations.of(exportRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${EXPORTS}/*]`,
      reason: 'An export writes files whose names DynamoDB chooses, under the exports prefix of this one bucket only.',
    });
    new Schedule(this, 'DailyExport', {
      description: 'Full export of the CRM table to S3 for Athena (02:30 Istanbul)',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '2', timeZone: TimeZone.EUROPE_ISTANBUL }),
      timeWindow: TimeWindow.off(),
      target: new Universal({
        role: exportRole,
        // A night the export could not start (throttled, the table busy) is kept and alarmed on.
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
        service: 'dynamodb',
        action: 'exportTableToPointInTime',
        input: ScheduleTargetInput.fromObject({
          TableArn: props.table.tableArn,
          S3Bucket: this.bucket.bucketName,
          S3Prefix: EXPORTS,
          ExportFormat: 'DYNAMODB_JSON',
          ExportType: 'FULL_EXPORT',
        }),
        policyStatements: [
          new PolicyStatement({ actions: ['dynamodb:ExportTableToPointInTime'], resources: [props.table.tableArn] }),
          new PolicyStatement({
            actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:PutObjectAcl'],
            resources: [this.bucket.arnForObjects(`${EXPORTS}/*`)],
          }),
        ],
      }),
    });

    const database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      // Without a name CloudFormation makes one with hyphens, which Athena's DDL and many tools refuse
      // unquoted; Glue names are lower case, digits and `_`. The stack name carries the stage.
      databaseInput: { name: glueName(Stack.of(this).stackName), description: 'Pusula CRM table exports' },
    });
    this.databaseName = database.ref;
    const table = new CfnTable(this, 'ExportTable', {
      catalogId: account,
      databaseName: database.ref,
      tableInput: {
        name: 'crm_export',
        description:
          'Every export of the CRM table, one DynamoDB JSON item per line; queries read the newest (see its $path)',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'json', compressionType: 'gzip' },
        storageDescriptor: {
          location: `s3://${this.bucket.bucketName}/${EXPORTS}/AWSDynamoDB/`,
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: {
            serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            // Manifests and checksums share the prefix with the data: lines that are not items read as nulls.
            parameters: { 'ignore.malformed.json': 'true', 'case.insensitive': 'true' },
          },
          columns: [{ name: 'item', type: glueItemType() }],
        },
      },
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
}
