// Amazon Connect may invoke the caller lookup only when the deployment names its instance
// (`-c connectInstanceArn=…`), and then only that instance's flows in this account.
import { describe, expect, it } from 'vitest';
import { amazonConnect } from '../../functions/connect/manifest.js';
import { leadCapture } from '../../functions/lead-capture/manifest.js';
import { deployContext } from '../../infra/deploy-context.js';
import { deploymentContext, synthTemplates } from './synth-template.js';

// An API needs a route: lead capture lends one.
const withApi = [leadCapture, amazonConnect];
const instance = 'arn:aws:connect:eu-central-1:123456789012:instance/c8c0e68d-2200-4265-82c0-0123456789ab';

describe('the Amazon Connect invoke permission', () => {
  it('is granted to connect.amazonaws.com for the named instance, and absent without one', () => {
    const granted = synthTemplates({ useCases: withApi, context: { connectInstanceArn: instance } });
    const permissions = granted.apiNested.get('connect')!.findResources('AWS::Lambda::Permission');
    expect(Object.values(permissions).map((p) => p.Properties)).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceArn: instance,
        SourceAccount: { Ref: 'AWS::AccountId' },
        FunctionName: { 'Fn::GetAtt': [expect.stringMatching(/^connectcallerLookup/), 'Arn'] },
      }),
    ]);
    const none = synthTemplates({ useCases: withApi });
    expect(none.apiNested.get('connect')!.findResources('AWS::Lambda::Permission')).toEqual({});
  });

  it('refuses a value that is not a Connect instance ARN', () => {
    const read = (value: string) =>
      deployContext((key) => ({ ...deploymentContext, connectInstanceArn: value })[key as 'region']);
    expect(read(instance).connectInstanceArn).toBe(instance);
    expect(() => read('arn:aws:connect:eu-central-1:123456789012:instance/short')).toThrow(/connectInstanceArn/);
    expect(() => read('arn:aws:lambda:eu-central-1:123456789012:function:x')).toThrow(/connectInstanceArn/);
  });
});
