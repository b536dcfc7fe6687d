// Marketing settings from the CDK context reach the campaign and subscription functions that read
// them (and no other), and a value those functions would refuse fails synth.
import { describe, expect, it } from 'vitest';
import { campaignsUseCase } from '../../functions/campaigns/manifest.js';
import { permissionMarketing } from '../../functions/campaigns/subscriptions-manifest.js';
import { leadCapture } from '../../functions/lead-capture/manifest.js';
import { deployContext } from '../../infra/deploy-context.js';
import { deploymentContext, synthTemplates } from './synth-template.js';

const settings = {
  sesMaxSendRate: '50',
  marketingTopics: 'offers, newsletter,birthday',
  marketingCapMax: '3',
  marketingCapDays: '10',
};

const variablesOf = (
  template: ReturnType<typeof synthTemplates>['apiNested'] extends Map<string, infer T> ? T : never,
) =>
  Object.values(template.findResources('AWS::Lambda::Function')).map(
    (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
  );

describe('marketing configuration in AWS', () => {
  it('sets SES_MAX_SEND_RATE, MARKETING_TOPICS and MARKETING_CAP_* on every campaign and subscription function, and on no other', () => {
    const { apiNested } = synthTemplates({
      useCases: [leadCapture, campaignsUseCase, permissionMarketing],
      context: settings,
    });
    const expected = {
      SES_MAX_SEND_RATE: '50',
      MARKETING_TOPICS: 'offers,newsletter,birthday',
      MARKETING_CAP_MAX: '3',
      MARKETING_CAP_DAYS: '10',
    };
    for (const useCase of [campaignsUseCase, permissionMarketing]) {
      const variables = variablesOf(apiNested.get(useCase.name)!);
      expect(variables).toHaveLength(Object.keys(useCase.functions).length);
      for (const env of variables) expect(env).toMatchObject(expected);
    }
    for (const env of variablesOf(apiNested.get(leadCapture.name)!))
      expect(env).not.toHaveProperty('SES_MAX_SEND_RATE');
  });

  it('leaves them unset without context (the functions use their defaults) and refuses values they would refuse', () => {
    const read = (context: Record<string, string>) =>
      deployContext((key) => ({ ...deploymentContext, ...context })[key as keyof typeof context]);
    expect(read({}).marketing).toEqual({});
    expect(() => read({ sesMaxSendRate: 'fast' })).toThrow(/sesMaxSendRate must be a positive number/);
    expect(() => read({ marketingCapMax: '0' })).toThrow(/marketingCapMax must be a whole number/);
    expect(() => read({ marketingTopics: 'offers,,Haber' })).toThrow(/marketingTopics must be comma-separated/);
  });
});
