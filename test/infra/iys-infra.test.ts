// İYS in AWS: only the functions declaring `iys` get İYS's address, the firm's codes and the secret
// holding the API user, and only they may read that secret; the context gives all three settings or none.
// The sync's figures have their alarms and a place on the dashboard.
import { describe, expect, it } from 'vitest';
import { iys } from '../../functions/iys/manifest.js';
import { iysEnvironmentOf } from '../../infra/deploy-context.js';
import { synthTemplates } from './synth-template.js';

const settings = { iysUrl: 'https://iys.firma.test/api', iysCode: '123456', iysBrandCode: '654321' };
// As deployContext reads context: an empty value is none.
const given = (values: Record<string, string>) => (key: string) => values[key] || undefined;

describe('İYS in AWS', () => {
  const { data, apiNested, apiParent } = synthTemplates({ useCases: [iys], context: settings });
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

  it("alarms on the sync's lag, its waiting pushes and İYS's refusals, each at its threshold, and draws them", () => {
    const alarms = Object.values(functions.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties)
      .filter((alarm) => alarm.Namespace === 'Pusula');
    expect(
      Object.fromEntries(
        alarms.map((a) => [
          a.MetricName,
          [a.Statistic, a.Period, a.ComparisonOperator, a.Threshold, a.EvaluationPeriods],
        ]),
      ),
    ).toEqual({
      IysSyncLagMinutes: ['Maximum', 300, 'GreaterThanThreshold', 60, 3],
      IysPushesWaiting: ['Maximum', 300, 'GreaterThanThreshold', 1000, 3],
      IysPushesRefused: ['Sum', 3600, 'GreaterThanThreshold', 0, 1],
    });
    for (const alarm of alarms) {
      expect(alarm.Dimensions).toEqual([{ Name: 'service', Value: 'pusula' }]);
      expect(alarm.AlarmActions).toHaveLength(1);
    }
    const dashboards = Object.values(apiParent.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const name of ['IysSyncLagMinutes', 'IysPushesWaiting', 'IysPushesRefused']) expect(body).toContain(name);
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
