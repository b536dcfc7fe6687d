// A regional web ACL on the API stage: a per-client rate limit on the public (anonymous) routes, and
// AWS's common and known-bad-input rule groups on everything. Two common rules only count: the
// 8 KB body limit (catalogue imports are up to 2 MiB, leads 16 KiB; each handler enforces its own
// limit) and the User-Agent requirement (integrations need not send one).
//
// Which address is the client's. The API is reached two ways: straight at execute-api (web forms,
// integrations), where the request's source address is the client's; and through the console's
// CloudFront distribution (`/v1/*`), where it is one of CloudFront's edge addresses, shared by
// everyone behind that edge. A rate rule on the source address alone would count a whole city as one
// caller. WAF on the distribution itself would see the viewer, but a CLOUDFRONT-scope web ACL must
// live in us-east-1, another stack in another region for every stage; so the regional ACL decides:
//  - X-Forwarded-For is not used: CloudFront appends the viewer's address as its LAST entry (the one
//    position to trust), but a rate-based rule's forwarded IP is the FIRST address in the header
//    (WAF API reference, RateLimitForwardedIP), which the client writes: a new fake address per
//    request would escape the limit.
//  - Instead a CloudFront Function on `/v1/*` writes the viewer's address (event.viewer.ip) alone into
//    a header of ours, replacing whatever the client sent, and CloudFront adds an origin header whose
//    value only this stage knows (derived from its stack id, never sent to browsers). Requests that
//    carry that proof are counted by the viewer header's address (FallbackBehavior MATCH: a missing
//    or bad address still counts, under WAF's fallback, instead of escaping); requests without it are
//    counted by their source address, so a direct caller forging the viewer header gains nothing.
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { RouteBase } from '../../shared/manifest.js';
import { problemDocument } from '../../shared/problems.js';

/** Headers CloudFront adds to the API's requests (see above); lower case, as CloudFront Functions name them. */
export const edgeHeaders = { viewerIp: 'x-pusula-viewer-ip', proof: 'x-pusula-edge' } as const;

/** The viewer-request function of the API behaviour: the viewer's address, and nothing the client wrote. */
export const viewerIpCode = [
  'function handler(event) {',
  '  var request = event.request;',
  `  request.headers['${edgeHeaders.viewerIp}'] = { value: event.viewer.ip };`,
  '  return request;',
  '}',
].join('\n');

export interface PublicFirewallProps {
  stage: Stage;
  /** The literal stage name: WAF matches it as text, a Ref would hide it from readers and tests. */
  stageName: string;
  publicRoutes: Pick<RouteBase, 'method' | 'path'>[];
  ratePer5Minutes: number;
  /** The value of the origin header CloudFront adds (edgeHeaders.proof). */
  edgeProof: string;
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
    const publicRoutes =
      routeStatements.length === 1 ? routeStatements[0]! : { orStatement: { statements: routeStatements } };
    const viaEdge = byteMatch({ singleHeader: { Name: edgeHeaders.proof } }, props.edgeProof, 'EXACTLY');
    const rateRule = (
      name: string,
      priority: number,
      counted: Pick<CfnWebACL.RateBasedStatementProperty, 'aggregateKeyType' | 'forwardedIpConfig'>,
      scope: object,
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
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
          evaluationWindowSec: 300,
          ...counted,
          scopeDownStatement: { andStatement: { statements: [publicRoutes, scope] } },
        },
      },
      visibilityConfig: visibility(name),
    });
    const rateRules = routeStatements.length
      ? [
          rateRule('public-rate-limit', 0, { aggregateKeyType: 'IP' }, { notStatement: { statement: viaEdge } }),
          rateRule(
            'public-rate-limit-via-cloudfront',
            1,
            {
              aggregateKeyType: 'FORWARDED_IP',
              forwardedIpConfig: { headerName: edgeHeaders.viewerIp, fallbackBehavior: 'MATCH' },
            },
            viaEdge,
          ),
        ]
      : [];

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'Pusula API: per-client rate limit on public routes, AWS managed protections',
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
        ...rateRules,
        managedGroup('AWSManagedRulesCommonRuleSet', 2, countedCommonRules),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });

    new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
