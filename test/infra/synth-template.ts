// Synthesizes both stacks without bundling (no esbuild, handler files need not exist), with
// cdk.json's context and cdk-nag on, for template assertions and the manifest parity test.
import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app.js';
import { repoRoot } from '../../infra/constructs/crm-function.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

/** The `context` of cdk.json: feature flags and defaults, as the CDK CLI would pass them. */
export const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(`${repoRoot}cdk.json`, 'utf8')).context;

/** What a deployment must state (`-c mailFrom=… -c region=…`); invented, never deployed. */
export const deploymentContext = { mailFrom: '"Pusula CRM" <crm@firma.com.tr>', region: 'eu-central-1' };

export interface SynthOptions {
  /** Defaults to every use case in functions/manifests.ts. */
  useCases?: UseCaseManifest[];
  /** Extra context over cdk.json's and deploymentContext (e.g. publicBaseUrl, alarmEmail). */
  context?: Record<string, unknown>;
}

/** Throws with cdk-nag's report if any finding is neither fixed nor acknowledged. */
export const synthTemplates = (options: SynthOptions = {}) => {
  const { data, api } = buildApp({
    useCases: options.useCases,
    bundle: false,
    context: { ...cdkJsonContext(), ...deploymentContext, ...options.context },
  });
  return { data: Template.fromStack(data), api: Template.fromStack(api), stacks: { data, api } };
};
