// One manifest drives both clouds: every declared route, rule and schedule exists in the synthesized
// CloudFormation (the API stack and its nested stacks, one per use case) AND in the running local
// stack, and neither has anything the manifests lack.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { synthTemplates } from '../infra/synth-template.js';
import { api, localControlHeaders } from '../support/e2e.js';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let resources: Resources;
let synth: ReturnType<typeof synthTemplates>;

/** `/leads/{leadId}` for each API Gateway method, rebuilt from the Resource tree. */
const templateRoutes = () => {
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const resource = resources[id];
    if (resource?.Type !== 'AWS::ApiGateway::Resource') return ''; // the API root
    const parent = resource.Properties.ParentId as { Ref?: string };
    const path = `${parent.Ref ? pathOf(parent.Ref) : ''}/${resource.Properties.PathPart as string}`;
    paths.set(id, path);
    return path;
  };
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::ApiGateway::Method')
    .map((m) => {
      const resource = m.Properties.ResourceId as { Ref?: string };
      return `${m.Properties.HttpMethod as string} ${(resource.Ref && pathOf(resource.Ref)) || '/'}`;
    });
};

const declaredRoutes = useCases.flatMap((u) => u.routes.map((r) => `${r.method} ${r.path}`));
const declaredRules = useCases.flatMap((u) =>
  u.subscriptions.map((s) => ({ name: `${u.name}.${s.name}`, pattern: s.pattern })),
);
const declaredSchedules = useCases.flatMap((u) =>
  u.schedules.map((s) => ({ name: `${u.name}.${s.name}`, expression: s.expression })),
);

// The API stack with its nested stacks merged in: the methods are the parent's, the rules and
// schedules each use case's nested stack's.
beforeAll(() => {
  synth = synthTemplates();
  resources = synth.api.toJSON().Resources as Resources;
});

describe('manifest parity', () => {
  it("reads the API stack and every use case's nested stack", () => {
    const count = (template: Template) => Object.keys(template.toJSON().Resources).length;
    expect([...synth.apiNested.keys()]).toEqual(useCases.map((u) => u.name));
    expect(count(synth.apiParent) + [...synth.apiNested.values()].reduce((sum, nested) => sum + count(nested), 0)).toBe(
      Object.keys(resources).length,
    );
  });

  it('every route is in the template, and the template has no other', () => {
    expect(templateRoutes().sort()).toEqual([...declaredRoutes].sort());
  });

  it('every route answers locally (the router knows it)', async () => {
    for (const route of useCases.flatMap((u) => u.routes)) {
      const response = await fetch(`${api()}${route.path.replace(/\{\w+\}/g, 'x')}`, { method: route.method });
      const problem = response.headers.get('content-type')?.includes('problem')
        ? ((await response.json()) as { code: string })
        : undefined;
      expect([`${route.method} ${route.path}`, problem?.code]).not.toContainEqual(
        expect.stringMatching(/^(no-such-route|method-not-allowed)$/),
      );
    }
  });

  it('every subscription is a rule with the same pattern in the template and locally', async () => {
    const templateRules = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Events::Rule' && r.Properties.EventBusName)
      .map((r) => r.Properties.EventPattern);
    const local = (await (await fetch(`${api()}/_local/rules`, { headers: localControlHeaders })).json()) as {
      name: string;
      pattern: unknown;
    }[];
    expect(local).toEqual(declaredRules);
    for (const rule of declaredRules) expect(templateRules).toContainEqual(rule.pattern);
  });

  it('every schedule is in the template and in the local scheduler', async () => {
    const templateSchedules = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Scheduler::Schedule')
      .map((r) => r.Properties.ScheduleExpression);
    const local = (await (await fetch(`${api()}/_local/schedules`, { headers: localControlHeaders })).json()) as {
      name: string;
    }[];
    expect(local.map((s) => s.name).sort()).toEqual(declaredSchedules.map((s) => s.name).sort());
    expect(templateSchedules.sort()).toEqual(declaredSchedules.map((s) => s.expression).sort());
  });
});
