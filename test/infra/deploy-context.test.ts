// What a deployment must state is checked at synth: the sender SES will accept, and the region.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { deploymentRegion, mailSender, smsSenderIdOf } from '../../infra/deploy-context.js';
import type { UseCaseManifest } from '../../shared/manifest.js';
import { cdkJsonContext, deploymentContext } from './synth-template.js';

const none: UseCaseManifest[] = [];
const synthWith = (context: Record<string, unknown>) => () =>
  buildApp({ useCases: none, bundle: false, context: { ...cdkJsonContext(), ...context } });

describe('mailFrom', () => {
  it.each([
    ['crm@firma.com.tr', 'crm@firma.com.tr', 'firma.com.tr'],
    ['"Pusula CRM" <crm@firma.com.tr>', 'crm@firma.com.tr', 'firma.com.tr'],
    ['Pusula CRM <Satis@Bayi.Firma.com.tr>', 'Satis@Bayi.Firma.com.tr', 'bayi.firma.com.tr'],
  ])('takes %s as the identity %s of the domain %s', (value, address, domain) => {
    expect(mailSender(value)).toEqual({ header: value, address, domain });
  });

  it.each([
    ['crm@example.com', /reserved example domain/],
    ['"Pusula CRM" <crm@example.com>', /reserved example domain/],
    ['crm@mail.example.org', /reserved example domain/],
    ['crm@firma.test', /reserved example domain/],
    ['Pusula CRM', /must be one e-mail address/],
    ['crm@', /must be one e-mail address/],
    ['crm@localhost', /must be one e-mail address/],
    ['a@firma.com.tr, b@firma.com.tr', /must be one e-mail address/],
    ['Satış: a@firma.com.tr;', /must be one e-mail address/],
  ])('refuses %s at synth', (mailFrom, message) => {
    expect(synthWith({ ...deploymentContext, mailFrom })).toThrow(message);
  });

  it('refuses a deployment that names no sender', () => {
    expect(synthWith({ region: deploymentContext.region })).toThrow(/Set the sender of every mail: -c mailFrom=/);
    expect(synthWith({ ...deploymentContext, mailFrom: '  ' })).toThrow(/Set the sender of every mail/);
  });

  it('cdk.json names no sender, so a deploy cannot fall back to one', () => {
    expect(cdkJsonContext()).not.toHaveProperty('mailFrom');
  });

  it('refuses a fallbackNotifyEmail that is not one address', () => {
    expect(synthWith({ ...deploymentContext, fallbackNotifyEmail: 'sales team' })).toThrow(
      /fallbackNotifyEmail must be one e-mail address/,
    );
  });
});

describe('smsSenderId', () => {
  it.each([
    [undefined, 'PUSULA'],
    ['FIRMA', 'FIRMA'],
    ['Firma2026', 'Firma2026'],
    ['ABCDEFGHIJK', 'ABCDEFGHIJK'],
    ['A', 'A'],
  ])('takes %s as the sender ID %s', (value, senderId) => {
    expect(smsSenderIdOf(value)).toBe(senderId);
  });

  it.each(['ABCDEFGHIJKL', 'ŞİRKET', 'FIRMA ADI', '12345', 'FIRMA-1'])(
    'refuses %s at synth, saying what a sender ID may be',
    (smsSenderId) => {
      expect(synthWith({ ...deploymentContext, smsSenderId })).toThrow(
        /Context smsSenderId must be the sender ID registered for Turkey: up to 11 letters A–Z \(no Turkish letters, no spaces\) and digits, at least one letter/,
      );
    },
  );
});

describe('region', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the context value first, then the region the environment states', () => {
    expect(deploymentRegion('eu-south-1', { CDK_DEFAULT_REGION: 'eu-west-1' })).toBe('eu-south-1');
    expect(deploymentRegion(undefined, { CDK_DEFAULT_REGION: 'eu-central-1' })).toBe('eu-central-1');
    expect(deploymentRegion(undefined, { AWS_REGION: 'eu-west-1' })).toBe('eu-west-1');
    expect(deploymentRegion(undefined, { CDK_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1' })).toBe('us-east-1');
    expect(deploymentRegion(undefined, { CDK_DEFAULT_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' })).toBe(
      'us-east-1',
    );
  });

  it("refuses the CDK CLI's silent us-east-1 and no region at all", () => {
    expect(() => deploymentRegion(undefined, { CDK_DEFAULT_REGION: 'us-east-1' })).toThrow(
      /fell back to us-east-1.*-c region=us-east-1/,
    );
    expect(() => deploymentRegion(undefined, {})).toThrow(/No AWS region is configured: pass -c region=/);
  });

  it('fails synth without a region, and puts both stacks in the stated one', () => {
    for (const name of ['CDK_DEFAULT_REGION', 'AWS_REGION', 'AWS_DEFAULT_REGION']) vi.stubEnv(name, '');
    expect(synthWith({ mailFrom: deploymentContext.mailFrom })).toThrow(/No AWS region is configured/);
    const { data, api } = synthWith({ ...deploymentContext, region: 'eu-south-1' })();
    expect([data.region, api.region]).toEqual(['eu-south-1', 'eu-south-1']);
  });
});
