// Deletion protection that a failed first deploy can still roll back.
//
// CloudFormation rolls a failed stack creation back by deleting what it created; DeletionPolicy
// RetainExceptOnCreate lets it delete the table and the pool then (CloudFormation User Guide,
// "DeletionPolicy attribute"), but DynamoDB and Cognito refuse to delete a deletion-protected table or
// pool, so the rollback itself fails and the stack ends in ROLLBACK_FAILED, which no retry can deploy
// over. A custom resource created right after each protected resource (and so deleted right before it
// in a rollback) turns protection off when, and only when, its stack is in ROLLBACK_IN_PROGRESS: the
// status CloudFormation documents for "removal of one or more stacks after a failed stack creation".
// A stack deletion or an update rollback leaves protection on.
//
// The table gets its protection from that resource, after creation (DynamoDB's UpdateTable changes
// only the settings it is given): until then nothing has been written to it, and a rollback never
// meets a protected table. The pool is protected in the template (Cognito's UpdateUserPool resets
// every setting it is not given, so it cannot be switched on afterwards without restating the pool);
// its release resource is made as soon as the pool exists.
import { CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnUserPool, IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { CfnTable, ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The handler (CommonJS, the runtime's own SDK v3): answers CloudFormation at the presigned ResponseURL. */
export const releaseHandlerCode = `
const { CloudFormationClient, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');
const { DynamoDBClient, UpdateTableCommand } = require('@aws-sdk/client-dynamodb');
const { CognitoIdentityProviderClient, UpdateUserPoolCommand } = require('@aws-sdk/client-cognito-identity-provider');
const gone = (error) => error && (error.name === 'ResourceNotFoundException');
exports.handler = async (event) => {
  const properties = event.ResourceProperties || {};
  let status = 'SUCCESS';
  let reason = '';
  try {
    if (event.RequestType !== 'Delete') {
      if (properties.TableName) {
        await new DynamoDBClient({}).send(new UpdateTableCommand({ TableName: properties.TableName, DeletionProtectionEnabled: true }));
      }
    } else {
      const { Stacks } = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: event.StackId }));
      if (Stacks && Stacks[0] && Stacks[0].StackStatus === 'ROLLBACK_IN_PROGRESS') {
        try {
          if (properties.TableName) {
            await new DynamoDBClient({}).send(new UpdateTableCommand({ TableName: properties.TableName, DeletionProtectionEnabled: false }));
          }
          if (properties.UserPoolId) {
            await new CognitoIdentityProviderClient({}).send(new UpdateUserPoolCommand({ UserPoolId: properties.UserPoolId, DeletionProtection: 'INACTIVE' }));
          }
        } catch (error) {
          if (!gone(error)) throw error;
        }
      }
    }
  } catch (error) {
    status = 'FAILED';
    reason = String(error && error.message || error).slice(0, 500);
  }
  const body = JSON.stringify({
    Status: status,
    Reason: reason || 'see the function log',
    PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
};
`;

export interface ReleaseOnFailedCreateProps {
  table: ITable;
  userPool: IUserPool;
}

export class ReleaseOnFailedCreate extends Construct {
  readonly handler: LambdaFunction;

  constructor(scope: Construct, id: string, props: ReleaseOnFailedCreateProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'Switches deletion protection of the table and the pool off only while a failed first create rolls back',
    });
    logGroup.grantWrite(role);
    this.handler = new LambdaFunction(this, 'Handler', {
      description: 'Deletion protection on after create; off only while a failed stack creation rolls back',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(releaseHandlerCode),
      timeout: Duration.minutes(1),
      logGroup,
      role,
    });
    // Its grants name the table and the pool, so they are a policy of their own, made after them: the
    // function (and its role) exist before either, the grants before either release resource.
    const grants = new Policy(this, 'Grants', {
      roles: [role],
      statements: [
        new PolicyStatement({ actions: ['dynamodb:UpdateTable'], resources: [props.table.tableArn] }),
        new PolicyStatement({ actions: ['cognito-idp:UpdateUserPool'], resources: [props.userPool.userPoolArn] }),
        new PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [stack.stackId] }),
      ],
    });
    for (const target of [props.table.node.defaultChild as CfnTable, props.userPool.node.defaultChild as CfnUserPool]) {
      target.node.addDependency(this.handler);
    }
    const release = (releaseId: string, properties: Record<string, string>) => {
      const resource = new CustomResource(this, releaseId, {
        serviceToken: this.handler.functionArn,
        resourceType: 'Custom::ReleaseOnFailedCreate',
        properties,
      });
      resource.node.addDependency(grants);
      return resource;
    };
    release('Table', { TableName: props.table.tableName });
    release('UserPool', { UserPoolId: props.userPool.userPoolId });

    Validations.of(this.handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs24.x is the newest Node.js runtime; the finding is raised for inline code whose runtime it cannot read.',
    });
  }
}
