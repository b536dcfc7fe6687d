// Texts in AWS: the configuration set publishes every text event to the encrypted SMS topic, the SMS
// service alone may publish there, the function declaring `smsEvents` is subscribed to it, and only
// functions declaring `sms` may send texts — from the sender ID, with the configuration set.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { channels } from '../../functions/channels/manifest.js';
import { synthTemplates } from './synth-template.js';

describe('SMS in AWS', () => {
  const { data, apiNested } = synthTemplates({ useCases: [channels] });
  const functions = apiNested.get('channels')!;

  it('the configuration set sends every text event to the SMS topic, which the SMS service may publish to', () => {
    const topicIds = Object.keys(
      data.findResources('AWS::SNS::Topic', { Properties: { DisplayName: Match.stringLikeRegexp('SMS') } }),
    );
    expect(topicIds).toHaveLength(1);
    const topicId = topicIds[0]!;
    data.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      EventDestinations: [
        Match.objectLike({
          Enabled: true,
          MatchingEventTypes: ['TEXT_ALL'],
          SnsDestination: { TopicArn: { Ref: topicId } },
        }),
      ],
    });
    data.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'SmsServicePublish',
            Principal: { Service: 'sms-voice.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      }),
    });
    expect(data.findResources('AWS::SNS::Topic', { Properties: { KmsMasterKeyId: Match.anyValue() } })).toHaveProperty(
      topicId!,
    );
  });

  it('declares the sender ID for Turkey, kept when the stack goes, that every sender sends from', () => {
    data.hasResource('AWS::SMSVOICE::SenderId', {
      Properties: { SenderId: 'PUSULA', IsoCountryCode: 'TR', DeletionProtectionEnabled: true },
      DeletionPolicy: 'RetainExceptOnCreate',
    });
    expect(Object.keys(data.findResources('AWS::SMSVOICE::SenderId'))).toHaveLength(1);
  });

  it('subscribes the smsEvents function, and lets only sms functions send texts, with the sender ID and configuration set', () => {
    const subscriptions = Object.values(functions.findResources('AWS::SNS::Subscription')).concat(
      Object.values(data.findResources('AWS::SNS::Subscription')),
    );
    expect(subscriptions.map((s) => s.Properties.Protocol)).toEqual(['lambda']);
    const lambdas = Object.values(functions.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
    );
    const sending = lambdas.filter((env) => env.SMS_SENDER_ID !== undefined);
    const declared = Object.values(channels.functions).filter((fn) => fn.uses.sms);
    expect(sending).toHaveLength(declared.length);
    for (const env of sending) {
      expect(env.SMS_SENDER_ID).toBe('PUSULA');
      expect(env.SMS_CONFIGURATION_SET).toBeDefined();
    }
    const sendPolicies = Object.values(functions.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('sms-voice:SendTextMessage'),
    );
    expect(sendPolicies).toHaveLength(declared.length);
    for (const policy of sendPolicies)
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('sender-id/PUSULA/TR');
  });
});
