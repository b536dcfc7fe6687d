// Two copies of the CRM in one account: stages side by side in one region, and one stage in two
// regions. Every stack name carries the stage; every name CloudFront keeps account-wide carries the
// stage and the region; no name that must be unique is shared. Synthesized with the smallest use case
// (an API needs a method): the names live in the stacks' own resources.
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { buildApp } from '../../infra/build-app.js';
import { cdkJsonContext, deploymentContext } from './synth-template.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, read along the paths named below
type Cfn = any;

/** Resource types whose name must be unique, where it is read, and how far the uniqueness reaches. */
const uniqueNames: [type: string, path: string[], scope: 'account' | 'region'][] = [
  ['AWS::CloudFront::ResponseHeadersPolicy', ['ResponseHeadersPolicyConfig', 'Name'], 'account'],
  ['AWS::CloudFront::Function', ['Name'], 'account'],
  ['AWS::CloudFront::OriginAccessControl', ['OriginAccessControlConfig', 'Name'], 'account'],
  ['AWS::Glue::Database', ['DatabaseInput', 'Name'], 'region'],
  ['AWS::Athena::WorkGroup', ['Name'], 'region'],
];

interface Copy {
  stage: string;
  region: string;
  stacks: Stack[];
  templates: Template[];
}

const functionsOf = (useCase: (typeof useCases)[number]) => Object.keys(useCase.functions).length;
const smallest = [...useCases].sort((a, b) => functionsOf(a) - functionsOf(b)).slice(0, 1);

const synth = (stage: string, region: string): Copy => {
  const { data, api, consoleFiles } = buildApp({
    useCases: smallest,
    bundle: false,
    context: { ...cdkJsonContext(), ...deploymentContext, stage, region },
  });
  const stacks = [data, api, consoleFiles];
  return { stage, region, stacks, templates: stacks.map((stack) => Template.fromStack(stack)) };
};

/** Every unique name in a copy, as `<scope> <type> <name>`, with the stack names and export names. */
const namesOf = (copy: Copy) => {
  const names: string[] = copy.stacks.map((stack) => `region stack ${stack.stackName}`);
  for (const template of copy.templates) {
    const json = template.toJSON();
    for (const output of Object.values<Cfn>(json.Outputs ?? {})) {
      if (output.Export) names.push(`region export ${JSON.stringify(output.Export.Name)}`);
    }
    for (const [type, path, scope] of uniqueNames) {
      for (const resource of Object.values<Cfn>(template.findResources(type))) {
        const name = path.reduce((value, key) => value?.[key], resource.Properties);
        expect(typeof name, `${type} has a literal name`).toBe('string');
        names.push(`${scope} ${type} ${name}`);
      }
    }
  }
  return names;
};

let prodFrankfurt: Copy;
let testFrankfurt: Copy;
let prodIreland: Copy;
beforeAll(() => {
  prodFrankfurt = synth('prod', 'eu-central-1');
  testFrankfurt = synth('test', 'eu-central-1');
  prodIreland = synth('prod', 'eu-west-1');
});

describe('stages', () => {
  it('names each stack after its stage', () => {
    expect(testFrankfurt.stacks.map((stack) => stack.stackName)).toEqual([
      'pusula-test-data',
      'pusula-test-api',
      'pusula-test-console',
    ]);
    expect(prodFrankfurt.stacks.map((stack) => stack.stackName)).toEqual([
      'pusula-prod-data',
      'pusula-prod-api',
      'pusula-prod-console',
    ]);
  });

  it('names every account-wide CloudFront resource after stage and region, and the Glue database validly', () => {
    for (const copy of [prodFrankfurt, testFrankfurt, prodIreland]) {
      const names = namesOf(copy);
      const accountWide = names.filter((name) => name.startsWith('account '));
      expect(accountWide).toHaveLength(4);
      for (const name of accountWide) expect(name).toContain(`pusula-${copy.stage}-api-${copy.region}-`);
      // Glue: lower case, digits and `_` only (a hyphen makes Athena's DDL refuse it unquoted).
      const glue = names.filter((name) => name.includes('AWS::Glue::Database')).map((name) => name.split(' ')[2]);
      expect(glue).toEqual([`pusula_${copy.stage}_data`]);
      for (const name of glue) expect(name).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('shares no unique name between two stages in one region', () => {
    const a = namesOf(prodFrankfurt);
    const b = new Set(namesOf(testFrankfurt));
    expect(a.length).toBeGreaterThan(5);
    expect(a.filter((name) => b.has(name))).toEqual([]);
  });

  it('shares no account-wide name between one stage in two regions', () => {
    const ireland = new Set(namesOf(prodIreland));
    const shared = namesOf(prodFrankfurt).filter((name) => ireland.has(name));
    // Stack, export, Glue and Athena names are per region: the same stage may reuse them elsewhere.
    expect(shared.filter((name) => name.startsWith('account '))).toEqual([]);
  });

  it.each(['Prod', '-prod', 'prod-', 'pr_od', 'a-very-long-stage-name-x', 'eu pilot'])(
    'refuses the stage %j, naming what is accepted',
    (stage) => {
      const build = () =>
        buildApp({ useCases: [], bundle: false, context: { ...cdkJsonContext(), ...deploymentContext, stage } });
      expect(build).toThrow(
        /Context stage must be 1–20 lower-case letters, digits and hyphens.*like prod, test, eu-pilot/,
      );
    },
  );
});
