// The handler that keeps deletion protection from blocking a failed first deploy's rollback: it
// switches protection on after create and off only while the stack is in ROLLBACK_IN_PROGRESS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseHandlerCode } from '../../infra/constructs/release-on-failed-create.js';

type Sent = { client: string; command: string; input: Record<string, unknown> };

/** Loads the inline handler with stand-in SDK clients; the stack is in `stackStatus`. */
const load = (stackStatus: string, fail?: { command: string; name: string }) => {
  const sent: Sent[] = [];
  const client = (name: string) =>
    class {
      async send(command: { name: string; input: Record<string, unknown> }) {
        sent.push({ client: name, command: command.name, input: command.input });
        if (fail?.command === command.name)
          throw Object.assign(new Error(`${fail.name} from ${command.name}`), { name: fail.name });
        return command.name === 'DescribeStacks' ? { Stacks: [{ StackStatus: stackStatus }] } : {};
      }
    };
  const command = (name: string) =>
    class {
      readonly name = name;
      constructor(readonly input: Record<string, unknown>) {}
    };
  const modules: Record<string, Record<string, unknown>> = {
    '@aws-sdk/client-cloudformation': {
      CloudFormationClient: client('cloudformation'),
      DescribeStacksCommand: command('DescribeStacks'),
    },
    '@aws-sdk/client-dynamodb': { DynamoDBClient: client('dynamodb'), UpdateTableCommand: command('UpdateTable') },
    '@aws-sdk/client-cognito-identity-provider': {
      CognitoIdentityProviderClient: client('cognito'),
      UpdateUserPoolCommand: command('UpdateUserPool'),
    },
  };
  const exports: { handler?: (event: unknown) => Promise<void> } = {};
  new Function('require', 'exports', releaseHandlerCode)((name: string) => modules[name], exports);
  return { handler: exports.handler!, sent };
};

const responses: { url: string; body: Record<string, string> }[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  responses.length = 0;
});
const stubFetch = () =>
  vi.stubGlobal('fetch', async (url: string, init: { body: string; method: string }) => {
    expect(init.method).toBe('PUT');
    responses.push({ url, body: JSON.parse(init.body) });
    return new Response(null, { status: 200 });
  });

const event = (RequestType: string, properties: Record<string, string>) => ({
  RequestType,
  ResponseURL: 'https://cloudformation-custom-resource-response.invalid/presigned',
  StackId: 'arn:aws:cloudformation:eu-central-1:123456789012:stack/pusula-prod-data/0f1e2d3c',
  RequestId: 'req-1',
  LogicalResourceId: 'DeletionProtectionTable',
  PhysicalResourceId: 'DeletionProtectionTable',
  ResourceProperties: properties,
});

describe('release on failed create', () => {
  it('switches the table’s deletion protection on when created and when updated, and answers SUCCESS', async () => {
    stubFetch();
    const { handler, sent } = load('CREATE_IN_PROGRESS');
    await handler(event('Create', { TableName: 'crm-table' }));
    await handler(event('Update', { TableName: 'crm-table' }));
    expect(sent).toEqual([
      {
        client: 'dynamodb',
        command: 'UpdateTable',
        input: { TableName: 'crm-table', DeletionProtectionEnabled: true },
      },
      {
        client: 'dynamodb',
        command: 'UpdateTable',
        input: { TableName: 'crm-table', DeletionProtectionEnabled: true },
      },
    ]);
    expect(responses.map((r) => [r.url, r.body.Status, r.body.PhysicalResourceId, r.body.RequestId])).toEqual([
      [
        'https://cloudformation-custom-resource-response.invalid/presigned',
        'SUCCESS',
        'DeletionProtectionTable',
        'req-1',
      ],
      [
        'https://cloudformation-custom-resource-response.invalid/presigned',
        'SUCCESS',
        'DeletionProtectionTable',
        'req-1',
      ],
    ]);
  });

  it('switches protection off while a failed stack creation rolls back, table and pool', async () => {
    stubFetch();
    const { handler, sent } = load('ROLLBACK_IN_PROGRESS');
    await handler(event('Delete', { TableName: 'crm-table' }));
    await handler(event('Delete', { UserPoolId: 'eu-central-1_Abc' }));
    expect(sent.filter((s) => s.command !== 'DescribeStacks')).toEqual([
      {
        client: 'dynamodb',
        command: 'UpdateTable',
        input: { TableName: 'crm-table', DeletionProtectionEnabled: false },
      },
      {
        client: 'cognito',
        command: 'UpdateUserPool',
        input: { UserPoolId: 'eu-central-1_Abc', DeletionProtection: 'INACTIVE' },
      },
    ]);
    expect(sent.filter((s) => s.command === 'DescribeStacks').map((s) => s.input.StackName)).toEqual([
      event('Delete', {}).StackId,
      event('Delete', {}).StackId,
    ]);
    expect(responses.map((r) => r.body.Status)).toEqual(['SUCCESS', 'SUCCESS']);
  });

  it.each(['DELETE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'])(
    'leaves protection on when the stack is %s (deleted or updated, not a failed first create)',
    async (status) => {
      stubFetch();
      const { handler, sent } = load(status);
      await handler(event('Delete', { TableName: 'crm-table' }));
      await handler(event('Delete', { UserPoolId: 'eu-central-1_Abc' }));
      expect(sent.map((s) => s.command)).toEqual(['DescribeStacks', 'DescribeStacks']);
      expect(responses.map((r) => r.body.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    },
  );

  it('counts a table already gone as released, and answers FAILED with the reason on any other error', async () => {
    stubFetch();
    await load('ROLLBACK_IN_PROGRESS', { command: 'UpdateTable', name: 'ResourceNotFoundException' }).handler(
      event('Delete', { TableName: 'crm-table' }),
    );
    await load('ROLLBACK_IN_PROGRESS', { command: 'UpdateTable', name: 'AccessDeniedException' }).handler(
      event('Delete', { TableName: 'crm-table' }),
    );
    expect(responses.map((r) => [r.body.Status, r.body.Reason])).toEqual([
      ['SUCCESS', 'see the function log'],
      ['FAILED', 'AccessDeniedException from UpdateTable'],
    ]);
  });
});
