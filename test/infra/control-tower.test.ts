// AWS Control Tower's proactive controls (CloudFormation Guard, @cdklabs/cdk-validator-cfnguard) over
// every synthesized template, nested ones included: CDK's own policy-validation hook hands the plugin
// only the top-level stacks, so the templates are given to it here, once for the whole suite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { controlTowerAcknowledgements, controlTowerValidator, guardRuleName } from '../../infra/control-tower.js';
import { cdkJsonContext, deploymentContext } from './synth-template.js';

let templatePaths: string[];
let report: PolicyValidationPluginReportBeta1;
const everyControl = new CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 });

beforeAll(() => {
  const { app } = buildApp({ bundle: false, context: { ...cdkJsonContext(), ...deploymentContext } });
  const { directory } = app.synth();
  templatePaths = readdirSync(directory)
    .filter((name) => name.endsWith('.template.json'))
    .map((name) => join(directory, name));
  report = everyControl.validate({ templatePaths, appConstruct: app });
  // One synth and one guard run over two dozen templates: minutes on a busy two-core machine.
}, 900_000);

/** `[CT.S3.PR.2]: Require …` → `CT.S3.PR.2`. */
const controlOf = (description: string) => /^\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(description)?.[1] ?? description;

describe('Control Tower proactive controls', () => {
  it('reads the nested stacks too', () => {
    expect(templatePaths.filter((path) => path.endsWith('.nested.template.json')).length).toBeGreaterThan(20);
  });

  it('finds nothing the stacks break that is not acknowledged with its reason, and no acknowledgement left unused', () => {
    const found = new Map<string, string[]>();
    for (const violation of report.violations) {
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
