// Letter runs' PDF parts in AWS: one private bucket (all public access blocked, SSL only, encrypted,
// files expired after RUN_FILES_DAYS), and only the letter-run functions may put and get its files.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { letters } from '../../functions/letters/manifest.js';
import { RUN_FILES_DAYS } from '../../infra/stateful-stack.js';
import { synthTemplates } from './synth-template.js';

describe('letter run files in AWS', () => {
  const { data, api } = synthTemplates({ useCases: [letters] });
  const bucketIds = Object.keys(
    data.findResources('AWS::S3::Bucket', {
      Properties: {
        LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: RUN_FILES_DAYS })]) },
      },
    }),
  );

  it('is a private, encrypted, SSL-only bucket whose files expire', () => {
    expect(bucketIds).toHaveLength(1);
    const id = bucketIds[0]!;
    data.hasResource('AWS::S3::Bucket', {
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: RUN_FILES_DAYS, Status: 'Enabled' })]),
        },
      },
      DeletionPolicy: 'RetainExceptOnCreate',
    });
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('lets only the letter-run functions (the API, the part printer) put and get its files, and tells them the bucket', () => {
    const granted = Object.values(api.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('s3:PutObject'),
    );
    expect(granted).toHaveLength(2);
    for (const policy of granted) {
      const statement = (policy.Properties.PolicyDocument.Statement as Record<string, unknown>[]).find((s) =>
        JSON.stringify(s.Action).includes('s3:PutObject'),
      )!;
      expect(statement.Action).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(JSON.stringify(statement.Resource)).toContain('/*');
    }
    const roles = JSON.stringify(granted.map((policy) => policy.Properties.Roles));
    const withBucket = Object.entries(api.findResources('AWS::Lambda::Function')).filter(
      ([, fn]) => fn.Properties.Environment.Variables.RUN_FILES_BUCKET !== undefined,
    );
    expect(withBucket.map(([, fn]) => fn.Properties.Description).sort()).toEqual([
      expect.stringContaining("A letter run's part"),
      expect.stringContaining('Letter runs'),
    ]);
    for (const [, fn] of withBucket) expect(roles).toContain(JSON.stringify(fn.Properties.Role['Fn::GetAtt'][0]));
    // the part printer has a Lambda's longest time for a part of up to 5,000 letters
    const printer = withBucket.find(([, fn]) => String(fn.Properties.Description).includes("A letter run's part"))!;
    expect(printer[1].Properties).toMatchObject({ Timeout: 900, MemorySize: 2048 });
    // the counter reads a whole segment, so it has the longest time too, and no bucket
    const counters = Object.values(api.findResources('AWS::Lambda::Function')).filter((fn) =>
      String(fn.Properties.Description).includes("letter run's segment counted"),
    );
    expect(counters).toHaveLength(1);
    expect(counters[0]!.Properties.Timeout).toBe(900);
    expect(counters[0]!.Properties.Environment.Variables.RUN_FILES_BUCKET).toBeUndefined();
  });
});
