// What a real account would meet in its first weeks, asserted on the synthesized templates: an Athena
// read of a half-written export, a rate limit that counts CloudFront's addresses, one quota shared by
// everybody, wildcard IAM grants, source maps paid for on every cold start. One synth for the file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { personQuotaPerDay, usagePlans } from '../../infra/constructs/crm-api.js';
import { bundlingOptions, sourceMapFile } from '../../infra/constructs/crm-function.js';
import { edgeHeaders, viewerIpCode } from '../../infra/constructs/public-firewall.js';
import { type LazyModule, loadLazyModule } from '../../shared/lazy-modules.js';
import { functionId } from '../../shared/manifest.js';
import { synthTemplates } from './synth-template.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, walked generically
type Cfn = any;

let synth: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  synth = synthTemplates();
});

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, { Properties: Cfn }][];

/** The one element of a list, asserted to be alone. */
const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

/** A token in a Fn::Join as readable text: `<Logical.Attr>`, so the joined string parses as JSON. */
const tokenText = (part: Cfn): string => {
  if (typeof part === 'string') return part;
  if (part.Ref) return `<${part.Ref}>`;
  if (part['Fn::GetAtt']) return `<${part['Fn::GetAtt'].join('.')}>`;
  return '<token>';
};

/** An Amazon States Language definition from its template string. */
const stateMachineDefinition = (definition: Cfn) =>
  JSON.parse(typeof definition === 'string' ? definition : definition['Fn::Join'][1].map(tokenText).join(''));

describe('the nightly export', () => {
  const exportRun = () => {
    const [id, machine] = only(resourcesOf(synth.data, 'AWS::StepFunctions::StateMachine'));
    return { id, states: stateMachineDefinition(machine.Properties.DefinitionString).States as Record<string, Cfn> };
  };

  it('never shows Athena an export being written: a prefix per run, the table pointed at it once COMPLETED', () => {
    const { id, states } = exportRun();
    // The schedule starts the run (not the export itself, which nothing would watch).
    const [, schedule] = only(resourcesOf(synth.data, 'AWS::Scheduler::Schedule'));
    expect(schedule.Properties.Target.Arn).toEqual({ Ref: id });
    expect(schedule.Properties.Target.DeadLetterConfig).toBeDefined();

    const start = Object.values(states).find((s) => String(s.Resource).endsWith('dynamodb:exportTableToPointInTime'));
    expect(start.Parameters).toMatchObject({ ExportType: 'FULL_EXPORT', 'S3Prefix.$': '$.run.prefix' });
    // The prefix is the run's own: the execution's name, unique per run.
    const named = Object.values(states).find((s) => s.ResultPath === '$.run');
    expect(named.Parameters['prefix.$']).toBe("States.Format('exports/{}', $$.Execution.Name)");

    // The only path to the Glue update is the COMPLETED branch after DescribeExport.
    const [updateName, update] = only(
      Object.entries(states).filter(([, s]) => String(s.Resource).endsWith('glue:updateTable')),
    );
    const leadingToUpdate = Object.entries(states).filter(
      ([, s]) =>
        s.Next === updateName || s.Default === updateName || s.Choices?.some((c: Cfn) => c.Next === updateName),
    );
    const [, choice] = only(leadingToUpdate);
    expect(choice.Type).toBe('Choice');
    expect(choice.Choices.find((c: Cfn) => c.Next === updateName)).toEqual({
      Variable: '$.describe.status',
      StringEquals: 'COMPLETED',
      Next: updateName,
    });
    // Anything not yet COMPLETED or FAILED waits and asks again.
    expect(states[choice.Default].Type).toBe('Wait');
    expect(String(states[states[choice.Default].Next].Resource)).toMatch(/dynamodb:describeExport$/);
    expect(choice.Choices.find((c: Cfn) => c.StringEquals === 'FAILED')).toBeDefined();

    // The location is that export's data folder alone (no manifests, no other run).
    expect(update.Parameters.TableInput.StorageDescriptor['Location.$']).toBe(
      "States.Format('s3://{}/{}/AWSDynamoDB/{}/data/', $.run.bucket, $.run.prefix, " +
        "States.ArrayGetItem(States.StringSplit($.export.arn, '/'), 3))",
    );
    // …and rewrites the table as the template declares it, columns included.
    const [, glueTable] = only(resourcesOf(synth.data, 'AWS::Glue::Table'));
    expect(update.Parameters.TableInput.StorageDescriptor.Columns).toEqual(
      glueTable.Properties.TableInput.StorageDescriptor.Columns,
    );
    expect(update.Parameters.TableInput.Name).toBe(glueTable.Properties.TableInput.Name);
  });

  it('starts the Glue table on a prefix no export writes, not on every export at once', () => {
    const [, glueTable] = only(resourcesOf(synth.data, 'AWS::Glue::Table'));
    const location = glueTable.Properties.TableInput.StorageDescriptor.Location;
    const text = location['Fn::Join'][1].map(tokenText).join('');
    expect(text).toMatch(/^s3:\/\/<Warehouse\w+>\/exports\/none-yet\/$/);
  });

  it('alarms when a run fails or times out', () => {
    const { id } = exportRun();
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      const alarms = resourcesOf(synth.api, 'AWS::CloudWatch::Alarm').filter(
        ([, alarm]) => alarm.Properties.MetricName === metric && alarm.Properties.Namespace === 'AWS/States',
      );
      expect(alarms, metric).toHaveLength(1);
      expect(JSON.stringify(alarms[0]![1].Properties.Dimensions)).toContain(id);
    }
  });
});

describe("the public rate limit counts the client's address, not CloudFront's", () => {
  const rules = () => {
    const [, acl] = only(resourcesOf(synth.api, 'AWS::WAFv2::WebACL'));
    return acl.Properties.Rules as Cfn[];
  };
  const apiBehaviour = () => {
    const [, distribution] = only(resourcesOf(synth.api, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    const behaviour = only(config.CacheBehaviors as Cfn[]);
    expect(behaviour.PathPattern).toBe('/v1/*');
    return { behaviour, origin: config.Origins.find((o: Cfn) => o.Id === behaviour.TargetOriginId) };
  };

  it("CloudFront writes the viewer's address over whatever the client sent, and vouches with a header", () => {
    const { behaviour, origin } = apiBehaviour();
    const association = only(behaviour.FunctionAssociations as Cfn[]);
    expect(association.EventType).toBe('viewer-request');
    const [, fn] = only(
      resourcesOf(synth.api, 'AWS::CloudFront::Function').filter(
        ([id]) => id === association.FunctionARN['Fn::GetAtt'][0],
      ),
    );
    expect(fn.Properties.FunctionCode).toBe(viewerIpCode);
    // The function as CloudFront runs it: a forged header is replaced, nothing else is touched.
    const handler = new Function(`${viewerIpCode}; return handler;`)();
    const request = { headers: { [edgeHeaders.viewerIp]: { value: '10.9.9.9' }, accept: { value: 'text/html' } } };
    expect(handler({ request, viewer: { ip: '198.51.100.7' } }).headers).toEqual({
      [edgeHeaders.viewerIp]: { value: '198.51.100.7' },
      accept: { value: 'text/html' },
    });
    const proof = only(origin.OriginCustomHeaders as Cfn[]);
    expect(proof.HeaderName).toBe(edgeHeaders.proof);
    // Unique per stack, not a constant anyone could read in this repository.
    expect(JSON.stringify(proof.HeaderValue)).toContain('AWS::StackId');
  });

  it('counts requests CloudFront vouches for by the viewer header, all others by their source address', () => {
    const { origin } = apiBehaviour();
    const proofValue = only(origin.OriginCustomHeaders as Cfn[]).HeaderValue;
    const rate = rules().filter((rule) => rule.Statement.RateBasedStatement);
    expect(rate.map((rule) => rule.Name).sort()).toEqual(['public-rate-limit', 'public-rate-limit-via-cloudfront']);
    const vouched = {
      ByteMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: edgeHeaders.proof } },
        SearchString: proofValue,
        PositionalConstraint: 'EXACTLY',
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    };
    const byName = (name: string) => rate.find((rule) => rule.Name === name).Statement.RateBasedStatement;
    const viaCloudFront = byName('public-rate-limit-via-cloudfront');
    expect(viaCloudFront.AggregateKeyType).toBe('FORWARDED_IP');
    expect(viaCloudFront.ForwardedIPConfig).toEqual({ HeaderName: edgeHeaders.viewerIp, FallbackBehavior: 'MATCH' });
    expect(viaCloudFront.ScopeDownStatement.AndStatement.Statements).toContainEqual(vouched);
    const direct = byName('public-rate-limit');
    expect(direct.AggregateKeyType).toBe('IP');
    expect(direct.ForwardedIPConfig).toBeUndefined();
    expect(direct.ScopeDownStatement.AndStatement.Statements).toContainEqual({ NotStatement: { Statement: vouched } });
    // Same public routes, same limit, on both sides.
    expect(viaCloudFront.Limit).toBe(direct.Limit);
    expect(viaCloudFront.ScopeDownStatement.AndStatement.Statements[0]).toEqual(
      direct.ScopeDownStatement.AndStatement.Statements[0],
    );
    // The client writes X-Forwarded-For's first entry, which is what a rate rule would read.
    expect(JSON.stringify(rules()).toLowerCase()).not.toContain('x-forwarded-for');
  });
});

describe('quotas: per integration key and per person, none shared by everybody', () => {
  it("gives each integration tier a daily quota per key, and the console's shared key none", () => {
    const plans = Object.fromEntries(
      resourcesOf(synth.api, 'AWS::ApiGateway::UsagePlan').map(([, p]) => [p.Properties.UsagePlanName, p.Properties]),
    );
    for (const tier of ['web-forms', 'call-center'] as const) {
      expect(plans[tier].Quota).toEqual({ Limit: usagePlans[tier].quotaPerDay, Period: 'DAY' });
    }
    // Every person presents the console's key: a quota there would be one for all of them together.
    expect(plans.console.Quota).toBeUndefined();
    expect(plans.console.Throttle).toEqual({ RateLimit: 50, BurstLimit: 100 });
  });

  it("counts each person's calls in every function behind a signed-in route, on CALLS# items only", () => {
    const functions = synth.api.findResources('AWS::Lambda::Function');
    const policies = resourcesOf(synth.api, 'AWS::IAM::Policy');
    const signedIn = useCases.flatMap((useCase) =>
      [...new Set(useCase.routes.filter((r) => r.auth !== 'public').map((r) => r.function))].map((fn) =>
        functionId(useCase.name, fn),
      ),
    );
    expect(signedIn.length).toBeGreaterThan(10);
    const byFunctionId = (id: string) =>
      Object.entries(functions).find(([logicalId]) => logicalId.startsWith(id.replace(/[^A-Za-z0-9]/g, '')));
    for (const id of signedIn) {
      const [logicalId, fn] = byFunctionId(id)!;
      expect(fn.Properties.Environment.Variables.PERSON_DAILY_QUOTA, id).toBe(String(personQuotaPerDay));
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const statements = policies
        .filter(([, p]) => p.Properties.Roles.some((r: Cfn) => r.Ref === role))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
      expect(statements, `${id} (${logicalId})`).toContainEqual(
        expect.objectContaining({
          Action: 'dynamodb:UpdateItem',
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CALLS#*'] } },
        }),
      );
    }
  });
});

describe('IAM: wildcards only where AWS has no narrower resource', () => {
  // Actions the Service Authorization Reference lists with no resource type: `*` is their only resource.
  const noResourceLevel = new Set([
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'dynamodb:ListStreams',
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
  ]);
  const statementsOf = (template: Template) =>
    ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].flatMap((type) =>
      resourcesOf(template, type).flatMap(([id, p]) =>
        (p.Properties.PolicyDocument.Statement as Cfn[]).map((statement) => ({ id, type, statement })),
      ),
    );
  const actions = (statement: Cfn): string[] => [statement.Action].flat();

  it('grants `*` in the data and API stacks only for actions that have no resource', () => {
    for (const template of [synth.data, synth.api]) {
      for (const { id, statement } of statementsOf(template)) {
        if (![statement.Resource].flat().includes('*')) continue;
        for (const action of actions(statement)) expect(noResourceLevel.has(action), `${id}: ${action}`).toBe(true);
      }
    }
  });

  it("grants X-Ray's `*` once, in one managed policy every function's role attaches, not in 100 role policies", () => {
    const xray = statementsOf(synth.api).filter(({ statement }) =>
      actions(statement).includes('xray:PutTraceSegments'),
    );
    const { id, type } = only(xray);
    expect(type).toBe('AWS::IAM::ManagedPolicy');
    const roles = synth.api.findResources('AWS::IAM::Role');
    for (const [fnId, fn] of Object.entries(synth.api.findResources('AWS::Lambda::Function'))) {
      if (fnId.includes('BucketDeployment')) continue;
      expect(fn.Properties.TracingConfig, fnId).toEqual({ Mode: 'Active' });
      const role = roles[fn.Properties.Role['Fn::GetAtt'][0]];
      expect(role?.Properties.ManagedPolicyArns, fnId).toContainEqual({ Ref: id });
    }
  });

  it('scopes each function to the table and its indexes, the bus, and its own queues by ARN', () => {
    for (const { id, statement } of statementsOf(synth.api)) {
      for (const resource of [statement.Resource].flat()) {
        if (resource === '*') continue;
        const text = JSON.stringify(resource);
        if (actions(statement).some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams')) {
          expect(text, id).toMatch(/Table|TableName|table/);
        }
        if (actions(statement).some((a) => a === 'sqs:SendMessage')) expect(text, id).toMatch(/Queue|dead|Failures/i);
        if (actions(statement).includes('events:PutEvents')) expect(text, id).toMatch(/Bus/);
      }
    }
  });

  it('copies the console into the site bucket by reference to it, not by an export name typed twice', () => {
    const text = JSON.stringify(synth.consoleFiles.toJSON());
    expect(text).not.toContain('Fn::ImportValue');
    expect(text).not.toContain('-ConsoleBucketName');
  });
});

describe('source maps: readable stack traces without a map parsed at every cold start', () => {
  it('starts no function with --enable-source-maps', () => {
    for (const [id, fn] of Object.entries(synth.api.findResources('AWS::Lambda::Function'))) {
      expect(JSON.stringify(fn.Properties.Environment ?? {}), id).not.toContain('enable-source-maps');
    }
  });

  it('keeps names through minification and moves the external map out of the bundle, beside the assembly', () => {
    const root = mkdtempSync(join(tmpdir(), 'pusula-maps-'));
    try {
      const app = new App({ outdir: join(root, 'cdk.out') });
      const scope = new Construct(new Stack(app, 'S', { stackName: 'pusula-test-api' }), 'Fn');
      const mapFile = sourceMapFile(scope, 'lead-capture.captureLead');
      expect(mapFile).toBe(join(root, 'cdk.out', 'source-maps', 'pusula-test-api', 'lead-capture.captureLead.mjs.map'));
      const declaration = {
        entry: 'x.ts',
        description: 'x',
        uses: {},
        assets: [{ from: 'in.txt', to: 'out.txt' }],
      };
      const options = bundlingOptions(declaration, mapFile);
      expect(options).toMatchObject({ minify: true, keepNames: true, sourceMap: true, sourceMapMode: 'external' });
      // What esbuild leaves in the asset folder, then the hooks as the bundler runs them.
      const input = join(root, 'in');
      const output = join(root, 'asset');
      mkdirSync(input);
      mkdirSync(output);
      writeFileSync(join(input, 'in.txt'), 'asset');
      writeFileSync(join(output, 'index.mjs'), 'export const handler = () => 1;');
      writeFileSync(join(output, 'index.mjs.map'), '{"version":3}');
      for (const command of options.commandHooks!.afterBundling(input, output)) {
        execFileSync('sh', ['-c', command]);
      }
      expect(existsSync(join(output, 'index.mjs.map'))).toBe(false);
      expect(readFileSync(mapFile, 'utf8')).toBe('{"version":3}');
      expect(readFileSync(join(output, 'out.txt'), 'utf8')).toBe('asset');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("lazy modules: code loaded on first use is a file of its own, not parsed at the function's cold start", () => {
  it('bundles each lazy module the bundle names beside index.mjs, its map beside the assembly, and loads it from there', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pusula-lazy-'));
    try {
      const input = join(root, 'in');
      const output = join(root, 'asset');
      mkdirSync(input);
      mkdirSync(output);
      writeFileSync(join(input, 'render.ts'), "export const render = (name: string): string => 'drawn for ' + name;");
      const render: LazyModule<{ render: (name: string) => string }> = { from: 'render.ts', to: 'render.mjs' };
      const unnamed: LazyModule = { from: 'unused.ts', to: 'unused.mjs' };
      // The loader's call keeps the module's source path in the bundle: that is what the hook looks for.
      writeFileSync(join(output, 'index.mjs'), `export const module = {from:"render.ts",to:"render.mjs"};`);
      writeFileSync(join(output, 'index.mjs.map'), '{"version":3}');
      const mapFile = join(root, 'maps', 'quotes.getQuote.mjs.map');
      const options = bundlingOptions({ entry: 'x.ts', description: 'x', uses: {} }, mapFile, [render, unnamed]);
      for (const command of options.commandHooks!.afterBundling(input, output)) {
        execFileSync('bash', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
      }
      expect(readdirSync(output).sort()).toEqual(['index.mjs', 'render.mjs']);
      const bundled = readFileSync(join(output, 'render.mjs'), 'utf8');
      // The functions' own settings: minified ESM with the createRequire banner, no map referenced.
      expect(bundled.slice(0, 200)).toContain('createRequire');
      expect(bundled).not.toContain('sourceMappingURL');
      expect(JSON.parse(readFileSync(join(root, 'maps', 'quotes.getQuote.render.mjs.map'), 'utf8')).version).toBe(3);

      // In Lambda the module is read beside the bundle, from the task root.
      process.env.LAMBDA_TASK_ROOT = output;
      expect((await loadLazyModule(render)).render('Ayşe')).toBe('drawn for Ayşe');
    } finally {
      delete process.env.LAMBDA_TASK_ROOT;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
