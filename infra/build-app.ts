// Builds the whole CDK app. infra/app.ts calls it for `cdk synth`; tests call it with their own
// manifests and without bundling.
import { App, type IPolicyValidationPluginBeta1, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { useCases as allUseCases } from '../functions/manifests.js';
import type { UseCaseManifest } from '../shared/manifest.js';
import { repoRoot } from './constructs/crm-function.js';
// the staff console's files
import { ConsoleFilesStack } from './constructs/static-site.js';
import { deployContext } from './deploy-context.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface BuildAppOptions {
  /** Defaults to every use case in functions/manifests.ts. */
  useCases?: UseCaseManifest[];
  /** false: no esbuild, functions get an inline stub (handler files need not exist). Default true. */
  bundle?: boolean;
  /** App context, e.g. cdk.json's when not run by the CDK CLI. */
  context?: Record<string, unknown>;
  /** Policy-validation plugins run on the synthesized templates (the tests add CloudFormation Guard's). */
  policyValidation?: IPolicyValidationPluginBeta1[];
}

export const buildApp = (options: BuildAppOptions = {}) => {
  const app = new App({ context: options.context, policyValidationBeta1: options.policyValidation });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  const context = deployContext((key) => app.node.tryGetContext(key));
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: context.region };
  // Stack names carry the stage (CloudFormation names are unique per account and region); names
  // that are global to the account (CloudFront's) carry the region as well, in the constructs.
  const stackName = (part: string) => `pusula-${context.stage}-${part}`;
  const data = new StatefulStack(app, 'PusulaData', {
    env,
    stackName: stackName('data'),
    description: 'Pusula CRM: table, bus, mail configuration, secrets (retained)',
    mailFrom: context.mailFrom,
    smsSenderId: context.smsSenderId,
  });
  const api = new StatelessStack(app, 'PusulaApi', {
    env,
    stackName: stackName('api'),
    description: 'Pusula CRM: API, authorizer, outbox relay, alarms; each use case in a nested stack of its own',
    data,
    useCases: options.useCases ?? allUseCases,
    mailFrom: context.mailFrom,
    corsOrigins: context.corsOrigins,
    publicBaseUrl: context.publicBaseUrl,
    alarmEmail: context.alarmEmail,
    fallbackNotifyEmail: context.fallbackNotifyEmail,
    marketing: context.marketing,
    connectInstanceArn: context.connectInstanceArn,
    iys: context.iys,
    erpUrl: context.erpUrl,
    bundle: options.bundle ?? true,
  });
  // the staff console's files and config.json, into the bucket the API stack's distribution serves
  const consoleFiles = new ConsoleFilesStack(app, 'PusulaConsole', {
    env,
    stackName: stackName('console'),
    description: "Pusula CRM: the staff console's files and config.json",
    site: api.staffConsole,
    build: options.bundle ?? true,
    repoRoot,
    config: {
      apiBaseUrl: api.staffConsole.apiBaseUrl,
      cognitoEndpoint: `${api.cognitoEndpoint}/`,
      region: context.region,
      clientId: data.people.consoleClient.userPoolClientId,
    },
  });
  return { app, data, api, consoleFiles };
};
