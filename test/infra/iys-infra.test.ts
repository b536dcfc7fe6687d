// İYS in AWS: only the functions declaring `iys` get İYS's address, the firm's codes and the secret
// holding the API user, and only they may read that secret; the context gives all three settings or none.
import { describe, expect, it } from 'vitest';
import { iys } from '../../functions/iys/manifest.js';
import { iysEnvironmentOf } from '../../infra/deploy-context.js';
import { synthTemplates } from './synth-template.js';

const settings = { iysUrl: 'https://iys.firma.test/api', iysCode: '123456', iysBrandCode: '654321' };
// As deployContext reads context: an empty value is none.
const given = (values: Record<string, string>) => (key: string) => values[key] || undefined;

describe('İYS in AWS', () => {
  const { data, apiNested } = synthTemplates({ useCases: [iys], context: settings });
  const functions = apiNested.get('iys')!;
  const lambdas = Object.values(functions.findResources('AWS::Lambda::Function')).map(
    (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
  );

  it('gives the İYS settings and the secret only to the functions that talk to İYS', () => {
    const talking = lambdas.filter((env) => env.IYS_SECRET_ARN !== undefined);
    const declared = Object.values(iys.functions).filter((fn) => fn.uses.iys);
    expect(declared.length).toBe(2);
    expect(talking).toHaveLength(declared.length);
    expect(lambdas.length).toBeGreaterThan(declared.length);
    for (const env of talking) {
      expect([env.IYS_URL, env.IYS_CODE, env.IYS_BRAND_CODE]).toEqual([
        settings.iysUrl,
        settings.iysCode,
        settings.iysBrandCode,
      ]);
      expect(env.IYS_PASSWORD).toBeUndefined();
    }
    const readers = Object.values(functions.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('IysCredentials'),
    );
    expect(readers).toHaveLength(declared.length);
    const secrets = data.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets).filter((id) => id.startsWith('IysCredentials'))).toHaveLength(1);
  });

  it('takes all three settings or none, each checked, and names what it wants', () => {
    expect(iysEnvironmentOf(given({}))).toEqual({});
    expect(iysEnvironmentOf(given(settings))).toEqual({
      IYS_URL: settings.iysUrl,
      IYS_CODE: settings.iysCode,
      IYS_BRAND_CODE: settings.iysBrandCode,
    });
    expect(() => iysEnvironmentOf(given({ iysUrl: settings.iysUrl }))).toThrow(
      'Context iysUrl, iysCode and iysBrandCode go together; got only iysUrl',
    );
    expect(() => iysEnvironmentOf(given({ ...settings, iysUrl: 'http://iys.firma.test' }))).toThrow(
      "Context iysUrl must be İYS's https API address",
    );
    expect(() => iysEnvironmentOf(given({ ...settings, iysCode: '12a' }))).toThrow(
      'Context iysCode must be the firm\'s İYS number (digits); got "12a".',
    );
    expect(() => iysEnvironmentOf(given({ ...settings, iysBrandCode: '' }))).toThrow(
      'go together; got only iysUrl, iysCode',
    );
  });
});
