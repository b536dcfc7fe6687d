// Synthesizes both stacks without bundling (no esbuild, handler files need not exist), with
// cdk.json's context and cdk-nag on, for template assertions and the manifest parity test.
import { readFileSync } from 'node:fs';
import { NestedStack, type Stack } from 'aws-cdk-lib';
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

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, walked generically
type Cfn = any;

/** Rewrites every `{ Ref: key }` / `{ Fn::GetAtt: [..] }` the `replace` function knows, deeply. */
const substitute = (value: Cfn, replace: (node: Cfn) => Cfn | undefined): Cfn => {
  if (Array.isArray(value)) return value.map((item) => substitute(item, replace));
  if (value === null || typeof value !== 'object') return value;
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, replace)]));
};

/**
 * One template with the resources of a stack and of its nested stacks, as if they were one stack:
 * each nested parameter is replaced by the value the parent passes, and each parent reference to a
 * nested output by that output's value. Assertions on what the deployment holds (every function,
 * policy, rule, schedule, alarm) read this; where a resource lives is asserted on `parent`/`nested`.
 */
export const mergedTemplate = (stack: Stack): Template => {
  const parent = Template.fromStack(stack).toJSON();
  const nestedStacks = stack.node
    .findAll()
    .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);
  const outputs = new Map<string, Record<string, Cfn>>();
  const resources: Record<string, Cfn> = { ...parent.Resources };
  for (const nested of nestedStacks) {
    const template = Template.fromStack(nested).toJSON();
    const resourceId = stack.resolve(nested.nestedStackResource!.logicalId) as string;
    const passed: Record<string, Cfn> = parent.Resources[resourceId].Properties.Parameters ?? {};
    const fromParent = (node: Cfn) =>
      typeof node.Ref === 'string' && Object.hasOwn(passed, node.Ref) ? passed[node.Ref] : undefined;
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (Object.hasOwn(resources, id))
        throw new Error(`logical id ${id} is in both ${stack.stackName} and nested ${nested.node.id}`);
      resources[id] = substitute(resource, fromParent);
    }
    outputs.set(
      resourceId,
      Object.fromEntries(
        Object.entries<Cfn>(template.Outputs ?? {}).map(([name, output]) => [
          `Outputs.${name}`,
          substitute(output.Value, fromParent),
        ]),
      ),
    );
  }
  const fromNested = (node: Cfn) => {
    const [id, attribute] = Array.isArray(node['Fn::GetAtt']) ? node['Fn::GetAtt'] : [];
    return outputs.get(id)?.[attribute];
  };
  return Template.fromJSON({ ...parent, Resources: substitute(resources, fromNested) });
};

/** Throws with cdk-nag's report if any finding is neither fixed nor acknowledged. */
export const synthTemplates = (options: SynthOptions = {}) => {
  const { data, api, consoleFiles } = buildApp({
    useCases: options.useCases,
    bundle: false,
    context: { ...cdkJsonContext(), ...deploymentContext, ...options.context },
  });
  return {
    data: Template.fromStack(data),
    /** The API stack with every use case's nested stack merged in: what the deployment holds. */
    api: mergedTemplate(api),
    /** The API stack's own template, nested stacks as AWS::CloudFormation::Stack resources. */
    apiParent: Template.fromStack(api),
    /** Each use case's nested template, by manifest name. */
    apiNested: new Map([...api.useCaseStacks].map(([name, nested]) => [name, Template.fromStack(nested)])),
    /** The stack that copies the console's files. */
    consoleFiles: Template.fromStack(consoleFiles),
    stacks: { data, api },
  };
};
