// The user pool people sign in with, its console client and groups, and what the authorizer is given.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/http.js';
import { synthTemplates } from './synth-template.js';

let data: Template;
let api: Template;
beforeAll(() => {
  // Throws with cdk-nag's report when a finding is neither fixed nor acknowledged.
  ({ data, api } = synthTemplates());
});

describe('sign-in for people', () => {
  it('is a user pool admins invite people to, e-mail as the sign-in name, 12+ character passwords, TOTP MFA optional', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true }) },
      DeletionProtection: 'ACTIVE',
    });
    data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...roles].sort());
  });

  it("sends invitations and password resets through the stage's SES sender and configuration set, not Cognito's 50 a day", () => {
    const [[configurationSetId]] = Object.entries(data.findResources('AWS::SES::ConfigurationSet')) as [
      [string, unknown],
    ];
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'crm@firma.com.tr',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([':identity/firma.com.tr'])] },
        ConfigurationSet: { Ref: configurationSetId },
      },
    });
  });

  it('lets the console ask for an authentication level: USER_AUTH on the client, the password first, Essentials', () => {
    // Cognito reports `amr` (and so whether a second factor was given) only for a sign-in that asks
    // for a level: USER_AUTH with TARGET_ACR_VALUES, on the Essentials or Plus feature plan.
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } }),
    });
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_AUTH']),
    });
  });

  it('has a console client with SRP and refresh, no secret, 1 h tokens, 30-day refresh, revocation on, no existence errors', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      GenerateSecret: false,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 43200,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    const outputs = Object.keys(data.toJSON().Outputs);
    expect(outputs).toEqual(expect.arrayContaining(['UserPoolId', 'UserPoolClientId']));
  });

  it("gives the authorizer, the sign-out and the people function the pool's ids, and the authorizer the console's usage key", () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function'));
    const withPool = functions.filter((fn) => fn.Properties.Environment?.Variables?.COGNITO_USER_POOL_ID);
    expect(withPool.map((fn) => fn.Properties.Description).sort()).toEqual([
      'Admins: invite, list, move and disable people (directory and user pool)',
      "Checks bearer keys and people's sign-in tokens, and scopes, for every non-public route",
      "Signs a person out: revokes the refresh token, records the session's end",
    ]);
    for (const fn of withPool) expect(fn.Properties.Environment.Variables.COGNITO_CLIENT_ID).toBeDefined();
    const withUsageKey = functions.filter((fn) => fn.Properties.Environment?.Variables?.CONSOLE_USAGE_KEY);
    expect(withUsageKey).toHaveLength(1);
    api.hasResourceProperties('AWS::ApiGateway::UsagePlan', { UsagePlanName: 'console' });
    api.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
  });
});
