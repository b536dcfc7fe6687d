// A regional web ACL on the API stage: a per-IP rate limit on the public (anonymous) routes, and
// AWS's common and known-bad-input rule groups on everything. Two common rules only count: the
// 8 KB body limit (catalogue imports are up to 2 MiB, leads 16 KiB; each handler enforces its own
// limit) and the User-Agent requirement (integrations need not send one).
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { RouteBase } from '../../shared/manifest.js';
import { problemDocument } from '../../shared/problems.js';

export interface PublicFirewallProps {
  stage: Stage;
  /** The literal stage name: WAF matches it as text, a Ref would hide it from readers and tests. */
  stageName: string;
  publicRoutes: Pick<RouteBase, 'method' | 'path'>[];
  ratePer5Minutes: number;
}

const visibility = (metricName: string) => ({
  metricName,
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
});

const byteMatch = (fieldToMatch: object, searchString: string, positionalConstraint: string) => ({
  byteMatchStatement: {
    fieldToMatch,
    searchString,
    positionalConstraint,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

/**
 * One public route as WAF sees it: the method, and the path behind the stage (execute-api paths
 * carry it). A path with parameters matches by its prefix up to the first `{`.
 */
export const publicRouteStatement = (stageName: string, route: PublicFirewallProps['publicRoutes'][number]) => {
  const firstParameter = route.path.indexOf('{');
  const path =
    firstParameter < 0
      ? byteMatch({ uriPath: {} }, `/${stageName}${route.path}`, 'EXACTLY')
      : byteMatch({ uriPath: {} }, `/${stageName}${route.path.slice(0, firstParameter)}`, 'STARTS_WITH');
  return { andStatement: { statements: [byteMatch({ method: {} }, route.method, 'EXACTLY'), path] } };
};

/** Rules of AWSManagedRulesCommonRuleSet that count instead of block (see above). */
export const countedCommonRules = ['SizeRestrictions_BODY', 'NoUserAgent_HEADER'];

const managedGroup = (name: string, priority: number, countOnly: string[] = []) => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(countOnly.length
        ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
        : {}),
    },
  },
  visibilityConfig: visibility(name),
});

export class PublicFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: PublicFirewallProps) {
    super(scope, id);
    const routeStatements = props.publicRoutes.map((route) => publicRouteStatement(props.stageName, route));
    const rateRule: CfnWebACL.RuleProperty[] = routeStatements.length
      ? [
          {
            name: 'public-rate-limit',
            priority: 0,
            action: {
              block: {
                customResponse: {
                  responseCode: 429,
                  customResponseBodyKey: 'too-many-requests',
                  responseHeaders: [{ name: 'retry-after', value: '60' }],
                },
              },
            },
            statement: {
              rateBasedStatement: {
                limit: props.ratePer5Minutes,
                aggregateKeyType: 'IP',
                evaluationWindowSec: 300,
                scopeDownStatement:
                  routeStatements.length === 1 ? routeStatements[0] : { orStatement: { statements: routeStatements } },
              },
            },
            visibilityConfig: visibility('public-rate-limit'),
          },
        ]
      : [];

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'Pusula API: per-IP rate limit on public routes, AWS managed protections',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('pusula-api'),
      customResponseBodies: {
        'too-many-requests': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(
            problemDocument(
              429,
              'too-many-requests',
              'Too many requests from this address; try again in a few minutes.',
            ),
          ),
        },
      },
      rules: [
        ...rateRule,
        managedGroup('AWSManagedRulesCommonRuleSet', 1, countedCommonRules),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 2),
      ],
    });

    new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
