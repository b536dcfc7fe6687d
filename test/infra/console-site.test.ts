// The staff console in AWS: a private bucket only CloudFront reads (OAC), security headers with a
// CSP naming the API and Cognito, the SPA fallback, outputs, and the API allowing its origin.
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { unlistedUnhashedFiles } from '../../infra/constructs/static-site.js';
import { cdkJsonContext, deploymentContext, mergedTemplate } from './synth-template.js';

let api: Template;
let apiParent: Template;
let files: Template;
let app: ReturnType<typeof buildApp>;
beforeAll(() => {
  app = buildApp({ bundle: false, context: { ...cdkJsonContext(), ...deploymentContext } });
  // Throws with cdk-nag's report when a finding in any stack is neither fixed nor acknowledged.
  apiParent = Template.fromStack(app.api);
  api = mergedTemplate(app.api);
  files = Template.fromStack(app.consoleFiles);
});

const onlyResource = (template: Template, type: string) => {
  const found = Object.entries(template.findResources(type));
  expect(found).toHaveLength(1);
  return { id: found[0]![0], properties: found[0]![1].Properties };
};

describe('the staff console in AWS', () => {
  it('keeps its files in a private, encrypted, TLS-only bucket that only the distribution reads, through origin access control', () => {
    const bucket = onlyResource(apiParent, 'AWS::S3::Bucket');
    expect(bucket.properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    apiParent.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    const distribution = onlyResource(apiParent, 'AWS::CloudFront::Distribution');
    const origin = distribution.properties.DistributionConfig.Origins[0];
    expect(origin.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'],
    });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const policy = onlyResource(apiParent, 'AWS::S3::BucketPolicy').properties.PolicyDocument.Statement;
    expect(policy).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
        }),
      ]),
    );
  });

  it("has no custom error responses, so /v1/* keeps the API's status and problem+json; /console/ answers its index", () => {
    const { properties } = onlyResource(apiParent, 'AWS::CloudFront::Distribution');
    const config = properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('console/index.html');
    // Custom error responses apply to every behaviour: any at all would rewrite the API's 403/404.
    expect(config.CustomErrorResponses).toBeUndefined();
    // Nothing on the API's behaviour touches a response: no response function, no headers policy, no
    // cache. Its one function is on the viewer request (the viewer's address for the firewall,
    // deploy-hazards.test.ts).
    const [apiBehaviour] = config.CacheBehaviors;
    expect(apiBehaviour.PathPattern).toBe('/v1/*');
    expect(apiBehaviour.FunctionAssociations.map((a: { EventType: string }) => a.EventType)).toEqual([
      'viewer-request',
    ]);
    expect(apiBehaviour.LambdaFunctionAssociations).toBeUndefined();
    expect(apiBehaviour.ResponseHeadersPolicyId).toBeUndefined();
    // The files behaviour rewrites a directory to its index, on the viewer request only.
    const functions = Object.entries(apiParent.findResources('AWS::CloudFront::Function'));
    expect(functions).toHaveLength(2);
    const [fnId, fnResource] = functions.find(([id]) => id.includes('DirectoryIndex'))!;
    const fn = { id: fnId, properties: fnResource.Properties };
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn.id, 'FunctionARN'] } },
    ]);
    expect(fn.properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const handler = new Function(`${fn.properties.FunctionCode}; return handler;`)() as (e: unknown) => { uri: string };
    expect(handler({ request: { uri: '/console/' } }).uri).toBe('/console/index.html');
    expect(handler({ request: { uri: '/console/assets/app.js' } }).uri).toBe('/console/assets/app.js');
    expect(handler({ request: { uri: '/console' } }).uri).toBe('/console');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const headers = onlyResource(apiParent, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: headers.id });
    const security = headers.properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      IncludeSubdomains: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    // The CSP: own scripts only; calls to its own origin (the API is served there) and Cognito's only.
    const csp = JSON.stringify(security.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/cognito-idp\./);
    expect(csp).not.toContain('execute-api');
    expect(csp).toContain('https://cognito-idp.');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves the API under /v1/ on the same origin, uncached, every method, every viewer header but Host', () => {
    const { properties } = onlyResource(apiParent, 'AWS::CloudFront::Distribution');
    const config = properties.DistributionConfig;
    expect(config.CacheBehaviors).toHaveLength(1);
    const [api] = config.CacheBehaviors;
    expect(api).toMatchObject({ PathPattern: '/v1/*', ViewerProtocolPolicy: 'https-only' });
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']));
    // The managed CachingDisabled and AllViewerExceptHostHeader policies.
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(origin.OriginPath ?? '').toBe('');
  });

  it("deploys the app under console/ with a config.json naming the API, Cognito and the console's client", () => {
    const deployment = onlyResource(files, 'Custom::CDKBucketDeployment');
    expect(deployment.properties.DestinationBucketKeyPrefix).toBe('console/');
    // Only what a deploy rewrites under the same name: no wildcard over the content-hashed assets.
    expect(deployment.properties.DistributionPaths).toEqual([
      '/console/',
      '/console/index.html',
      '/console/config.json',
    ]);
    expect(deployment.properties.DistributionPaths.filter((path: string) => path.includes('*'))).toEqual([]);
    expect(deployment.properties.SourceObjectKeys).toHaveLength(2);
    const config = app.consoleFiles.resolve(app.consoleFiles.config);
    expect(Object.keys(config).sort()).toEqual(['apiBaseUrl', 'clientId', 'cognitoEndpoint', 'region']);
    // The API through the console's own distribution: no cross-origin call.
    expect(JSON.stringify(config.apiBaseUrl)).toMatch(/DomainName.*\/v1\//);
    expect(JSON.stringify(config.cognitoEndpoint)).toMatch(/https:\/\/cognito-idp\./);
    // The console's app client of the data stack's user pool.
    expect(JSON.stringify(config.clientId)).toMatch(/PeoplePoolConsole/);
    // The API stack has no function but its own: the deployment's handler lives with the files.
    expect(
      Object.keys(apiParent.findResources('AWS::Lambda::Function')).some((id) => id.includes('BucketDeployment')),
    ).toBe(false);
  });

  it("refuses a console build with an unhashed file the deploy's invalidation would miss", () => {
    expect(
      unlistedUnhashedFiles(['index.html', 'config.json', 'assets/index-BdK3xQ9a.js', 'assets/dashboard-C1_x-9Zq.css']),
    ).toEqual([]);
    expect(unlistedUnhashedFiles(['index.html', 'favicon.ico', 'assets/index.js', 'assets/logo-BdK3xQ9.svg'])).toEqual([
      'favicon.ico',
      'assets/index.js',
      'assets/logo-BdK3xQ9.svg',
    ]);
  });

  it('outputs the console URL, bucket and distribution, and lets every function allow its origin in CORS', () => {
    const outputs = apiParent.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ConsoleUrl', 'ConsoleBucketName', 'ConsoleDistributionId']),
    );
    expect(JSON.stringify(outputs.ConsoleUrl.Value)).toContain('DomainName');
    const functions = Object.values(api.findResources('AWS::Lambda::Function')).filter(
      (fn) => fn.Properties.Environment?.Variables?.CORS_ORIGINS !== undefined,
    );
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions)
      expect(JSON.stringify(fn.Properties.Environment.Variables.CORS_ORIGINS)).toMatch(
        /Distribution[^"]*","DomainName"/,
      );
  });
});
