// Builds the whole CDK app. infra/app.ts calls it for `cdk synth`; tests call it with their own
// manifests and without bundling.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { useCases as allUseCases } from '../functions/manifests.js';
import type { UseCaseManifest } from '../shared/manifest.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface BuildAppOptions {
  /** Defaults to every use case in functions/manifests.ts. */
  useCases?: UseCaseManifest[];
  /** false: no esbuild, functions get an inline stub (handler files need not exist). Default true. */
  bundle?: boolean;
  /** App context, e.g. cdk.json's when not run by the CDK CLI. */
  context?: Record<string, unknown>;
}

const optionalString = (app: App, key: string): string | undefined => {
  const value = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const buildApp = (options: BuildAppOptions = {}) => {
  const app = new App({ context: options.context });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-central-1' };
  const data = new StatefulStack(app, 'PusulaData', { env, description: 'Pusula CRM: table, bus, mail configuration, secrets (retained)' });
  const api = new StatelessStack(app, 'PusulaApi', {
    env,
    description: 'Pusula CRM: API, functions, rules, schedules, alarms',
    data,
    useCases: options.useCases ?? allUseCases,
    mailFrom: optionalString(app, 'mailFrom') ?? 'crm@example.com',
    corsOrigins: optionalString(app, 'corsOrigins') ?? '',
    publicBaseUrl: optionalString(app, 'publicBaseUrl'),
    alarmEmail: optionalString(app, 'alarmEmail'),
    bundle: options.bundle ?? true,
  });
  return { app, data, api };
};
