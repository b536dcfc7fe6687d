// The local pool on cognito-local, made as the CDK makes it in AWS (infra/constructs/user-pool.ts).
// People's admin operations are the people use case's (functions/people/user-pool.ts).
import { adminCall } from '../../functions/people/user-pool.js';
import { roles } from '../../shared/http.js';

export const createLocalPool = async () => {
  const { UserPool } = await adminCall<{ UserPool: { Id: string } }>('CreateUserPool', {
    PoolName: 'pusula-people',
    UsernameAttributes: ['email'],
    MfaConfiguration: 'OPTIONAL',
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
  });
  const { UserPoolClient } = await adminCall<{ UserPoolClient: { ClientId: string } }>('CreateUserPoolClient', {
    UserPoolId: UserPool.Id,
    ClientName: 'console',
    // USER_AUTH is what the console asks for; the front (cognito-front.ts) serves it to cognito-local.
    ExplicitAuthFlows: [
      'ALLOW_USER_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ],
    AccessTokenValidity: 1,
    IdTokenValidity: 1,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
  });
  for (const role of roles) await adminCall('CreateGroup', { UserPoolId: UserPool.Id, GroupName: role });
  return { userPoolId: UserPool.Id, clientId: UserPoolClient.ClientId };
};
