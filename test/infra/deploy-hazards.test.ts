// What a real account would meet in its first weeks, asserted on the synthesized templates: an Athena
// read of a half-written export, a rate limit that counts CloudFront's addresses, one quota shared by
// everybody, wildcard IAM grants, source maps paid for on every cold start. One synth for the file.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './synth-template.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, walked generically
type Cfn = any;

let synth: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  synth = synthTemplates();
});

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, { Properties: Cfn }][];

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
    const [[id, machine]] = resourcesOf(synth.data, 'AWS::StepFunctions::StateMachine');
    return { id, states: stateMachineDefinition(machine.Properties.DefinitionString).States as Record<string, Cfn> };
  };

  it('never shows Athena an export being written: a prefix per run, the table pointed at it once COMPLETED', () => {
    const { id, states } = exportRun();
    // The schedule starts the run (not the export itself, which nothing would watch).
    const [[, schedule]] = resourcesOf(synth.data, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties.Target.Arn).toEqual({ Ref: id });
    expect(schedule.Properties.Target.DeadLetterConfig).toBeDefined();

    const start = Object.values(states).find((s) => String(s.Resource).endsWith('dynamodb:exportTableToPointInTime'));
    expect(start.Parameters).toMatchObject({ ExportType: 'FULL_EXPORT', 'S3Prefix.$': '$.run.prefix' });
    // The prefix is the run's own: the execution's name, unique per run.
    const named = Object.values(states).find((s) => s.ResultPath === '$.run');
    expect(named.Parameters['prefix.$']).toBe("States.Format('exports/{}', $$.Execution.Name)");

    // The only path to the Glue update is the COMPLETED branch after DescribeExport.
    const updates = Object.entries(states).filter(([, s]) => String(s.Resource).endsWith('glue:updateTable'));
    expect(updates).toHaveLength(1);
    const [[updateName, update]] = updates;
    const leadingToUpdate = Object.entries(states).filter(
      ([, s]) => s.Next === updateName || s.Default === updateName || s.Choices?.some((c: Cfn) => c.Next === updateName),
    );
    expect(leadingToUpdate).toHaveLength(1);
    const [[, choice]] = leadingToUpdate;
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
    const [[, glueTable]] = resourcesOf(synth.data, 'AWS::Glue::Table');
    expect(update.Parameters.TableInput.StorageDescriptor.Columns).toEqual(
      glueTable.Properties.TableInput.StorageDescriptor.Columns,
    );
    expect(update.Parameters.TableInput.Name).toBe(glueTable.Properties.TableInput.Name);
  });

  it('starts the Glue table on a prefix no export writes, not on every export at once', () => {
    const [[, glueTable]] = resourcesOf(synth.data, 'AWS::Glue::Table');
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
