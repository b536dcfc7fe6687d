// AWS Control Tower's proactive controls (CloudFormation Guard, @cdklabs/cdk-validator-cfnguard) over
// every synthesized template, nested ones included: CDK's own policy-validation hook hands the plugin
// only the top-level stacks, so the templates are given to it here, once for the whole suite.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { controlTowerAcknowledgements, controlTowerValidator, guardRuleName } from '../../infra/control-tower.js';
import { cdkJsonContext, deploymentContext } from './synth-template.js';

let templatePaths: string[];
let synthesized: Construct;
let violations: PolicyValidationPluginReportBeta1['violations'];
const everyControl = new CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 });

// Every rule file of the plugin's Control Tower rules, with the resource types it names.
const rulesRoot = join(
  dirname(createRequire(import.meta.url).resolve('@cdklabs/cdk-validator-cfnguard')),
  '..',
  'rules',
);
const ruleFiles = readdirSync(join(rulesRoot, 'control-tower', 'cfn-guard'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name))
  .map((file) => ({ file, types: new Set(readFileSync(file, 'utf8').match(/AWS::\w+::\w+/g)) }));

/**
 * Guard reads a template once per rule file (about a fifth of a second each for the API stack's), and a rule
 * selects the resources of the types it names: over a template holding none of them it can only skip. Each
 * template is therefore checked against the rule files that name one of its types, templates needing the same
 * files in one run: the same findings as every rule over every template, in a third of the time.
 */
const checkEveryControl = (paths: string[], app: Construct) => {
  const byRules = new Map<string, string[]>();
  for (const path of paths) {
    const resources = (JSON.parse(readFileSync(path, 'utf8')) as { Resources?: Record<string, { Type: string }> })
      .Resources;
    const types = new Set(Object.values(resources ?? {}).map((resource) => resource.Type));
    const rules = ruleFiles.filter((rule) => [...rule.types].some((type) => types.has(type))).map((rule) => rule.file);
    const key = rules.join('\n');
    byRules.set(key, [...(byRules.get(key) ?? []), path]);
  }
  return [...byRules].flatMap(([rules, group]) =>
    rules === ''
      ? []
      : new CfnGuardValidator({
          controlTowerRulesEnabled: false,
          rules: rules.split('\n'),
          maxBuffer: 256 * 1024 * 1024,
        }).validate({ templatePaths: group, appConstruct: app }).violations,
  );
};

beforeAll(() => {
  const { app } = buildApp({ bundle: false, context: { ...cdkJsonContext(), ...deploymentContext } });
  const { directory } = app.synth();
  templatePaths = readdirSync(directory)
    .filter((name) => name.endsWith('.template.json'))
    .map((name) => join(directory, name));
  synthesized = app;
  violations = checkEveryControl(templatePaths, app);
  // One synth and guard over two dozen templates: minutes on a busy two-core machine.
}, 900_000);

/** `[CT.S3.PR.2]: Require …` → `CT.S3.PR.2`. */
const controlOf = (description: string) => /^\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(description)?.[1] ?? description;

describe('Control Tower proactive controls', () => {
  it('reads the nested stacks too', () => {
    expect(templatePaths.filter((path) => path.endsWith('.nested.template.json')).length).toBeGreaterThan(20);
  });

  it('finds with the rule files a template names what every rule file finds (the console stack, a small one)', () => {
    const consoleTemplate = templatePaths.filter((path) => path.endsWith('PusulaConsole.template.json'));
    const controls = (found: typeof violations) => found.map((v) => controlOf(v.description)).sort();
    const all = controls(
      everyControl.validate({ templatePaths: consoleTemplate, appConstruct: synthesized }).violations,
    );
    expect(all.length).toBeGreaterThan(0);
    expect(controls(checkEveryControl(consoleTemplate, synthesized))).toEqual(all);
  });

  it('finds nothing the stacks break that is not acknowledged with its reason, and no acknowledgement left unused', () => {
    const found = new Map<string, string[]>();
    for (const violation of violations) {
      const control = controlOf(violation.description);
      const resources = violation.violatingResources.map((r) => r.resourceLogicalId);
      found.set(control, [...(found.get(control) ?? []), ...resources]);
    }
    const unacknowledged = [...found].filter(([control]) => !Object.hasOwn(controlTowerAcknowledgements, control));
    expect(unacknowledged).toEqual([]);
    expect(Object.keys(controlTowerAcknowledgements).filter((control) => !found.has(control))).toEqual([]);
    for (const [control, reason] of Object.entries(controlTowerAcknowledgements))
      expect([control, reason.length > 40]).toEqual([control, true]);
  });

  it("excludes exactly the acknowledged controls through the plugin's own rule list", () => {
    const all = everyControl.ruleIds ?? [];
    const kept = controlTowerValidator().ruleIds ?? [];
    // The plugin names a rule by its file, ct-s3-pr-2 → s3pr2.
    const ruleId = (control: string) => guardRuleName(control).replace('ct-', '').replaceAll('-', '');
    const excluded = Object.keys(controlTowerAcknowledgements).map(ruleId);
    expect(excluded.filter((id) => !all.includes(id))).toEqual([]);
    expect(all.filter((id) => !kept.includes(id)).sort()).toEqual(excluded.sort());
  });
});
